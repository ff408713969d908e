package dev.pilotgate.bench.floor;

import dev.pilotgate.decision.AdoptionSnapshot;
import dev.pilotgate.decision.Finding;
import dev.pilotgate.decision.MetricTrend;
import dev.pilotgate.decision.RootCause;
import dev.pilotgate.decision.Severity;
import dev.pilotgate.facts.DeviceReading;
import dev.pilotgate.facts.GateContext;
import dev.pilotgate.facts.PlaybookGaps;
import dev.pilotgate.facts.SourceAudit;
import dev.pilotgate.model.DataSource;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.Owner;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.Rollout;
import dev.pilotgate.model.Stage;
import dev.pilotgate.model.SuccessCriterion;
import java.util.List;
import java.util.Map;

/**
 * The findings of the frozen rules ({@code dev.pilotgate.bench.fixtures.FrozenRules}), built in plain
 * Java with the same code, root cause, severity, outcome, message, evidence and rule name as their
 * {@code .drl} consequences. Only
 * the <em>conditions</em> differ between the yardsticks (hand-coded Java, Easy Rules MVEL);
 * what a finding says is built here once, so each yardstick pays the same for its output as
 * the Drools rules do. Stateless.
 */
public final class GateFindings {
  private GateFindings() {}

  // --- functions.drl ---

  /** As functions.drl {@code percent}: a share as a percentage with up to three significant digits. */
  public static String percent(double share) {
    return round(share * 100) + "%";
  }

  /** As functions.drl {@code round}: up to three significant digits, "n/a" for none. */
  public static String round(Double value) {
    return ThreeDigits.round(value);
  }

  // --- criteria.drl ---

  public static Finding criteriaMissing(GateContext gate) {
    return new Finding("CRITERIA_MISSING", RootCause.SUCCESS_CRITERIA, gate.severityFor(Stage.DEFINE_CRITERIA), null,
        "No success criterion is defined, so nobody can say whether the pilot worked.",
        Map.of("criteria", 0),
        "Agree the baseline, the target and the deadline of the business metric the AI should move.",
        "CRITERIA_MISSING");
  }

  public static Finding criteriaIncomplete(GateContext gate, SuccessCriterion c) {
    String missing = (c.baseline() == null ? "baseline " : "") + (c.target() == null ? "target " : "")
        + (c.deadlineOn() == null ? "deadline" : "");
    return new Finding("CRITERIA_INCOMPLETE", RootCause.SUCCESS_CRITERIA, gate.severityFor(Stage.DEFINE_CRITERIA), null,
        "Criterion '" + c.metric() + "' has no " + missing.strip().replace(" ", ", no ") + ".",
        Map.of("metric", c.metric(), "missing", missing.strip()),
        "Measure the current baseline and agree the target and the date it must be reached by.",
        "CRITERIA_INCOMPLETE");
  }

  public static Finding criteriaTargetNotBetter(GateContext gate, SuccessCriterion c) {
    return new Finding("CRITERIA_TARGET_NOT_BETTER", RootCause.SUCCESS_CRITERIA, gate.severityFor(Stage.DEFINE_CRITERIA),
        null,
        "Criterion '" + c.metric() + "': the target " + c.target() + " is not better than the baseline "
            + c.baseline() + " (" + c.direction() + ").",
        Map.of("metric", c.metric(), "baseline", c.baseline(), "target", c.target(), "direction", c.direction().name()),
        "Set a target that improves on the baseline in the metric's direction.",
        "CRITERIA_TARGET_NOT_BETTER");
  }

  public static Finding criteriaDefinedLate(Pilot pilot, SuccessCriterion c) {
    return new Finding("CRITERIA_DEFINED_LATE", RootCause.SUCCESS_CRITERIA, Severity.WARNING, null,
        "Criterion '" + c.metric() + "' was defined on " + c.definedOn() + ", after the pilot launched on "
            + pilot.launchedOn() + ".",
        Map.of("metric", c.metric(), "definedOn", c.definedOn().toString(), "launchedOn", pilot.launchedOn().toString()),
        "Agree criteria before launch next time; for this pilot, confirm the current criteria in writing with the owner.",
        "CRITERIA_DEFINED_LATE");
  }

