package dev.pilotgate.bench.easyrules;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.bench.floor.Decisions;
import dev.pilotgate.bench.floor.DerivedFacts;
import dev.pilotgate.bench.floor.GateFindings;
import dev.pilotgate.bench.floor.Thresholds;
import dev.pilotgate.decision.Finding;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.decision.Readiness;
import dev.pilotgate.decision.TrendVerdict;
import dev.pilotgate.model.Direction;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.MetricKind;
import dev.pilotgate.model.OwnerKind;
import dev.pilotgate.model.Stage;
import dev.pilotgate.model.Pilot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import org.jeasy.rules.api.Facts;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.api.Rule;
import org.jeasy.rules.api.RuleListener;
import org.jeasy.rules.core.DefaultRulesEngine;
import org.jeasy.rules.mvel.MVELRule;
import org.mvel2.ParserContext;

/**
 * The peer a Java team would otherwise pick: the frozen rules' checks
 * ({@code dev.pilotgate.bench.fixtures.FrozenRules}, the bundled rules of commit 2a3c676, which
 * the differential tests hold it to) as Easy Rules 4.1 MVEL rules, one rule per {@code .drl}
 * rule, with the conditions and the loops over a pilot's parts written in MVEL and run by {@link DefaultRulesEngine} in priority order (the rules'
 * salience). Easy Rules has no pattern matching over several facts, so a rule that Drools
 * matches once per data source or trend iterates in its action. Findings come from
 * {@link GateFindings} (the same text as the rules'), so the comparison is of how the checks
 * run. The derived facts are the core's ({@link DerivedFacts}, from {@link GateEvaluator#facts}).
 *
 * <p>Thread-safe for evaluation: the rules and the engine are built once and shared; each
 * call has its own {@link Facts}.
 */
public final class EasyRulesGate {
  public static final String VERSION = "easy-rules";

  private final GateEvaluator frozen;
  private final Thresholds thresholds;
  private final Rules rules;
  private final DefaultRulesEngine engine = new DefaultRulesEngine();

  /** The collector the rules' actions write findings to, and the gate rules ask "blocked?". */
  public static final class Out {
    public final List<Finding> findings = new ArrayList<>();
    public Readiness readiness;
    /** The first rule that failed; Easy Rules logs and carries on, a gate must not. */
    RuntimeException failure;

    public void add(Finding f) {
      findings.add(f);
    }

    public boolean blocked() {
      return Decisions.blocked(findings);
    }

    /** purgatory.drl's "the call replaces holds". */
    public void holdsToWarnings() {
      for (ListIterator<Finding> it = findings.listIterator(); it.hasNext(); ) {
        Finding f = it.next();
        if (f.outcome() == GateOutcome.HOLD || f.outcome() == GateOutcome.DIAGNOSE) {
          it.set(f.asWarning());
        }
      }
    }
  }

  /**
   * Easy Rules deciding as the rules {@code frozenRules} evaluates, which should be the frozen
   * ones: the derived facts come from {@code frozenRules.facts}, the thresholds from its policy.
   */
  public EasyRulesGate(GateEvaluator frozenRules) {
    this.frozen = frozenRules;
    this.thresholds = new Thresholds(frozenRules.policy());
    this.rules = rules();
    engine.registerRuleListener(new RuleListener() {
      @Override
      public void onEvaluationError(Rule rule, Facts facts, Exception e) {
        fail(rule, facts, e);
      }

      @Override
      public void onFailure(Rule rule, Facts facts, Exception e) {
        fail(rule, facts, e);
      }

      private void fail(Rule rule, Facts facts, Exception e) {
        Out out = facts.get("out");
        if (out.failure == null) {
          out.failure = new IllegalStateException("rule '" + rule.getName() + "' failed: " + e, e);
        }
      }
    });
  }

