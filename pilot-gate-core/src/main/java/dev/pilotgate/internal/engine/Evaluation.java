package dev.pilotgate.internal.engine;

import dev.pilotgate.ruleset.GateEvaluationException;
import dev.pilotgate.decision.AdoptionSnapshot;
import dev.pilotgate.decision.Finding;
import dev.pilotgate.decision.MetricTrend;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.decision.Readiness;
import dev.pilotgate.decision.WaiverStatus;
import dev.pilotgate.internal.analysis.Analysis;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.SuccessCriterion;
import dev.pilotgate.facts.GateContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * One evaluation: a fresh session over one compiled rule set, the pilot's facts and the
 * policy; then the outcome by precedence over the findings. Stateless; safe from any thread.
 */
public final class Evaluation {
  /** Most severe first; then by the outcome called for, area, code, message and evidence: a total order, so output is stable. */
  static final Comparator<Finding> ORDER = Comparator
      .comparing(Finding::severity)
      .thenComparing(f -> f.outcome() == null ? -1 : f.outcome().precedence(), Comparator.reverseOrder())
      .thenComparing(Finding::rootCause)
      .thenComparing(Finding::code)
      .thenComparing(Finding::message)
      // findings alike in all the above (e.g. two criteria on one metric) differ in their evidence:
      // order by it too, so the order never depends on the engine's internal order
      .thenComparing(f -> f.evidence().toString());

  private Evaluation() {}

  public static GateDecision evaluate(CompiledRuleSet rules, Pilot pilot, LocalDate asOf) {
    return evaluate(rules, pilot, asOf, null);
  }

  /** As {@link #evaluate(CompiledRuleSet, Pilot, LocalDate)}, adding each fired rule's name to {@code firedRules} when not null. */
  public static GateDecision evaluate(CompiledRuleSet rules, Pilot pilot, LocalDate asOf, List<String> firedRules) {
    return evaluate(rules, pilot, asOf, firedRules, null);
  }