  public static Finding criteriaTechnologyOnly(GateContext gate) {
    return new Finding("CRITERIA_TECHNOLOGY_ONLY", RootCause.SUCCESS_CRITERIA, gate.severityFor(Stage.DEFINE_CRITERIA),
        null,
        "Every criterion measures the technology (accuracy, uptime); none says whether the business process improved.",
        Map.of("businessCriteria", 0),
        "Add a business outcome of the process the AI improves: time saved, error rate, revenue.",
        "CRITERIA_TECHNOLOGY_ONLY");
  }

  // --- owner.drl ---

  public static Finding ownerMissing(GateContext gate) {
    return new Finding("OWNER_MISSING", RootCause.OPERATOR_OWNER, gate.severityFor(Stage.ACTIVATE_OWNER), null,
        "No operator owner is named.",
        Map.of("owner", "none"),
        "Name one operationally credible person whose performance is tied to adoption.",
        "OWNER_MISSING");
  }

  public static Finding ownerDiffuse(GateContext gate, Owner o) {
    return new Finding("OWNER_DIFFUSE", RootCause.OPERATOR_OWNER, gate.severityFor(Stage.ACTIVATE_OWNER), null,
        "Ownership sits with " + o.name() + " (" + o.kind() + "), not with one person.",
        Map.of("owner", o.name(), "kind", o.kind().name()),
        "Move ownership from the " + o.kind().name().toLowerCase() + " to one named individual in operations.",
        "OWNER_DIFFUSE");
  }

  public static Finding ownerNotAccountable(GateContext gate, Owner o) {
    return new Finding("OWNER_NOT_ACCOUNTABLE", RootCause.OPERATOR_OWNER, gate.severityFor(Stage.ACTIVATE_OWNER), null,
        o.name() + "'s performance is not tied to the pilot's adoption.",
        Map.of("owner", o.name(), "accountable", false),
        "Make adoption an explicit part of " + o.name() + "'s objectives.",
        "OWNER_NOT_ACCOUNTABLE");
  }

  public static Finding ownerInherited(GateContext gate, Owner o) {
    return new Finding("OWNER_INHERITED", RootCause.OPERATOR_OWNER, Severity.WARNING, null,
        o.name() + " joined on " + o.involvedSince() + ", after the pilot's design started on " + gate.designStartedOn()
            + ".",
        Map.of("owner", o.name(), "involvedSince", o.involvedSince().toString(), "designStartedOn",
            gate.designStartedOn().toString()),
        "Have " + o.name() + " review and re-own the design: scope, criteria and rollout group.",
        "OWNER_INHERITED");
  }

  // --- data.drl ---

  public static Finding dataNoSources(GateContext gate) {
    return new Finding("DATA_NO_SOURCES", RootCause.DATA_READINESS, gate.severityFor(Stage.DATA_AUDIT), null,
        "No data source is listed, so none can have been audited.",
        Map.of("sources", 0),
        "List the data sources the AI application will use in production, then audit each.",
        "DATA_NO_SOURCES");
  }

  public static Finding dataNeverAudited(GateContext gate, SourceAudit a) {
    String name = a.name();
    return new Finding("DATA_NOT_AUDITED", RootCause.DATA_READINESS, gate.severityFor(Stage.DATA_AUDIT), null,
        "Data source " + name + " has no audit on or before " + gate.asOf() + ".",
        Map.of("source", name, "auditedOn", "never", "asOf", gate.asOf().toString()),
        "Audit " + name + " for duplicates, missing history, inconsistent formats and device bias.",
        "DATA_NOT_AUDITED: never audited");
  }

  public static Finding dataAuditTooOld(GateContext gate, SourceAudit a, int maxAgeDays) {
    String name = a.name();
    Long age = a.ageDays();
    return new Finding("DATA_NOT_AUDITED", RootCause.DATA_READINESS, gate.severityFor(Stage.DATA_AUDIT), null,
        "Data source " + name + " was last audited on " + a.source().auditedOn() + ", " + age
            + " days ago; the policy allows " + maxAgeDays + ".",
        Map.of("source", name, "auditedOn", a.source().auditedOn().toString(), "ageDays", age,
            "maxAgeDays", maxAgeDays),
        "Re-audit " + name + " before relying on it.",
        "DATA_NOT_AUDITED: audit too old");
  }

