package dev.pilotgate.internal.analysis;

import dev.pilotgate.facts.ActivityAfterKill;
import dev.pilotgate.facts.DeviceReading;
import dev.pilotgate.facts.GateContext;
import dev.pilotgate.facts.PlaybookGaps;
import dev.pilotgate.facts.SourceAudit;
import dev.pilotgate.policy.Policy;
import dev.pilotgate.decision.AdoptionSnapshot;
import dev.pilotgate.decision.MetricTrend;
import dev.pilotgate.decision.TrendVerdict;
import dev.pilotgate.internal.analysis.stats.MannKendall;
import dev.pilotgate.internal.analysis.stats.TheilSen;
import dev.pilotgate.model.DataSource;
import dev.pilotgate.model.Direction;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.MetricRange;
import dev.pilotgate.model.Observation;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.Playbook;
import dev.pilotgate.model.RecordedDecision;
import dev.pilotgate.model.Rollout;
import dev.pilotgate.model.Stage;
import dev.pilotgate.model.SuccessCriterion;
import dev.pilotgate.model.UsageRecord;
import dev.pilotgate.model.UserIds;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.statistics.descriptive.Median;

/**
 * Derives the facts the rules compare against, in plain Java and once per evaluation, so
 * the rules stay declarative. Records dated after the decision day are ignored. Stateless.
 */
public final class Analysis {
  private static final Median MEDIAN = Median.withDefaults();

  private Analysis() {}

  /** Every fact the rules see for {@code pilot} on {@code asOf}: the model's parts and the derived facts. */
  public static List<Object> facts(Pilot pilot, LocalDate asOf, Policy policy) {
    List<Object> facts = new ArrayList<>();
    facts.add(pilot);
    GateContext context = context(pilot, asOf, policy);
    facts.add(context);
    if (context.killed()) {
      ActivityAfterKill after = afterKill(pilot, context.killedOn(), asOf);
      if (after != null) {
        facts.add(after);
      }
    }
    facts.addAll(pilot.successCriteria());
    if (pilot.owner() != null) {
      facts.add(pilot.owner());
    }
    for (DataSource source : pilot.dataSources()) {
      facts.add(source);
      facts.add(audit(source, asOf));
      source.deviceOffsets().forEach((device, offset) ->
          facts.add(new DeviceReading(source.name(), device, offset, Math.abs(offset))));
    }
    if (pilot.rollout() != null) {
      facts.add(pilot.rollout());
      facts.add(adoption(pilot.rollout(), pilot.usage(), asOf, policy));
    }
    if (pilot.playbook() != null) {
      facts.add(pilot.playbook());
    }
    facts.add(playbookGaps(pilot.playbook()));
    facts.addAll(trends(pilot, asOf, policy));
    return facts;
  }

  /** Usage (of at least one session) and observations after {@code killedOn}, up to {@code asOf}; null when none. */
  static ActivityAfterKill afterKill(Pilot pilot, LocalDate killedOn, LocalDate asOf) {
    Map<String, String> users = new HashMap<>();
    LocalDate lastUsed = null;
    for (UsageRecord r : pilot.usage()) {
      if (r.sessions() > 0 && r.date().isAfter(killedOn) && !r.date().isAfter(asOf)) {
        users.putIfAbsent(UserIds.key(r.user()), r.user().strip());
        lastUsed = lastUsed == null || r.date().isAfter(lastUsed) ? r.date() : lastUsed;
      }
    }
    int observations = 0;
    LocalDate lastObserved = null;
    for (Observation o : pilot.observations()) {
      if (o.date().isAfter(killedOn) && !o.date().isAfter(asOf)) {
        observations++;
        lastObserved = lastObserved == null || o.date().isAfter(lastObserved) ? o.date() : lastObserved;
      }
    }
    if (users.isEmpty() && observations == 0) {
      return null;
    }
    return new ActivityAfterKill(killedOn, users.values().stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(),
        lastUsed, observations, lastObserved);
  }