  /** As above, handing the evaluation's watch to {@code started} (when not null) as its clock starts: see {@link Isolation}. */
  static GateDecision evaluate(CompiledRuleSet rules, Pilot pilot, LocalDate asOf, List<String> firedRules,
      AtomicReference<EvaluationWatch> started) {
    List<Finding> findings = new ArrayList<>();
    List<Readiness> readiness = new ArrayList<>();
    List<Object> facts = Analysis.facts(pilot, asOf, rules.policy());
    // A pooled session skips building the network's memories again; explain() wants a
    // listener, so it takes a fresh one.
    KieSession session = firedRules == null ? rules.sessions().acquire() : rules.kieBase().newKieSession();
    boolean reusable = false;
    if (firedRules != null) {
      session.addEventListener(new DefaultAgendaEventListener() {
        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
          firedRules.add(event.getMatch().getRule().getName());
        }
      });
    }
    EvaluationWatch watch = new EvaluationWatch(session);
    session.addEventListener((AgendaEventListener) watch);
    boolean counting = false;
    try {
      rules.bind(session, pilot, watch, pilot.waivers().isEmpty() ? null : Waivers.of(pilot, asOf, rules.policy()));
      if (facts.size() + session.getFactCount() > rules.maxFacts()) {
        throw EvaluationFailures.pilotTooLarge(rules, pilot, facts);
      }
      for (Object fact : facts) {
        session.insert(fact);
      }
      // from here on the rules insert: each insert is checked (engine.maxFacts, SingleFacts)
      session.addEventListener((RuleRuntimeEventListener) watch);
      counting = true;
      watch.limitFacts(rules.maxFacts());
      watch.start(rules.maxEvaluationMillis());
      if (started != null) {
        started.set(watch);
      }
      int fired = session.fireAllRules(rules.maxFirings());
      if (watch.stop()) {
        throw EvaluationFailures.tooSlow(rules, pilot, watch);
      }
      if (fired >= rules.maxFirings()) {
        throw EvaluationFailures.tooManyFirings(rules, pilot, asOf);
      }
      for (Object o : session.getObjects()) {
        if (o instanceof Finding f) {
          findings.add(f);
        } else if (o instanceof Readiness r) {
          readiness.add(r);
        }
      }
      reusable = firedRules == null;
    } catch (ConsequenceException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      if (cause instanceof EvaluationWatch.FactLimitException limit) {
        throw EvaluationFailures.factLimit(rules, pilot, e.getMatch().getRule().getName(), limit);
      }
      throw EvaluationFailures.actionFailed(rules, pilot, e.getMatch().getRule().getName(), cause);
    } catch (GateEvaluationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw EvaluationFailures.engineFailed(rules, pilot, e);
    } finally {
      watch.stop();
      session.removeEventListener((AgendaEventListener) watch);
      if (counting) {
        session.removeEventListener((RuleRuntimeEventListener) watch);
      }
      if (firedRules == null) {
        rules.sessions().release(session, reusable);
      } else {
        session.dispose();
      }
    }
    return decide(rules, pilot, asOf, findings, readiness, facts);
  }

  private static GateDecision decide(CompiledRuleSet rules, Pilot pilot, LocalDate asOf,
      List<Finding> findings, List<Readiness> readiness, List<Object> facts) {
    List<MetricTrend> trends = new ArrayList<>();
    AdoptionSnapshot adoption = null;
    for (Object fact : facts) {
      if (fact instanceof MetricTrend t) {
        trends.add(t);
      } else if (fact instanceof AdoptionSnapshot a) {
        adoption = a;
      }
    }
    GateOutcome outcome = null;
    for (Finding f : findings) {
      if (f.outcome() != null) {
        outcome = f.outcome().max(outcome);
      }
    }
    if (outcome == null) {
      throw new GateEvaluationException(pilot.id(), null, rules.version(),
          "no rule decided an outcome at stage " + pilot.stage()
              + "; a rule set needs a gate rule for every stage", null);
    }
    if (readiness.size() != 1) {
      throw new GateEvaluationException(pilot.id(), null, rules.version(),
          "the rules must state readiness exactly once but stated it " + readiness.size() + " times", null);
    }
    findings.sort(ORDER);
    Readiness stated = readiness.get(0);
    // there is no way forward from a KILL: no weeks, no window
    Readiness ready = outcome == GateOutcome.KILL ? stated.withoutWeeks() : stated;
    List<WaiverStatus> waivers = Waivers.statuses(pilot, asOf, rules.policy());
    return new GateDecision(pilot.id(), pilot.name(), pilot.stage(), outcome,
        outcome == GateOutcome.GO ? pilot.stage().next().orElse(null) : null,
        findings, ready, trends, adoption, asOf, rules.version(), List.of(), waivers,
        nextReviewOn(pilot, asOf, findings, facts, waivers, rules.policy().getInt("review.intervalDays")));
  }

  /**
   * The next date that matters after {@code asOf}, if it comes before the regular review: the gate
   * falling due, a criterion's deadline, the end of the grace after the planned end, the day after a
   * waiver ends, an upkeep gap's due date. A later date waits for the regular review, which will see it coming.
   */
  static LocalDate nextReviewOn(Pilot pilot, LocalDate asOf, List<Finding> findings, List<Object> facts,
      List<WaiverStatus> waivers, int intervalDays) {
    LocalDate next = asOf.plusDays(intervalDays);
    for (Object fact : facts) {
      if (fact instanceof GateContext g) {
        next = sooner(next, g.gateDueOn(), asOf);
        next = sooner(next, g.purgatorySince() == null ? null : g.purgatorySince().plusDays(1), asOf);
      }
    }
    for (SuccessCriterion c : pilot.successCriteria()) {
      next = sooner(next, c.deadlineOn(), asOf);
    }
    for (WaiverStatus w : waivers) {
      next = sooner(next, w.endsOn() == null ? null : w.endsOn().plusDays(1), asOf); // the day the finding is back
    }
    for (Finding f : findings) {
      if (f.evidence().get("dueOn") instanceof String due) {
        next = sooner(next, LocalDate.parse(due), asOf);
      }
    }
    return next;
  }

  private static LocalDate sooner(LocalDate next, LocalDate candidate, LocalDate asOf) {
    return candidate != null && candidate.isAfter(asOf) && candidate.isBefore(next) ? candidate : next;
  }
}