  public static Finding dataNothingMeasured(GateContext gate, SourceAudit a) {
    String name = a.name();
    List<String> missing = a.unmeasured();
    return new Finding("DATA_NOT_AUDITED", RootCause.DATA_READINESS, gate.severityFor(Stage.DATA_AUDIT), null,
        "The audit of " + name + " on " + a.source().auditedOn() + " did not measure " + String.join(", ", missing)
            + ".",
        Map.of("source", name, "auditedOn", a.source().auditedOn().toString(), "unmeasured", missing),
        "Complete the audit of " + name + ": measure " + String.join(", ", missing) + ".",
        "DATA_NOT_AUDITED: nothing measured");
  }

  public static Finding dataDuplicates(GateContext gate, DataSource s, double max) {
    return new Finding("DATA_DUPLICATES", RootCause.DATA_READINESS, gate.severityFor(Stage.DATA_AUDIT), null,
        s.name() + " has " + percent(s.duplicateRate()) + " duplicate records; the limit is " + percent(max) + ".",
        Map.of("source", s.name(), "duplicateRate", s.duplicateRate(), "max", max),
        "Deduplicate " + s.name()
            + " (e.g. one customer under several names) and add a rule that prevents new duplicates.",
        "DATA_DUPLICATES");
  }

  public static Finding dataMissingHistory(GateContext gate, DataSource s, int max) {
    return new Finding("DATA_MISSING_HISTORY", RootCause.DATA_READINESS, gate.severityFor(Stage.DATA_AUDIT), null,
        s.name() + " is missing " + s.missingHistoryMonths() + " months of history; the limit is " + max + ".",
        Map.of("source", s.name(), "missingHistoryMonths", s.missingHistoryMonths(), "max", max),
        "Backfill the missing history of " + s.name() + ", or document why the gap does not matter.",
        "DATA_MISSING_HISTORY");
  }

  public static Finding dataInconsistentFormats(GateContext gate, DataSource s, double max) {
    return new Finding("DATA_INCONSISTENT_FORMATS", RootCause.DATA_READINESS, gate.severityFor(Stage.DATA_AUDIT), null,
        s.name() + " has " + percent(s.inconsistentFormatRate()) + " of records in inconsistent formats; the limit is "
            + percent(max) + ".",
        Map.of("source", s.name(), "inconsistentFormatRate", s.inconsistentFormatRate(), "max", max),
        "Normalize the formats in " + s.name() + ".",
        "DATA_INCONSISTENT_FORMATS");
  }

  public static Finding dataSensorBias(GateContext gate, DeviceReading d, double max) {
    return new Finding("DATA_SENSOR_BIAS", RootCause.DATA_READINESS, gate.severityFor(Stage.DATA_AUDIT), null,
        "Device " + d.device() + " in " + d.source() + " reads " + percent(d.magnitude())
            + (d.offset() > 0 ? " high" : " low") + "; the limit is " + percent(max) + ".",
        Map.of("source", d.source(), "device", d.device(), "offset", d.offset(), "max", max),
        "Investigate and recalibrate " + d.device() + ", or correct its readings, before the model learns the bias.",
        "DATA_SENSOR_BIAS");
  }

  public static Finding dataCuratedForDemo(GateContext gate, DataSource s) {
    return new Finding("DATA_CURATED_FOR_DEMO", RootCause.DATA_READINESS, gate.severityFor(Stage.DATA_AUDIT), null,
        "The pilot ran on a data set curated for the demo, not on " + s.name() + " as production generates it.",
        Map.of("source", s.name(), "curatedForDemo", true),
        "Connect the pilot to the production feed of " + s.name() + " and audit that.",
        "DATA_CURATED_FOR_DEMO");
  }

  public static Finding dataNoGovernance(GateContext gate, DataSource s) {
    return new Finding("DATA_NO_GOVERNANCE", RootCause.DATA_READINESS, gate.severityFor(Stage.DATA_AUDIT), null,
        "No governance rules are documented for " + s.name() + ", so new quality issues will creep back.",
        Map.of("source", s.name(), "governanceDocumented", false),
        "Write down who may change " + s.name() + " and the rules that keep its quality.",
        "DATA_NO_GOVERNANCE");
  }

  // --- rollout.drl ---

