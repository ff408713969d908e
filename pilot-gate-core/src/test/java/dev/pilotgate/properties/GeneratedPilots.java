package dev.pilotgate.properties;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Valid pilots of every shape, and the day to decide them on, for property tests. */
final class GeneratedPilots {
  private static final LocalDate EPOCH = LocalDate.of(2025, 6, 1);

  private GeneratedPilots() {}

  /** A pilot and the day it is decided on. */
  record Case(Pilot pilot, LocalDate asOf) {
    @Override
    public String toString() {
      return pilot + " asOf " + asOf;
    }
  }

  /** Any valid pilot: every part present or absent, values anywhere in their valid range. */
  static Arbitrary<Case> anyPilot() {
    return Arbitraries.randomValue(r -> generate(r, r.nextBoolean() ? stage(r) : Stage.CONTROLLED_ROLLOUT, false));
  }

  /** A pilot at the 30-day gate whose outputs are mostly in place, so that the gate's answer varies. */
  static Arbitrary<Case> atTheGate() {
    return Arbitraries.randomValue(r -> generate(r, Stage.CONTROLLED_ROLLOUT, true));
  }

  static Stage stage(Random r) {
    return Stage.values()[r.nextInt(Stage.values().length)];
  }

  private static <T> T maybe(Random r, double presence, T value) {
    return r.nextDouble() < presence ? value : null;
  }

  private static double rate(Random r, boolean healthy) {
    return healthy ? r.nextDouble() * 0.02 : r.nextDouble() < 0.2 ? (r.nextBoolean() ? 0.0 : 1.0) : r.nextDouble();
  }