  static SourceAudit audit(DataSource source, LocalDate asOf) {
    Long age = source.auditedOn() == null || source.auditedOn().isAfter(asOf) ? null
        : ChronoUnit.DAYS.between(source.auditedOn(), asOf);
    List<String> unmeasured = new ArrayList<>();
    if (source.duplicateRate() == null) {
      unmeasured.add("duplicateRate");
    }
    if (source.missingHistoryMonths() == null) {
      unmeasured.add("missingHistoryMonths");
    }
    if (source.inconsistentFormatRate() == null) {
      unmeasured.add("inconsistentFormatRate");
    }
    return new SourceAudit(source, age, unmeasured);
  }

  static GateContext context(Pilot pilot, LocalDate asOf, Policy policy) {
    LocalDate gateDueOn = pilot.rollout() == null ? null
        : pilot.rollout().startedOn().plusDays(policy.getInt("gate.periodDays"));
    LocalDate purgatorySince = pilot.plannedEndOn() == null ? null
        : pilot.plannedEndOn().plusDays(policy.getInt("purgatory.graceDays"));
    boolean callOnRecord = pilot.decisions().stream().anyMatch(d -> !d.date().isAfter(asOf)
        && d.stage() == pilot.stage() && (d.outcome() == GateOutcome.GO || d.outcome() == GateOutcome.KILL));
    boolean purgatory = purgatorySince != null && pilot.stage() != Stage.PRODUCTION
        && asOf.isAfter(purgatorySince) && !callOnRecord;
    boolean diagnoseOnRecord = pilot.decisions().stream()
        .anyMatch(d -> !d.date().isAfter(asOf) && d.stage() == pilot.stage() && d.outcome() == GateOutcome.DIAGNOSE);
    RecordedDecision latest = pilot.decisions().stream().filter(d -> !d.date().isAfter(asOf))
        .max(Comparator.comparing(RecordedDecision::date)
            // on one day, a KILL outweighs what else was recorded: it is the call that ends the pilot
            .thenComparing(d -> d.outcome().precedence()))
        .orElse(null);
    LocalDate lastGoOn = pilot.decisions().stream()
        .filter(d -> !d.date().isAfter(asOf) && d.outcome() == GateOutcome.GO)
        .map(RecordedDecision::date).max(LocalDate::compareTo).orElse(null);
    LocalDate killedOn = latest != null && latest.outcome() == GateOutcome.KILL ? latest.date() : null;
    return new GateContext(pilot, pilot.stage(), asOf, designStartedOn(pilot), gateDueOn,
        gateDueOn != null && !asOf.isBefore(gateDueOn), purgatory, purgatorySince, diagnoseOnRecord,
        latest == null ? null : latest.date(), lastGoOn, killedOn);
  }

  /** The earliest of the criteria's definition dates and the launch date: when design work had surely begun. */
  static LocalDate designStartedOn(Pilot pilot) {
    return Stream.concat(pilot.successCriteria().stream().map(SuccessCriterion::definedOn), Stream.of(pilot.launchedOn()))
        .filter(Objects::nonNull)
        .min(LocalDate::compareTo)
        .orElse(null);
  }