  public static Finding rolloutMissing(GateContext gate) {
    return new Finding("ROLLOUT_MISSING", RootCause.ADOPTION, Severity.BLOCKER, GateOutcome.HOLD,
        "No rollout is recorded, so nobody can say who is using the system.",
        Map.of("stage", gate.stage().name()),
        "Record the rollout: its start date, the eligible and deployed users, and the early adopters.",
        "ROLLOUT_MISSING");
  }

  public static Finding gateNotDue(GateContext gate, Rollout r, int periodDays) {
    return new Finding("GATE_NOT_DUE", RootCause.ADOPTION, Severity.INFO, GateOutcome.HOLD,
        "The controlled rollout started on " + r.startedOn() + "; its " + periodDays
            + "-day gate is due on " + gate.gateDueOn() + ", in " + gate.daysUntil(gate.gateDueOn()) + " days.",
        Map.of("startedOn", r.startedOn().toString(), "gateDueOn", gate.gateDueOn().toString(),
            "periodDays", periodDays, "daysToGate", gate.daysUntil(gate.gateDueOn())),
        "Keep the rollout to the early adopters until the gate; watch their usage weekly.",
        "GATE_NOT_DUE");
  }

  public static Finding cohortEmpty(int min, int max) {
    return new Finding("COHORT_SIZE", RootCause.ADOPTION, Severity.BLOCKER, GateOutcome.HOLD,
        "No early adopters are named, so the rollout has no controlled group to judge.",
        Map.of("earlyAdopters", 0, "min", min, "max", max),
        "Name " + min + " to " + max + " early adopters the team trusts.",
        "COHORT_SIZE: no early adopters");
  }

  public static Finding cohortSize(Rollout r, int min, int max) {
    int size = r.earlyAdopters().size();
    return new Finding("COHORT_SIZE", RootCause.ADOPTION, Severity.WARNING, null,
        size + " early adopters; a controlled rollout works with " + min + " to " + max + ".",
        Map.of("earlyAdopters", size, "min", min, "max", max),
        size < min
            ? "Add early adopters: too few users make the gate's answer a matter of luck."
            : "Narrow the group: a large cohort is no longer a controlled rollout.",
        "COHORT_SIZE");
  }

  public static Finding prematureFullRollout(AdoptionSnapshot a, double fullShare) {
    return new Finding("PREMATURE_FULL_ROLLOUT", RootCause.ADOPTION, Severity.BLOCKER, GateOutcome.DIAGNOSE,
        "Deployed to " + a.deployedUsers() + " of " + a.eligibleUsers() + " eligible users ("
            + percent(a.deployedShare()) + ") before the controlled rollout's gate; the policy treats "
            + percent(fullShare) + " as a full rollout.",
        Map.of("deployedUsers", a.deployedUsers(), "eligibleUsers", a.eligibleUsers(),
            "deployedShare", a.deployedShare(), "fullRolloutShare", fullShare),
        "Find out how the wider team received it; pull back to the early adopters if first impressions are poor.",
        "PREMATURE_FULL_ROLLOUT");
  }

  // --- adoption.drl ---

  public static Finding lowEarlyAdopterUsage(AdoptionSnapshot a, double min) {
    return new Finding("LOW_EARLY_ADOPTER_USAGE", RootCause.ADOPTION, Severity.BLOCKER, GateOutcome.DIAGNOSE,
        a.activeEarlyAdopterCount() + " of " + a.earlyAdopters() + " early adopters active in the "
            + a.windowDays() + " days to " + a.windowEnd() + "; the policy needs " + percent(min) + ".",
        Map.of("active", a.activeEarlyAdopters(), "inactive", a.inactiveEarlyAdopters(),
            "activeShare", a.earlyAdopterActiveShare(), "min", min,
            "windowDays", a.windowDays(), "windowEnd", a.windowEnd().toString()),
        "Ask " + String.join(", ", a.inactiveEarlyAdopters())
            + " what keeps them from using it, before anyone else gets it.",
        "LOW_EARLY_ADOPTER_USAGE");
  }

