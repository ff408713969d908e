package dev.pilotgate.bench.floor;

import dev.pilotgate.policy.Policy;

/**
 * Every policy value the frozen rules compare against, read from their policy once (at build
 * time) instead of looked up by key on each comparison: the frozen policy, which the
 * yardsticks' evaluator ({@code FrozenRules}) carries, not the bundled one. Immutable; fields are public so MVEL
 * reads them without reflection on accessors.
 */
public final class Thresholds {
  public final int gatePeriodDays;
  public final int cohortMin;
  public final int cohortMax;
  public final double adoptionActiveShareMin;
  public final double fullRolloutShare;
  public final double productionActiveShareMin;
  public final double productionUsageDecayMax;
  public final int metricMinObservations;
  public final double metricTrendMaxPValue;
  public final int metricMetPoints;
  public final int dataAuditMaxAgeDays;
  public final double dataDuplicateRateMax;
  public final int dataMissingHistoryMonthsMax;
  public final double dataInconsistentFormatRateMax;
  public final double dataSensorOffsetMax;
  public final int purgatoryGraceDays;
  public final double budgetMinMultiple;
  public final int readinessHighMinWeeks;
  public final int readinessHighMaxWeeks;
  public final int readinessMediumMinWeeks;
  public final int readinessMediumMaxWeeks;
  public final int readinessMediumMaxGaps;
  public final int readinessLowMinWeeks;
  public final int readinessLowMaxWeeks;

  public Thresholds(Policy p) {
    gatePeriodDays = p.getInt("gate.periodDays");
    cohortMin = p.getInt("cohort.min");
    cohortMax = p.getInt("cohort.max");
    adoptionActiveShareMin = p.get("adoption.activeShare.min");
    fullRolloutShare = p.get("fullRollout.share");
    productionActiveShareMin = p.get("production.activeShare.min");
    productionUsageDecayMax = p.get("production.usageDecay.max");
    metricMinObservations = p.getInt("metric.minObservations");
    metricTrendMaxPValue = p.get("metric.trend.maxPValue");
    metricMetPoints = p.getInt("metric.met.points");
    dataAuditMaxAgeDays = p.getInt("data.audit.maxAgeDays");
    dataDuplicateRateMax = p.get("data.duplicateRate.max");
    dataMissingHistoryMonthsMax = p.getInt("data.missingHistoryMonths.max");
    dataInconsistentFormatRateMax = p.get("data.inconsistentFormatRate.max");
    dataSensorOffsetMax = p.get("data.sensorOffset.max");
    purgatoryGraceDays = p.getInt("purgatory.graceDays");
    budgetMinMultiple = p.get("budget.implementationToAnnualSoftware.min");
    readinessHighMinWeeks = p.getInt("readiness.high.minWeeks");
    readinessHighMaxWeeks = p.getInt("readiness.high.maxWeeks");
    readinessMediumMinWeeks = p.getInt("readiness.medium.minWeeks");
    readinessMediumMaxWeeks = p.getInt("readiness.medium.maxWeeks");
    readinessMediumMaxGaps = p.getInt("readiness.medium.maxGaps");
    readinessLowMinWeeks = p.getInt("readiness.low.minWeeks");
    readinessLowMaxWeeks = p.getInt("readiness.low.maxWeeks");
  }
}