  public GateDecision evaluate(Pilot pilot, LocalDate asOf) {
    DerivedFacts d = DerivedFacts.of(frozen, pilot, asOf);
    Out out = new Out();
    Facts facts = new Facts();
    facts.put("d", d);
    facts.put("g", d.gate);
    facts.put("p", thresholds);
    facts.put("out", out);
    engine.fire(rules, facts);
    if (out.failure != null) {
      throw out.failure;
    }
    return Decisions.decide(d, out.findings, out.readiness, VERSION);
  }

  /** The number of rules, for the record. */
  public int size() {
    return rules.size();
  }

  private static Rules rules() {
    ParserContext ctx = new ParserContext();
    ctx.addImport("F", GateFindings.class);
    ctx.addImport("Stage", Stage.class);
    ctx.addImport("Direction", Direction.class);
    ctx.addImport("MetricKind", MetricKind.class);
    ctx.addImport("OwnerKind", OwnerKind.class);
    ctx.addImport("TrendVerdict", TrendVerdict.class);
    ctx.addImport("GateOutcome", GateOutcome.class);
    ctx.addImport("D", Decisions.class);
    Rules rules = new Rules();
    // --- criteria.drl ---
    rules.register(rule(ctx, "CRITERIA_MISSING", 0,
        "d.pilot.successCriteria().isEmpty()",
        "out.add(F.criteriaMissing(g));"));
    rules.register(rule(ctx, "CRITERIA_INCOMPLETE", 0,
        "true",
        "foreach (c : d.pilot.successCriteria()) {"
            + " if (c.baseline() == null || c.target() == null || c.deadlineOn() == null) {"
            + "   out.add(F.criteriaIncomplete(g, c)); } }"));
    rules.register(rule(ctx, "CRITERIA_TARGET_NOT_BETTER", 0,
        "true",
        "foreach (c : d.pilot.successCriteria()) {"
            + " if (c.baseline() != null && c.target() != null"
            + "     && ((c.direction() == Direction.HIGHER_IS_BETTER && c.target() <= c.baseline())"
            + "         || (c.direction() == Direction.LOWER_IS_BETTER && c.target() >= c.baseline()))) {"
            + "   out.add(F.criteriaTargetNotBetter(g, c)); } }"));
    rules.register(rule(ctx, "CRITERIA_DEFINED_LATE", 0,
        "d.pilot.launchedOn() != null",
        "foreach (c : d.pilot.successCriteria()) {"
            + " if (c.definedOn() != null && c.definedOn().isAfter(d.pilot.launchedOn())) {"
            + "   out.add(F.criteriaDefinedLate(d.pilot, c)); } }"));
    rules.register(rule(ctx, "CRITERIA_TECHNOLOGY_ONLY", 0,
        "!d.pilot.successCriteria().isEmpty()"
            + " && ($ in d.pilot.successCriteria() if $.kind() == MetricKind.BUSINESS).size() == 0",
        "out.add(F.criteriaTechnologyOnly(g));"));
    // --- owner.drl ---
    rules.register(rule(ctx, "OWNER_MISSING", 0,
        "d.pilot.owner() == null",
        "out.add(F.ownerMissing(g));"));
    rules.register(rule(ctx, "OWNER_DIFFUSE", 0,
        "d.pilot.owner() != null && d.pilot.owner().kind() != OwnerKind.INDIVIDUAL",
        "out.add(F.ownerDiffuse(g, d.pilot.owner()));"));
    rules.register(rule(ctx, "OWNER_NOT_ACCOUNTABLE", 0,
        "d.pilot.owner() != null && !d.pilot.owner().accountable()",
        "out.add(F.ownerNotAccountable(g, d.pilot.owner()));"));
    rules.register(rule(ctx, "OWNER_INHERITED", 0,
        "d.pilot.owner() != null && g.designStartedOn() != null && d.pilot.owner().involvedSince() != null"
            + " && d.pilot.owner().involvedSince().isAfter(g.designStartedOn())",
        "out.add(F.ownerInherited(g, d.pilot.owner()));"));
    // --- data.drl ---
    rules.register(rule(ctx, "DATA_NO_SOURCES", 0,
        "d.pilot.dataSources().isEmpty()",
        "out.add(F.dataNoSources(g));"));
    rules.register(rule(ctx, "DATA_NOT_AUDITED: never audited", 0,
        "true",
        "foreach (a : d.audits) { if (a.ageDays() == null) { out.add(F.dataNeverAudited(g, a)); } }"));
    rules.register(rule(ctx, "DATA_NOT_AUDITED: audit too old", 0,
        "true",
        "foreach (a : d.audits) { if (a.ageDays() != null && a.ageDays() > p.dataAuditMaxAgeDays) {"
            + " out.add(F.dataAuditTooOld(g, a, p.dataAuditMaxAgeDays)); } }"));
    rules.register(rule(ctx, "DATA_NOT_AUDITED: nothing measured", 0,
        "true",
        "foreach (a : d.audits) { if (a.ageDays() != null && !a.unmeasured().isEmpty()) {"
            + " out.add(F.dataNothingMeasured(g, a)); } }"));
    rules.register(rule(ctx, "DATA_DUPLICATES", 0,
        "true",
        "foreach (s : d.pilot.dataSources()) {"
            + " if (s.duplicateRate() != null && s.duplicateRate() > p.dataDuplicateRateMax) {"
            + "   out.add(F.dataDuplicates(g, s, p.dataDuplicateRateMax)); } }"));
    rules.register(rule(ctx, "DATA_MISSING_HISTORY", 0,
        "true",
        "foreach (s : d.pilot.dataSources()) {"
            + " if (s.missingHistoryMonths() != null && s.missingHistoryMonths() > p.dataMissingHistoryMonthsMax) {"
            + "   out.add(F.dataMissingHistory(g, s, p.dataMissingHistoryMonthsMax)); } }"));
    rules.register(rule(ctx, "DATA_INCONSISTENT_FORMATS", 0,
        "true",
        "foreach (s : d.pilot.dataSources()) {"
            + " if (s.inconsistentFormatRate() != null && s.inconsistentFormatRate() > p.dataInconsistentFormatRateMax) {"
            + "   out.add(F.dataInconsistentFormats(g, s, p.dataInconsistentFormatRateMax)); } }"));
    rules.register(rule(ctx, "DATA_SENSOR_BIAS", 0,
        "true",
        "foreach (r : d.devices) { if (r.magnitude() > p.dataSensorOffsetMax) {"
            + " out.add(F.dataSensorBias(g, r, p.dataSensorOffsetMax)); } }"));
    rules.register(rule(ctx, "DATA_CURATED_FOR_DEMO", 0,
        "true",
        "foreach (s : d.pilot.dataSources()) { if (s.curatedForDemo()) { out.add(F.dataCuratedForDemo(g, s)); } }"));
    rules.register(rule(ctx, "DATA_NO_GOVERNANCE", 0,
        "true",
        "foreach (s : d.pilot.dataSources()) { if (!s.governanceDocumented()) { out.add(F.dataNoGovernance(g, s)); } }"));
    // --- rollout.drl ---
    rules.register(rule(ctx, "ROLLOUT_MISSING", 0,
        "g.stage().isAtOrAfter(Stage.CONTROLLED_ROLLOUT) && d.pilot.rollout() == null",
        "out.add(F.rolloutMissing(g));"));
    rules.register(rule(ctx, "GATE_NOT_DUE", 0,
        "g.stage() == Stage.CONTROLLED_ROLLOUT && g.gateDueOn() != null && !g.gateDue() && d.pilot.rollout() != null",
        "out.add(F.gateNotDue(g, d.pilot.rollout(), p.gatePeriodDays));"));
    rules.register(rule(ctx, "COHORT_SIZE: no early adopters", 0,
        "g.stage() == Stage.CONTROLLED_ROLLOUT && d.pilot.rollout() != null"
            + " && d.pilot.rollout().earlyAdopters().size() == 0",
        "out.add(F.cohortEmpty(p.cohortMin, p.cohortMax));"));
    rules.register(rule(ctx, "COHORT_SIZE", 0,
        "g.stage() == Stage.CONTROLLED_ROLLOUT && d.pilot.rollout() != null"
            + " && d.pilot.rollout().earlyAdopters().size() > 0"
            + " && (d.pilot.rollout().earlyAdopters().size() < p.cohortMin"
            + "     || d.pilot.rollout().earlyAdopters().size() > p.cohortMax)",
        "out.add(F.cohortSize(d.pilot.rollout(), p.cohortMin, p.cohortMax));"));
    rules.register(rule(ctx, "PREMATURE_FULL_ROLLOUT", 0,
        "g.stage() == Stage.CONTROLLED_ROLLOUT && d.adoption != null && d.adoption.eligibleUsers() > 0"
            + " && d.adoption.deployedShare() >= p.fullRolloutShare",
        "out.add(F.prematureFullRollout(d.adoption, p.fullRolloutShare));"));
    // --- adoption.drl ---
    rules.register(rule(ctx, "LOW_EARLY_ADOPTER_USAGE", 0,
        "g.stage() == Stage.CONTROLLED_ROLLOUT && g.gateDue() && d.adoption != null"
            + " && d.adoption.earlyAdopters() > 0 && d.adoption.earlyAdopterActiveShare() < p.adoptionActiveShareMin",
        "out.add(F.lowEarlyAdopterUsage(d.adoption, p.adoptionActiveShareMin));"));
    rules.register(rule(ctx, "LOW_EARLY_ADOPTER_USAGE: early signal", 0,
        "g.stage() == Stage.CONTROLLED_ROLLOUT && !g.gateDue() && d.adoption != null"
            + " && d.adoption.earlyAdopters() > 0 && d.adoption.rolloutAgeDays() >= d.adoption.windowDays() - 1"
            + " && d.adoption.earlyAdopterActiveShare() < p.adoptionActiveShareMin",
        "out.add(F.lowEarlyAdopterUsageEarly(g, d.adoption, p.adoptionActiveShareMin));"));
    rules.register(rule(ctx, "SHADOW_PROCESS", 0,
        "((g.stage() == Stage.CONTROLLED_ROLLOUT && g.gateDue()) || g.stage() == Stage.ORG_WIDE_ADOPTION"
            + " || g.stage() == Stage.PRODUCTION) && d.pilot.rollout() != null && d.pilot.rollout().legacyProcessInUse()",
        "out.add(F.shadowProcess());"));
    rules.register(rule(ctx, "SHADOW_PROCESS: before the gate", 0,
        "g.stage() == Stage.CONTROLLED_ROLLOUT && !g.gateDue() && d.pilot.rollout() != null"
            + " && d.pilot.rollout().legacyProcessInUse()",
        "out.add(F.shadowProcessEarly());"));
    rules.register(rule(ctx, "LOW_SUSTAINED_USAGE", 0,
        "(g.stage() == Stage.ORG_WIDE_ADOPTION || g.stage() == Stage.PRODUCTION) && d.adoption != null"
            + " && d.adoption.activeShare() < p.productionActiveShareMin",
        "out.add(F.lowSustainedUsage(d.adoption, p.productionActiveShareMin));"));
    rules.register(rule(ctx, "USAGE_DECAY", 0,
        "g.stage() == Stage.PRODUCTION && d.adoption != null && d.adoption.previousActiveUsers() > 0"
            + " && d.adoption.usageDecay() > p.productionUsageDecayMax",
        "out.add(F.usageDecay(d.adoption, p.productionUsageDecayMax));"));
    rules.register(rule(ctx, "PLAYBOOK_INCOMPLETE", 0,
        "g.stage().isAtOrAfter(Stage.CONTROLLED_ROLLOUT) && d.playbookGaps.missing().size() > 0",
        "out.add(F.playbookIncomplete(g, d.playbookGaps));"));
    // --- metrics.drl ---
    String judged = "((g.stage() == Stage.CONTROLLED_ROLLOUT && g.gateDue())"
        + " || g.stage().isAtOrAfter(Stage.ORG_WIDE_ADOPTION))";
    rules.register(rule(ctx, "METRIC_INSUFFICIENT_DATA", 0,
        judged,
        "foreach (t : d.trends) { if (t.verdict() == TrendVerdict.INSUFFICIENT_DATA"
            + " && (!t.targetMet() || g.stage().isAtOrAfter(Stage.ORG_WIDE_ADOPTION))) {"
            + " out.add(F.metricInsufficientData(t, p.metricMinObservations)); } }"));
    rules.register(rule(ctx, "METRIC_NOT_MOVING", 0,
        judged,
        "foreach (t : d.trends) { if (t.verdict() == TrendVerdict.NO_SIGNIFICANT_CHANGE && !t.targetMet()) {"
            + " out.add(F.metricNotMoving(t, p.metricTrendMaxPValue)); } }"));
    rules.register(rule(ctx, "METRIC_WORSENING", 0,
        judged,
        "foreach (t : d.trends) { if (t.verdict() == TrendVerdict.WORSENING) {"
            + " out.add(F.metricWorsening(t, p.metricTrendMaxPValue)); } }"));
    rules.register(rule(ctx, "METRIC_OFF_TRACK", 0,
        judged,
        "foreach (t : d.trends) { if (t.verdict() == TrendVerdict.IMPROVING && !t.targetMet()"
            + " && t.projectedAtDeadline() != null && !t.projectedToMeetTarget() && !t.deadlinePassed()) {"
            + " out.add(F.metricOffTrack(t)); } }"));
    rules.register(rule(ctx, "METRIC_IMPROVING", 0,
        judged,
        "foreach (t : d.trends) { if (t.verdict() == TrendVerdict.IMPROVING && !t.targetMet()"
            + " && (t.projectedAtDeadline() == null || t.projectedToMeetTarget())) {"
            + " out.add(F.metricImproving(t, p.metricTrendMaxPValue)); } }"));
    rules.register(rule(ctx, "METRIC_TARGET_MET", 0,
        "true",
        "foreach (t : d.trends) { if (t.targetMet()) { out.add(F.metricTargetMet(t, p.metricMetPoints)); } }"));
    rules.register(rule(ctx, "METRIC_TARGET_PENDING", 0,
        "g.stage() == Stage.ORG_WIDE_ADOPTION",
        "foreach (t : d.trends) { if (!t.targetMet() && !t.deadlinePassed()"
            + " && t.verdict() != TrendVerdict.INSUFFICIENT_DATA && t.latestValue() != null) {"
            + " out.add(F.metricTargetPending(t)); } }"));
    rules.register(rule(ctx, "DEADLINE_MISSED: after a DIAGNOSE", 0,
        "g.stage() != Stage.PRODUCTION && g.diagnoseOnRecord()",
        "foreach (t : d.trends) { if (t.deadlinePassed() && !t.targetMet()) {"
            + " out.add(F.deadlineMissedAfterDiagnose(t)); } }"));
    rules.register(rule(ctx, "DEADLINE_MISSED", 0,
        "g.stage() != Stage.PRODUCTION && !g.diagnoseOnRecord()",
        "foreach (t : d.trends) { if (t.deadlinePassed() && !t.targetMet()) { out.add(F.deadlineMissed(t)); } }"));
    // --- budget.drl ---
    rules.register(rule(ctx, "IMPLEMENTATION_UNDERFUNDED", 0,
        "d.pilot.softwareMonthlyCost() != null && d.pilot.softwareMonthlyCost() > 0"
            + " && d.pilot.implementationBudget() != null"
            + " && d.pilot.implementationBudget() < d.pilot.softwareMonthlyCost() * 12 * p.budgetMinMultiple",
        "out.add(F.implementationUnderfunded(d.pilot, p.budgetMinMultiple));"));
    // --- purgatory.drl (salience -40, -45) ---
    String metCount = "($ in d.trends if $.targetMet()).size()";
    rules.register(rule(ctx, "PURGATORY: criteria met", 40,
        "g.purgatory() && d.pilot.successCriteria().size() > 0"
            + " && " + metCount + " == d.pilot.successCriteria().size()",
        "out.add(F.purgatoryGo(g, d.pilot, p.purgatoryGraceDays, (long) d.pilot.successCriteria().size(),"
            + " (long) " + metCount + "));"));
    rules.register(rule(ctx, "PURGATORY: criteria not met", 40,
        "g.purgatory() && (d.pilot.successCriteria().size() == 0"
            + " || " + metCount + " < d.pilot.successCriteria().size())",
        "out.add(F.purgatoryKill(g, d.pilot, p.purgatoryGraceDays, (long) d.pilot.successCriteria().size(),"
            + " (long) " + metCount + "));"));
    rules.register(rule(ctx, "PURGATORY: the call replaces holds", 45,
        "g.purgatory() && ($ in out.findings if $.code() == 'PURGATORY' && $.outcome() == GateOutcome.GO).size() > 0",
        "out.holdsToWarnings();"));
    // --- outcome.drl (salience -50) ---
    rules.register(rule(ctx, "CRITERIA_DEFINED", 50,
        "g.stage() == Stage.DEFINE_CRITERIA && !g.purgatory() && !out.blocked()",
        "out.add(F.criteriaDefined((long) d.pilot.successCriteria().size(),"
            + " (long) ($ in d.pilot.successCriteria() if $.kind() == MetricKind.BUSINESS).size()));"));
    rules.register(rule(ctx, "OWNER_ACTIVATED", 50,
        "g.stage() == Stage.ACTIVATE_OWNER && !g.purgatory() && !out.blocked() && d.pilot.owner() != null",
        "out.add(F.ownerActivated(d.pilot.owner()));"));
    rules.register(rule(ctx, "DATA_READY", 50,
        "g.stage() == Stage.DATA_AUDIT && !g.purgatory() && !out.blocked()",
        "out.add(F.dataReady((long) d.pilot.dataSources().size()));"));
    rules.register(rule(ctx, "ROLLOUT_GATE_PASSED", 50,
        "g.stage() == Stage.CONTROLLED_ROLLOUT && g.gateDue() && !g.purgatory() && !out.blocked()"
            + " && d.adoption != null",
        "out.add(F.rolloutGatePassed(d.adoption, p.adoptionActiveShareMin,"
            + " (long) ($ in d.trends if $.verdict() == TrendVerdict.IMPROVING || $.targetMet()).size()));"));
    rules.register(rule(ctx, "ADOPTION_SUSTAINED", 50,
        "g.stage() == Stage.ORG_WIDE_ADOPTION && !g.purgatory() && !out.blocked() && d.adoption != null",
        "out.add(F.adoptionSustained(d.adoption, p.productionActiveShareMin));"));
    rules.register(rule(ctx, "PRODUCTION_HEALTHY", 50,
        "g.stage() == Stage.PRODUCTION && !g.purgatory() && !out.blocked() && d.adoption != null",
        "out.add(F.productionHealthy(d.adoption, p.productionActiveShareMin));"));
    // --- readiness.drl (salience -100) ---
    rules.register(rule(ctx, "READINESS", 100,
        "true",
        "out.readiness = D.readiness(out.findings, p);"));
    return rules;
  }

  private static MVELRule rule(ParserContext ctx, String name, int priority, String when, String then) {
    return new MVELRule(ctx).name(name).priority(priority).when(when).then(then);
  }
}