  public static Finding lowEarlyAdopterUsageEarly(GateContext gate, AdoptionSnapshot a, double min) {
    return new Finding("LOW_EARLY_ADOPTER_USAGE", RootCause.ADOPTION, Severity.WARNING, null,
        "Only " + a.activeEarlyAdopterCount() + " of " + a.earlyAdopters() + " early adopters active in the "
            + a.windowDays() + " days to " + a.windowEnd() + "; the gate on " + gate.gateDueOn() + " needs "
            + percent(min) + ".",
        Map.of("active", a.activeEarlyAdopters(), "inactive", a.inactiveEarlyAdopters(),
            "activeShare", a.earlyAdopterActiveShare(), "min", min,
            "windowDays", a.windowDays(), "windowEnd", a.windowEnd().toString()),
        "Check in with " + String.join(", ", a.inactiveEarlyAdopters())
            + " now, while there is time before the gate.",
        "LOW_EARLY_ADOPTER_USAGE: early signal");
  }

  public static Finding shadowProcess() {
    return new Finding("SHADOW_PROCESS", RootCause.ADOPTION, Severity.BLOCKER, GateOutcome.DIAGNOSE,
        "The old process is still run in parallel: users do not trust the system's output yet.",
        Map.of("legacyProcessInUse", true),
        "Find which outputs users double-check and why; fix those, then retire the old process with the owner.",
        "SHADOW_PROCESS");
  }

  public static Finding shadowProcessEarly() {
    return new Finding("SHADOW_PROCESS", RootCause.ADOPTION, Severity.WARNING, null,
        "The old process is still run in parallel during the controlled rollout.",
        Map.of("legacyProcessInUse", true),
        "Agree with the owner when the old process stops; the gate will count it as a trust gap.",
        "SHADOW_PROCESS: before the gate");
  }

  public static Finding lowSustainedUsage(AdoptionSnapshot a, double min) {
    return new Finding("LOW_SUSTAINED_USAGE", RootCause.ADOPTION, Severity.BLOCKER, GateOutcome.DIAGNOSE,
        "Installed for " + a.deployedUsers() + " of " + a.eligibleUsers() + " eligible users, used by "
            + a.activeUsers() + " (" + percent(a.activeShare()) + ") in the " + a.windowDays() + " days to "
            + a.windowEnd() + "; the policy needs " + percent(min) + ".",
        Map.of("activeUsers", a.activeUsers(), "deployedUsers", a.deployedUsers(), "eligibleUsers", a.eligibleUsers(),
            "activeShare", a.activeShare(), "min", min,
            "windowDays", a.windowDays(), "windowEnd", a.windowEnd().toString()),
        "Find out, team by team, why people do not use it; make usage visible in management reporting.",
        "LOW_SUSTAINED_USAGE");
  }

  public static Finding usageDecay(AdoptionSnapshot a, double max) {
    return new Finding("USAGE_DECAY", RootCause.ADOPTION, Severity.BLOCKER, GateOutcome.DIAGNOSE,
        "Active users fell from " + a.previousActiveUsers() + " to " + a.activeUsers() + " ("
            + percent(a.usageDecay()) + " fewer) between the last two " + a.windowDays()
            + "-day windows; the policy tolerates " + percent(max) + ".",
        Map.of("previousActiveUsers", a.previousActiveUsers(), "activeUsers", a.activeUsers(),
            "decay", a.usageDecay(), "max", max, "windowDays", a.windowDays()),
        "Ask the teams that dropped off what changed: a process change, a data problem, a new manager.",
        "USAGE_DECAY");
  }

  public static Finding playbookIncomplete(GateContext gate, PlaybookGaps g) {
    return new Finding("PLAYBOOK_INCOMPLETE", RootCause.GOVERNANCE, gate.severityFor(Stage.ORG_WIDE_ADOPTION), null,
        (g.written() ? "The adoption playbook lacks " : "No adoption playbook is written: it needs ")
            + String.join(", ", g.missing()) + ".",
        Map.of("missing", g.missing()),
        "Write the missing parts: training per role, usage reporting to management, an edge-case process, governance.",
        "PLAYBOOK_INCOMPLETE");
  }

  // --- metrics.drl ---

  private static Object projected(MetricTrend t) {
    return t.projectedAtDeadline() == null ? "n/a" : t.projectedAtDeadline();
  }

