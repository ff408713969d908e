package dev.pilotgate.bench;

import dev.pilotgate.model.DataSource;
import dev.pilotgate.model.Direction;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.MetricKind;
import dev.pilotgate.model.Observation;
import dev.pilotgate.model.Owner;
import dev.pilotgate.model.OwnerKind;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.Playbook;
import dev.pilotgate.model.RecordedDecision;
import dev.pilotgate.model.Rollout;
import dev.pilotgate.model.Stage;
import dev.pilotgate.model.SuccessCriterion;
import dev.pilotgate.model.UsageRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;

/**
 * jqwik arbitraries for pilots that reach every rule: values at and around every policy
 * limit, absent parts, dates on both sides of the decision day {@link #AS_OF}, and metric
 * series that rise, fall, stall or are too short. Metrics are drawn from a few names so
 * observations meet their criteria.
 */
final class GeneratedPilots {
  static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);
  private static final List<String> METRICS = List.of("m1", "m2", "m3");
  private static final List<String> USERS = List.of("u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8");

  private GeneratedPilots() {}

  /** A day within {@code before} days before and {@code after} days after {@link #AS_OF}. */
  static Arbitrary<LocalDate> day(int before, int after) {
    return Arbitraries.integers().between(-before, after).map(AS_OF::plusDays);
  }

  /**
   * A criterion, dated relative to the launch (when there is none, to 300 days before the
   * decision day): its deadline is never before the launch (the model refuses that), it may be
   * agreed before or after it.
   */
  static Arbitrary<Function<LocalDate, SuccessCriterion>> criterion() {
    Arbitrary<Direction> direction = Arbitraries.of(Direction.class);
    Arbitrary<Double> baseline = Arbitraries.of(0.2, 0.5).injectNull(0.1);
    Arbitrary<Double> target = Arbitraries.of(0.2, 0.5, 0.8, 0.1).injectNull(0.1);
    return Combinators.combine(Arbitraries.of(METRICS), Arbitraries.of(MetricKind.class), baseline, target, direction,
            Arbitraries.integers().between(0, 500).injectNull(0.1),
            Arbitraries.integers().between(-60, 30).injectNull(0.2))
        .as((metric, kind, base, tgt, dir, deadline, defined) -> launch -> {
          LocalDate from = launch == null ? AS_OF.minusDays(300) : launch;
          return new SuccessCriterion(metric, kind, base, tgt, dir, deadline == null ? null : from.plusDays(deadline),
              defined == null ? null : from.plusDays(defined));
        });
  }

  static Arbitrary<Owner> owner() {
    return Combinators.combine(Arbitraries.of("Dana", "Sam"), Arbitraries.of("Lead").injectNull(0.3),
            Arbitraries.of(OwnerKind.class), Arbitraries.of(true, false), day(400, 30).injectNull(0.2))
        .as(Owner::new);
  }

  static Arbitrary<DataSource> source() {
    Arbitrary<Double> dup = Arbitraries.of(0.0, 0.02, 0.0201, 0.08).injectNull(0.1);
    Arbitrary<Integer> missing = Arbitraries.of(0, 1, 3).injectNull(0.1);
    Arbitrary<Double> formats = Arbitraries.of(0.0, 0.05, 0.0501, 0.2).injectNull(0.1);
    Arbitrary<Map<String, Double>> devices = Arbitraries.maps(Arbitraries.of("d1", "d2", "d3"),
        Arbitraries.of(0.0, 0.05, -0.05, 0.0501, -0.12)).ofMaxSize(2);
    return Combinators.combine(Arbitraries.of("CRM", "ERP", "Sensors"), day(400, 20).injectNull(0.15), dup, missing,
            formats, Arbitraries.of(true, false).edgeCases(c -> c.add(false)), Arbitraries.of(true, false), devices)
        .as(DataSource::new);
  }

  static Arbitrary<Rollout> rollout() {
    Arbitrary<List<String>> cohort = Arbitraries.of(USERS).list().uniqueElements().ofMaxSize(7);
    return Combinators.combine(day(200, 5), Arbitraries.integers().between(0, 12), Arbitraries.integers().between(0, 12),
            cohort, Arbitraries.of(true, false))
        .as((start, eligible, deployed, early, legacy) ->
            new Rollout(start, eligible, Math.min(eligible, deployed), early, legacy));
  }

  static Arbitrary<UsageRecord> usage() {
    return Combinators.combine(Arbitraries.of(USERS), day(45, 5), Arbitraries.integers().between(1, 3))
        .as(UsageRecord::new);
  }

  /** A series of one metric: its shape, its length and where it ends. */
  static Arbitrary<List<Observation>> series() {
    return Combinators.combine(Arbitraries.of(METRICS), Arbitraries.integers().between(0, 16),
            Arbitraries.of(-0.03, -0.005, 0.0, 0.005, 0.03), Arbitraries.of(0.0, 0.02), Arbitraries.of(1, 3, 7),
            Arbitraries.integers().between(-20, 5), Arbitraries.of(0.1, 0.4, 0.75))
        .as((metric, n, slope, noise, step, endOffset, start) -> {
          List<Observation> obs = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            double wiggle = noise * (i % 3 - 1);
            obs.add(new Observation(metric, AS_OF.plusDays(endOffset - (long) (n - 1 - i) * step),
                start + slope * i + wiggle));
          }
          return obs;
        });
  }

  static Arbitrary<Playbook> playbook() {
    Arbitrary<Map<String, Boolean>> training = Arbitraries.maps(Arbitraries.of("rep", "manager"),
        Arbitraries.of(true, true, false)).ofMaxSize(2);
    return Combinators.combine(training, Arbitraries.of(true, false), Arbitraries.of(true, false),
            Arbitraries.of(true, false))
        .as(Playbook::new);
  }

  static Arbitrary<RecordedDecision> decision() {
    return Combinators.combine(day(200, 10), Arbitraries.of(Stage.class), Arbitraries.of(GateOutcome.class))
        .as(RecordedDecision::new);
  }

  static Arbitrary<Pilot> pilots() {
    return Builders.withBuilder(() -> Pilot.builder("generated", Stage.DEFINE_CRITERIA))
        .use(Arbitraries.of(Stage.class)).in(Pilot.Builder::stage)
        .use(launchAndPlannedEnd()).in((b, dates) -> b.launchedOn(dates.get(0)).plannedEndOn(dates.get(1)))
        .use(criterion().list().ofMaxSize(3)).in((b, cs) -> {
          // the launch is set by now: date the criteria from it
          LocalDate launch = b.build().launchedOn();
          cs.forEach(c -> b.successCriterion(c.apply(launch)));
          return b;
        })
        .use(owner().injectNull(0.15)).in(Pilot.Builder::owner)
        .use(source().list().ofMaxSize(3).uniqueElements(DataSource::name)).in((b, ss) -> {
          ss.forEach(b::dataSource);
          return b;
        })
        .use(rollout().injectNull(0.15)).in(Pilot.Builder::rollout)
        .use(usage().list().ofMaxSize(40)).in((b, us) -> {
          us.forEach(b::usage);
          return b;
        })
        .use(series().list().ofMaxSize(3)).in((b, ss) -> {
          ss.forEach(s -> s.forEach(b::observation));
          return b;
        })
        .use(playbook().injectNull(0.2)).in(Pilot.Builder::playbook)
        .use(decision().list().ofMaxSize(2)).in((b, ds) -> {
          ds.forEach(b::decision);
          return b;
        })
        .use(Arbitraries.of(0.0, 1000.0, 2000.0).injectNull(0.3)).in(Pilot.Builder::softwareMonthlyCost)
        .use(Arbitraries.of(0.0, 24000.0, 48000.0, 60000.0).injectNull(0.3)).in(Pilot.Builder::implementationBudget)
        .build(Pilot.Builder::build);
  }

  /** The launch (or none) and the planned end (or none), never before the launch. */
  static Arbitrary<List<LocalDate>> launchAndPlannedEnd() {
    return Combinators.combine(day(400, 0).injectNull(0.1), Arbitraries.integers().between(0, 500).injectNull(0.2))
        .as((launched, days) -> {
          List<LocalDate> dates = new ArrayList<>(2);
          dates.add(launched);
          dates.add(days == null ? null : (launched == null ? AS_OF.minusDays(300) : launched).plusDays(days));
          return dates;
        });
  }
}