  /**
   * One pass over the usage records: who was active in the window, and in the window before it. Users
   * are told apart as {@link UserIds#key(String)} does: usage by {@code "maria"} is the early adopter
   * {@code "Maria "}, and counts once.
   */
  static AdoptionSnapshot adoption(Rollout rollout, List<UsageRecord> usage, LocalDate asOf, Policy policy) {
    int windowDays = policy.getInt("adoption.windowDays");
    LocalDate windowStart = asOf.minusDays(windowDays - 1L);
    LocalDate previousStart = windowStart.minusDays(windowDays);
    // sized for the eligible users, so that the sets do not grow record by record; capped, so
    // that a pilot with a huge eligible population does not allocate for users never seen
    int expected = Math.min(Math.min(Math.max(rollout.eligibleUsers(), 16), usage.size() + 1), 1024);
    Set<String> active = new HashSet<>(expected * 4 / 3 + 1);
    Map<String, String> activeNames = new LinkedHashMap<>(); // key -> the name as first written
    int records = 0;
    Set<String> previous = new HashSet<>(expected * 4 / 3 + 1);
    for (UsageRecord r : usage) {
      if (r.date().isAfter(asOf)) {
        continue;
      }
      records++;
      if (r.sessions() <= 0) {
        continue; // installed, not used
      }
      if (!r.date().isBefore(windowStart)) {
        String key = UserIds.key(r.user());
        if (active.add(key)) {
          activeNames.put(key, r.user().strip());
        }
      } else if (!r.date().isBefore(previousStart)) {
        previous.add(UserIds.key(r.user()));
      }
    }
    List<String> activeEarly = new ArrayList<>();
    List<String> inactiveEarly = new ArrayList<>();
    for (String user : rollout.earlyAdopters()) {
      (active.contains(UserIds.key(user)) ? activeEarly : inactiveEarly).add(user);
      activeNames.remove(UserIds.key(user));
    }
    int cohort = rollout.earlyAdopters().size();
    int eligible = rollout.eligibleUsers();
    double decay = previous.isEmpty() ? 0 : clean(Math.max(0, 1 - (double) active.size() / previous.size()));
    return new AdoptionSnapshot(windowDays, windowStart, asOf,
        ChronoUnit.DAYS.between(rollout.startedOn(), asOf), cohort, activeEarly, inactiveEarly,
        share(activeEarly.size(), cohort), eligible, rollout.deployedUsers(), share(rollout.deployedUsers(), eligible),
        active.size(), share(active.size(), eligible), previous.size(), decay,
        activeNames.values().stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), records);
  }

  private static double share(int part, int whole) {
    return whole == 0 ? 0 : clean((double) part / whole);
  }

  /**
   * Rounds away binary noise (1 - 7/10 is 0.30000000000000004), so that a share exactly at a
   * policy limit compares as at the limit. Twelve decimals are far finer than any policy value.
   */
  static double clean(double value) {
    return Math.round(value * 1e12) / 1e12;
  }

  static PlaybookGaps playbookGaps(Playbook playbook) {
    if (playbook == null) {
      return new PlaybookGaps(false, List.of("training for each user role", "management reporting of usage",
          "an edge-case process", "a governance structure"));
    }
    List<String> missing = new ArrayList<>();
    if (playbook.trainingByRole().isEmpty()) {
      missing.add("training for each user role (no role named)");
    }
    playbook.trainingByRole().forEach((role, done) -> {
      if (!done) {
        missing.add("training for " + role);
      }
    });
    if (!playbook.managementReporting()) {
      missing.add("management reporting of usage");
    }
    if (!playbook.edgeCaseProcess()) {
      missing.add("an edge-case process");
    }
    if (!playbook.governanceStructure()) {
      missing.add("a governance structure");
    }
    return new PlaybookGaps(true, missing);
  }

  /** A trend per criterion that has a target; observations grouped by metric in one pass. */
  static List<MetricTrend> trends(Pilot pilot, LocalDate asOf, Policy policy) {
    Map<String, List<Observation>> byMetric = new HashMap<>();
    for (Observation o : pilot.observations()) {
      if (!o.date().isAfter(asOf)) {
        byMetric.computeIfAbsent(o.metric(), k -> new ArrayList<>()).add(o);
      }
    }
    // stable sort: same-day values keep document order
    byMetric.values().forEach(series -> series.sort(Comparator.comparing(Observation::date)));
    List<MetricTrend> trends = new ArrayList<>();
    for (SuccessCriterion c : pilot.successCriteria()) {
      if (c.target() != null) {
        List<Observation> series = byMetric.getOrDefault(c.metric(), List.of());
        trends.add(trend(pilot, c, series, asOf, policy));
      }
    }
    return trends;
  }

  /**
   * Since the rollout started (or launch); from stage 5 on, only the recent window ending on
   * {@code until}, so old gains do not mask a regression.
   */
  static LocalDate trendStart(Pilot pilot, LocalDate until, Policy policy) {
    LocalDate start = pilot.rollout() != null ? pilot.rollout().startedOn() : pilot.launchedOn();
    if (pilot.stage().isAtOrAfter(Stage.ORG_WIDE_ADOPTION)) {
      LocalDate recent = until.minusDays(policy.getInt("metric.recentWindowDays") - 1L);
      start = start == null || recent.isAfter(start) ? recent : start;
    }
    return start;
  }

  /** Metric names whose values between 0 and 1 are shares, shown as percentages and kept within 0 to 1. */
  private static final List<String> SHARE_SUFFIXES = List.of("share", "rate", "ratio", "accuracy");

  /**
   * The values the metric can take: the criterion's {@code range}; else 0 to 1 for a share (named so,
   * with the baseline, target and every observation between 0 and 1); else the floor 0 when they are
   * all at least 0; else {@code null} (no limit).
   */
  static MetricRange range(SuccessCriterion c, List<Observation> series) {
    if (c.range() != null) {
      return c.range();
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Double v : new Double[] {c.baseline(), c.target()}) {
      if (v != null) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    for (Observation o : series) {
      min = Math.min(min, o.value());
      max = Math.max(max, o.value());
    }
    if (!(min >= 0)) {
      return null;
    }
    String name = c.metric().toLowerCase(java.util.Locale.ROOT);
    boolean shareName = SHARE_SUFFIXES.stream().anyMatch(name::endsWith);
    return shareName && max <= 1 ? MetricRange.SHARE : MetricRange.NON_NEGATIVE;
  }

  static MetricTrend trend(Pilot pilot, SuccessCriterion c, List<Observation> all, LocalDate asOf, Policy policy) {
    Direction direction = c.direction();
    double target = c.target();
    boolean deadlinePassed = c.deadlineOn() != null && c.deadlineOn().isBefore(asOf);
    // in production every metric stays monitored; below it, a passed deadline is when it was judged
    boolean stillJudged = !deadlinePassed || pilot.stage() == Stage.PRODUCTION;
    LocalDate until = stillJudged ? asOf : c.deadlineOn();
    int end = all.size();
    while (end > 0 && all.get(end - 1).date().isAfter(until)) {
      end--;
    }
    List<Observation> series = all.subList(0, end);
    boolean invalid = c.targetNotBetterThanBaseline();
    MetricRange range = range(c, all);
    Double rangeMin = range == null ? null : range.min();
    Double rangeMax = range == null ? null : range.max();
    boolean share = MetricRange.SHARE.equals(range);

    Observation last = series.isEmpty() ? null : series.get(series.size() - 1);
    Double latest = last == null ? null : last.value();
    LocalDate lastOn = last == null ? null : last.date();
    Integer daysSince = last == null ? null : (int) ChronoUnit.DAYS.between(lastOn, asOf);
    int points = policy.getInt("metric.met.points");
    Double recentMedian = null;
    if (series.size() >= points) {
      double[] recent = new double[points];
      for (int i = 0; i < points; i++) {
        recent[i] = series.get(series.size() - points + i).value();
      }
      recentMedian = MEDIAN.evaluate(recent);
    }
    boolean met = !invalid && recentMedian != null && !direction.isBetter(target, recentMedian);

    LocalDate from = trendStart(pilot, until, policy);
    List<Observation> window = series;
    if (from != null) {
      // the series is sorted by date: the window is its tail
      int first = 0;
      while (first < series.size() && series.get(first).date().isBefore(from)) {
        first++;
      }
      window = series.subList(first, series.size());
    }
    LocalDate windowStart = from != null ? from : window.isEmpty() ? until : window.get(0).date();
    int n = window.size();
    if (n < policy.getInt("metric.minObservations")) {
      return new MetricTrend(c, windowStart, n, invalid ? TrendVerdict.TARGET_NOT_BETTER : TrendVerdict.INSUFFICIENT_DATA,
          0, 1, null, null, false, null, latest, lastOn, daysSince, recentMedian, met, deadlinePassed, stillJudged, until,
          rangeMin, rangeMax, share);
    }
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = ChronoUnit.DAYS.between(windowStart, window.get(i).date());
      y[i] = window.get(i).value();
    }
    // Correct for autocorrelation only where it widens the variance (positively correlated
    // daily data); a zig-zag would otherwise shrink it and make noise look significant.
    MannKendall mk = n >= policy.getInt("metric.trend.autocorrelation.minObservations")
        ? MannKendall.testCorrectingWhenWider(y) : MannKendall.test(y, false);
    TheilSen fit = TheilSen.fit(x, y);
    double pBetter = direction == Direction.HIGHER_IS_BETTER ? mk.pIncreasing() : mk.pDecreasing();
    double pWorse = direction == Direction.HIGHER_IS_BETTER ? mk.pDecreasing() : mk.pIncreasing();
    double maxP = policy.get("metric.trend.maxPValue");
    TrendVerdict verdict = invalid ? TrendVerdict.TARGET_NOT_BETTER
        : pBetter <= maxP ? TrendVerdict.IMPROVING
        : pWorse <= maxP ? TrendVerdict.WORSENING : TrendVerdict.NO_SIGNIFICANT_CHANGE;
    Double projected = c.deadlineOn() == null ? null
        : clamp(range, fit.valueAt(ChronoUnit.DAYS.between(windowStart, c.deadlineOn())));
    boolean projectedMeets = !invalid && projected != null && !direction.isBetter(target, projected);
    LocalDate targetOn = invalid ? null : projectedTargetOn(fit, windowStart, until, c.deadlineOn(), target, direction);
    return new MetricTrend(c, windowStart, n, verdict, fit.slope(),
        verdict == TrendVerdict.WORSENING ? pWorse : pBetter, fit.valueAt(0), projected, projectedMeets, targetOn,
        latest, lastOn, daysSince, recentMedian, met, deadlinePassed, stillJudged, until, rangeMin, rangeMax, share);
  }

  private static double clamp(MetricRange range, double value) {
    return range == null ? value : range.clamp(value);
  }

  /** The latest day a target date may be: the model's last year. */
  private static final LocalDate LAST_DAY = LocalDate.of(Pilot.LAST_YEAR, 12, 31);

  /**
   * The first day, from {@code until} on, on which the fitted line is at or beyond the target; {@code null}
   * when that day is after the deadline (or, without one, after the model's last year), or when the line
   * moves away from the target (or stays flat) and is not there on {@code until}.
   */
  static LocalDate projectedTargetOn(TheilSen fit, LocalDate windowStart, LocalDate until, LocalDate deadline,
      double target, Direction direction) {
    LocalDate limit = deadline != null ? deadline : LAST_DAY;
    if (until.isAfter(limit)) {
      return null;
    }
    long judged = ChronoUnit.DAYS.between(windowStart, until);
    if (!direction.isBetter(target, fit.valueAt(judged))) {
      return until; // the line is at or beyond the target already
    }
    if (!direction.isBetter(fit.slope(), 0)) {
      return null; // moving away, or flat
    }
    double crossing = (target - fit.intercept()) / fit.slope();
    long maxDays = ChronoUnit.DAYS.between(windowStart, limit);
    if (!(crossing <= maxDays)) {
      return null;
    }
    long day = Math.max(judged, (long) Math.ceil(crossing));
    // rounding: the first whole day on which the line's value really reaches the target
    while (day <= maxDays && direction.isBetter(target, fit.valueAt(day))) {
      day++;
    }
    while (day > judged && !direction.isBetter(target, fit.valueAt(day - 1))) {
      day--;
    }
    return day > maxDays ? null : windowStart.plusDays(day);
  }
}