  public static Finding metricInsufficientData(MetricTrend t, int minObservations) {
    return new Finding("METRIC_INSUFFICIENT_DATA", RootCause.OUTCOME, Severity.WARNING, GateOutcome.HOLD,
        t.observations() + " observations of " + t.metric() + " since " + t.from() + "; judging a trend needs "
            + minObservations + ".",
        Map.of("metric", t.metric(), "observations", t.observations(), "from", t.from().toString(),
            "minObservations", minObservations),
        "Measure " + t.metric() + " at least weekly from production, then decide.",
        "METRIC_INSUFFICIENT_DATA");
  }

  public static Finding metricNotMoving(MetricTrend t, double maxP) {
    return new Finding("METRIC_NOT_MOVING", RootCause.OUTCOME, Severity.BLOCKER, GateOutcome.DIAGNOSE,
        t.metric() + " shows no significant trend toward " + t.target() + " over " + t.observations()
            + " observations since " + t.from() + " (p = " + round(t.pValue()) + ", the policy needs at most "
            + maxP + ").",
        Map.of("metric", t.metric(), "verdict", t.verdict().name(), "slopePerDay", t.slopePerDay(),
            "pValue", t.pValue(), "maxPValue", maxP, "observations", t.observations(),
            "latest", t.latestValue(), "target", t.target(), "projectedAtDeadline", projected(t)),
        "Check whether the process really changed: is the output used in the decisions " + t.metric()
            + " depends on?",
        "METRIC_NOT_MOVING");
  }

  public static Finding metricWorsening(MetricTrend t, double maxP) {
    return new Finding("METRIC_WORSENING", RootCause.OUTCOME, Severity.BLOCKER, GateOutcome.DIAGNOSE,
        t.metric() + " is moving away from its target: " + round(t.slopePerDay()) + " per day over "
            + t.observations() + " observations since " + t.from() + " (p = " + round(t.pValue()) + ").",
        Map.of("metric", t.metric(), "verdict", t.verdict().name(), "slopePerDay", t.slopePerDay(),
            "pValue", t.pValue(), "maxPValue", maxP, "observations", t.observations(),
            "latest", t.latestValue(), "target", t.target(), "projectedAtDeadline", projected(t)),
        "Stop expanding; find what changed for " + t.metric() + " since the rollout.",
        "METRIC_WORSENING");
  }

  public static Finding metricOffTrack(MetricTrend t) {
    return new Finding("METRIC_OFF_TRACK", RootCause.OUTCOME, Severity.WARNING, null,
        t.metric() + " is improving (" + round(t.slopePerDay()) + " per day) but is projected to reach "
            + round(t.projectedAtDeadline()) + " by " + t.deadlineOn() + ", short of the target " + t.target() + ".",
        Map.of("metric", t.metric(), "slopePerDay", t.slopePerDay(), "pValue", t.pValue(),
            "projectedAtDeadline", t.projectedAtDeadline(), "target", t.target(), "deadlineOn",
            t.deadlineOn().toString()),
        "Decide now with the owner: what would speed it up, or is the target or deadline to be re-agreed?",
        "METRIC_OFF_TRACK");
  }

  public static Finding metricImproving(MetricTrend t, double maxP) {
    return new Finding("METRIC_IMPROVING", RootCause.OUTCOME, Severity.INFO, null,
        t.metric() + " is improving: " + round(t.slopePerDay()) + " per day over " + t.observations()
            + " observations since " + t.from() + " (p = " + round(t.pValue()) + ")"
            + (t.projectedAtDeadline() == null ? "." : ", projected to reach " + round(t.projectedAtDeadline())
                + " by " + t.deadlineOn() + " against the target " + t.target() + "."),
        Map.of("metric", t.metric(), "verdict", t.verdict().name(), "slopePerDay", t.slopePerDay(),
            "pValue", t.pValue(), "maxPValue", maxP, "observations", t.observations(),
            "target", t.target(), "projectedAtDeadline", projected(t)),
        "Keep going; report the trend to the team that makes it happen.",
        "METRIC_IMPROVING");
  }

  public static Finding metricTargetMet(MetricTrend t, int points) {
    return new Finding("METRIC_TARGET_MET", RootCause.OUTCOME, Severity.INFO, null,
        t.metric() + " has reached its target " + t.target() + ": the median of the latest "
            + points + " observations is " + round(t.recentMedian()) + ".",
        Map.of("metric", t.metric(), "recentMedian", t.recentMedian(), "target", t.target(), "points", points),
        "Keep measuring; make the result visible to the team.",
        "METRIC_TARGET_MET");
  }