  static Case generate(Random r, Stage stage, boolean healthy) {
    LocalDate launch = EPOCH.plusDays(r.nextInt(300));
    Pilot.Builder b = Pilot.builder("p" + r.nextInt(1000), stage).name(r.nextBoolean() ? "Pilot " + r.nextInt(99) : null)
        .launchedOn(healthy || r.nextDouble() < 0.9 ? launch : null)
        .plannedEndOn(maybe(r, healthy ? 1 : 0.8, launch.plusDays((healthy ? 200 : 0) + r.nextInt(400))));
    if (r.nextDouble() < 0.5) {
      double software = r.nextInt(5000);
      b.softwareMonthlyCost(software).implementationBudget(software * 12 * (r.nextDouble() * 4));
    }
    List<String> metrics = new ArrayList<>();
    List<Integer> better = new ArrayList<>();
    int criteria = healthy ? 1 + r.nextInt(2) : r.nextInt(4);
    for (int i = 0; i < criteria; i++) {
      String metric = "metric_" + i;
      metrics.add(metric);
      Direction direction = r.nextBoolean() ? Direction.HIGHER_IS_BETTER : Direction.LOWER_IS_BETTER;
      better.add(direction == Direction.HIGHER_IS_BETTER ? 1 : -1);
      double baseline = r.nextInt(100);
      double target = healthy ? baseline + (direction == Direction.HIGHER_IS_BETTER ? 20 : -20) : r.nextInt(100);
      b.successCriterion(new SuccessCriterion(metric,
          healthy || r.nextDouble() < 0.7 ? MetricKind.BUSINESS : MetricKind.TECHNOLOGY,
          healthy ? baseline : maybe(r, 0.85, baseline), healthy ? target : maybe(r, 0.85, target), direction,
          healthy ? launch.plusDays(250 + r.nextInt(200)) : maybe(r, 0.85, launch.plusDays(r.nextInt(400))),
          healthy ? launch.minusDays(10) : maybe(r, 0.8, launch.plusDays(r.nextInt(120) - 60))));
    }
    if (healthy || r.nextDouble() < 0.8) {
      b.owner(new Owner("Dana", maybe(r, 0.5, "Director"),
          healthy ? OwnerKind.INDIVIDUAL : OwnerKind.values()[r.nextInt(OwnerKind.values().length)],
          healthy || r.nextBoolean(), healthy ? launch.minusDays(30) : maybe(r, 0.7, launch.plusDays(r.nextInt(120) - 60))));
    }
    int sources = healthy ? 1 + r.nextInt(2) : r.nextInt(4);
    for (int i = 0; i < sources; i++) {
      Map<String, Double> offsets = new LinkedHashMap<>();
      for (int d = 0; d < r.nextInt(3); d++) {
        offsets.put("device-" + d, healthy ? 0.01 : r.nextDouble() * 0.6 - 0.3);
      }
      b.dataSource(new DataSource("source-" + i,
          healthy ? launch.minusDays(20) : maybe(r, 0.8, launch.plusDays(r.nextInt(400) - 200)),
          healthy ? rate(r, true) : maybe(r, 0.9, rate(r, false)),
          healthy ? 0 : maybe(r, 0.9, r.nextInt(7)),
          healthy ? rate(r, true) : maybe(r, 0.9, rate(r, false)),
          !healthy && r.nextDouble() < 0.2, healthy || r.nextDouble() < 0.8, offsets));
    }
    LocalDate rolloutStart = launch.plusDays(r.nextInt(120));
    List<String> cohort = new ArrayList<>();
    boolean hasRollout = healthy || (stage.isAtOrAfter(Stage.CONTROLLED_ROLLOUT) ? r.nextDouble() < 0.95 : r.nextDouble() < 0.3);
    if (hasRollout) {
      int size = healthy ? 3 + r.nextInt(3) : r.nextInt(7);
      List<String> pool = new ArrayList<>(List.of("ann", "bo", "cy", "dee", "ed", "flo", "gus", "hal"));
      java.util.Collections.shuffle(pool, r);
      cohort.addAll(pool.subList(0, size));
      int eligible = healthy ? 40 + r.nextInt(20) : r.nextInt(60);
      int deployed = healthy ? cohort.size() : eligible == 0 ? 0 : r.nextInt(eligible + 1);
      b.rollout(new Rollout(rolloutStart, Math.max(eligible, deployed), deployed, cohort, !healthy && r.nextDouble() < 0.2));
    }
    LocalDate asOf = healthy ? rolloutStart.plusDays(30 + r.nextInt(60)) : launch.plusDays(r.nextInt(500));
    int usage = r.nextInt(healthy ? 60 : 80);
    for (int i = 0; i < usage; i++) {
      String user = !cohort.isEmpty() && r.nextDouble() < 0.7 ? cohort.get(r.nextInt(cohort.size())) : "user-" + r.nextInt(30);
      LocalDate day = healthy ? asOf.minusDays(r.nextInt(28)) : launch.plusDays(r.nextInt(500));
      b.usage(new UsageRecord(user, day, r.nextInt(5)));
    }
    for (int m = 0; m < metrics.size(); m++) {
      String metric = metrics.get(m);
      int sign = r.nextDouble() < 0.8 ? better.get(m) : -better.get(m);
      int n = healthy ? 8 + r.nextInt(12) : r.nextInt(20);
      for (int i = 0; i < n; i++) {
        LocalDate day = healthy ? rolloutStart.plusDays(1 + i * 3L) : launch.plusDays(r.nextInt(500));
        double value = healthy ? 50 + sign * i + r.nextGaussian() : r.nextDouble() * 100;
        b.observation(new Observation(metric, day, value));
      }
    }
    if (r.nextDouble() < 0.5) {
      Map<String, Boolean> training = new LinkedHashMap<>();
      for (int i = 0; i < r.nextInt(3); i++) {
        training.put("role-" + i, r.nextBoolean());
      }
      b.playbook(new Playbook(training, r.nextBoolean(), r.nextBoolean(), r.nextBoolean()));
    }
    for (int i = 0; i < (healthy ? 0 : r.nextInt(3)); i++) {
      b.decision(new RecordedDecision(launch.plusDays(r.nextInt(500)), stage(r),
          GateOutcome.values()[r.nextInt(GateOutcome.values().length)]));
    }
    return new Case(b.build(), asOf);
  }
}