  public static Finding metricTargetPending(MetricTrend t) {
    return new Finding("METRIC_TARGET_PENDING", RootCause.OUTCOME, Severity.INFO, GateOutcome.HOLD,
        t.metric() + " has not reached its target " + t.target() + " yet (latest " + t.latestValue()
            + "); the deadline is " + t.deadlineOn() + ".",
        Map.of("metric", t.metric(), "latest", t.latestValue(), "target", t.target(),
            "deadlineOn", String.valueOf(t.deadlineOn())),
        "Keep the org-wide rollout going; move to production when the target is reached.",
        "METRIC_TARGET_PENDING");
  }

  public static Finding deadlineMissedAfterDiagnose(MetricTrend t) {
    return new Finding("DEADLINE_MISSED", RootCause.OUTCOME, Severity.BLOCKER, GateOutcome.KILL,
        "The deadline for " + t.metric() + " passed on " + t.deadlineOn() + " with the target " + t.target()
            + " unmet (latest " + t.latestValue() + "), after a diagnosis was already on record.",
        Map.of("metric", t.metric(), "deadlineOn", t.deadlineOn().toString(), "target", t.target(),
            "latest", String.valueOf(t.latestValue()), "recentMedian", String.valueOf(t.recentMedian()),
            "diagnoseOnRecord", true),
        "Stop the pilot and release its budget, or re-scope it as a new pilot with new criteria.",
        "DEADLINE_MISSED: after a DIAGNOSE");
  }

  public static Finding deadlineMissed(MetricTrend t) {
    return new Finding("DEADLINE_MISSED", RootCause.OUTCOME, Severity.BLOCKER, GateOutcome.DIAGNOSE,
        "The deadline for " + t.metric() + " passed on " + t.deadlineOn() + " with the target " + t.target()
            + " unmet (latest " + t.latestValue() + ").",
        Map.of("metric", t.metric(), "deadlineOn", t.deadlineOn().toString(), "target", t.target(),
            "latest", String.valueOf(t.latestValue()), "recentMedian", String.valueOf(t.recentMedian()),
            "diagnoseOnRecord", false),
        "Diagnose why now; without a credible fix the next gate is a KILL.",
        "DEADLINE_MISSED");
  }

  // --- budget.drl ---

  public static Finding implementationUnderfunded(Pilot pilot, double minMultiple) {
    double annual = pilot.softwareMonthlyCost() * 12;
    double needed = annual * minMultiple;
    return new Finding("IMPLEMENTATION_UNDERFUNDED", RootCause.GOVERNANCE, Severity.WARNING, null,
        "The implementation budget of " + Math.round(pilot.implementationBudget()) + " is below "
            + Math.round(needed) + ", the policy's " + minMultiple
            + " times the annual software cost of " + Math.round(annual) + ".",
        Map.of("implementationBudget", pilot.implementationBudget(), "annualSoftwareCost", annual,
            "minMultiple", minMultiple, "minBudget", needed),
        "Budget data preparation, integration and change management honestly, or expect the pilot to stall.",
        "IMPLEMENTATION_UNDERFUNDED");
  }

  // --- purgatory.drl ---

  public static Finding purgatoryGo(GateContext gate, Pilot pilot, int graceDays, long criteria, long met) {
    return new Finding("PURGATORY", RootCause.GOVERNANCE, Severity.INFO, GateOutcome.GO,
        "Planned to end on " + pilot.plannedEndOn() + " and still undecided " + gate.daysSince(pilot.plannedEndOn())
            + " days later; all " + criteria + " success criteria are met, so the call is GO.",
        Map.of("plannedEndOn", pilot.plannedEndOn().toString(), "graceDays", graceDays,
            "daysPastPlannedEnd", gate.daysSince(pilot.plannedEndOn()), "criteria", criteria, "criteriaMet", met),
        "Record the GO and move to the next stage; close the remaining gaps as part of it.",
        "PURGATORY: criteria met");
  }

  public static Finding purgatoryKill(GateContext gate, Pilot pilot, int graceDays, long criteria, long met) {
    return new Finding("PURGATORY", RootCause.GOVERNANCE, Severity.BLOCKER, GateOutcome.KILL,
        "Planned to end on " + pilot.plannedEndOn() + " and still undecided " + gate.daysSince(pilot.plannedEndOn())
            + " days later; " + met + " of " + criteria + " success criteria are met, so the call is KILL.",
        Map.of("plannedEndOn", pilot.plannedEndOn().toString(), "graceDays", graceDays,
            "daysPastPlannedEnd", gate.daysSince(pilot.plannedEndOn()), "criteria", criteria, "criteriaMet", met),
        "Stop the pilot and release its budget, or re-scope it as a new pilot with criteria agreed up front.",
        "PURGATORY: criteria not met");
  }

  // --- outcome.drl ---

  public static Finding criteriaDefined(long all, long business) {
    return new Finding("CRITERIA_DEFINED", RootCause.SUCCESS_CRITERIA, Severity.INFO, GateOutcome.GO,
        all + " success " + (all == 1 ? "criterion" : "criteria") + " with baseline, target and deadline; "
            + business + " measure" + (business == 1 ? "s" : "") + " a business outcome.",
        Map.of("criteria", all, "businessCriteria", business),
        "Name the operator owner next.",
        "CRITERIA_DEFINED");
  }

  public static Finding ownerActivated(Owner o) {
    return new Finding("OWNER_ACTIVATED", RootCause.OPERATOR_OWNER, Severity.INFO, GateOutcome.GO,
        o.name() + ((o.role() == null) ? "" : " (" + o.role() + ")") + " owns adoption and is accountable for it.",
        Map.of("owner", o.name()),
        "Audit the data sources next.",
        "OWNER_ACTIVATED");
  }

  public static Finding dataReady(long sources) {
    return new Finding("DATA_READY", RootCause.DATA_READINESS, Severity.INFO, GateOutcome.GO,
        (sources == 1 ? "The data source is" : "All " + sources + " data sources are")
            + " audited and within the policy's limits.",
        Map.of("sources", sources),
        "Start the controlled rollout with three to five early adopters.",
        "DATA_READY");
  }

  public static Finding rolloutGatePassed(AdoptionSnapshot a, double min, long moving) {
    return new Finding("ROLLOUT_GATE_PASSED", RootCause.ADOPTION, Severity.INFO, GateOutcome.GO,
        a.activeEarlyAdopterCount() + " of " + a.earlyAdopters() + " early adopters active in the " + a.windowDays()
            + " days to " + a.windowEnd() + ", and " + moving + " metric" + (moving == 1 ? "" : "s")
            + " moving toward target: expand beyond the early adopters.",
        Map.of("active", a.activeEarlyAdopters(), "activeShare", a.earlyAdopterActiveShare(),
            "min", min, "metricsMoving", moving),
        "Roll out to the whole team with the adoption playbook.",
        "ROLLOUT_GATE_PASSED");
  }

  public static Finding adoptionSustained(AdoptionSnapshot a, double min) {
    return new Finding("ADOPTION_SUSTAINED", RootCause.ADOPTION, Severity.INFO, GateOutcome.GO,
        a.activeUsers() + " of " + a.eligibleUsers() + " eligible users active (" + percent(a.activeShare())
            + "), the playbook is complete and every target is met: this is production.",
        Map.of("activeUsers", a.activeUsers(), "eligibleUsers", a.eligibleUsers(), "activeShare", a.activeShare(),
            "min", min),
        "Declare production; keep reporting usage and the metrics to management.",
        "ADOPTION_SUSTAINED");
  }

  public static Finding productionHealthy(AdoptionSnapshot a, double min) {
    return new Finding("PRODUCTION_HEALTHY", RootCause.ADOPTION, Severity.INFO, GateOutcome.GO,
        a.activeUsers() + " of " + a.eligibleUsers() + " eligible users active (" + percent(a.activeShare())
            + ") and no metric regressing.",
        Map.of("activeUsers", a.activeUsers(), "eligibleUsers", a.eligibleUsers(), "activeShare", a.activeShare(),
            "min", min),
        "Keep monitoring usage and the metrics.",
        "PRODUCTION_HEALTHY");
  }
}
