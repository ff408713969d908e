package dev.pilotgate.internal.engine;

import dev.pilotgate.ruleset.GateEvaluationException;
import dev.pilotgate.ruleset.RuleExecutionException;
import dev.pilotgate.internal.analysis.Analysis;
import dev.pilotgate.model.Pilot;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.runtime.KieSession;

/**
 * The exceptions an evaluation fails with, kept off its hot path: built only once something
 * went wrong, and then allowed to be slow (a runaway rule set is run once more, counting which
 * rules fire, to name them).
 */
final class EvaluationFailures {
  /** How Drools names a rule in the message of an exception thrown while evaluating conditions. */
  private static final Pattern RULE_IN_MESSAGE = Pattern.compile("[Rr]ule \\\"?([^\\\"\\]]+)\\\"? in ");
  private static final Pattern RULE_LIST = Pattern.compile("\\[Rule \"([^\"]+)\"");

  private EvaluationFailures() {}

  /** A rule's action ({@code then}) threw {@code cause}. */
  static RuleExecutionException actionFailed(CompiledRuleSet rules, Pilot pilot, String rule, Throwable cause) {
    return new RuleExecutionException(pilot.id(), rule, rules.version(), "action", cause);
  }

  /** The engine threw while the rules ran: a condition ({@code when}) that threw, or an engine failure. */
  static GateEvaluationException engineFailed(CompiledRuleSet rules, Pilot pilot, RuntimeException e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause && isEngineWrapper(cause)) {
      cause = cause.getCause();
    }
    String rule = ruleNamedIn(e);
    if (rule != null || cause != e) {
      return new RuleExecutionException(pilot.id(), rule, rules.version(), "conditions", cause);
    }
    return new GateEvaluationException(pilot.id(), null, rules.version(), "the rules failed: " + e, e);
  }

  private static boolean isEngineWrapper(Throwable t) {
    String name = t.getClass().getName();
    return name.startsWith("org.drools.") || name.startsWith("org.kie.") || name.startsWith("org.mvel2.")
        || t.getClass() == RuntimeException.class || t instanceof java.lang.reflect.InvocationTargetException
        || t instanceof java.lang.reflect.UndeclaredThrowableException;
  }

  private static String ruleNamedIn(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = t.getMessage();
      if (m == null) {
        continue;
      }
      Matcher list = RULE_LIST.matcher(m);
      if (list.find()) {
        return list.group(1);
      }
      Matcher in = RULE_IN_MESSAGE.matcher(m);
      if (in.find()) {
        return in.group(1).strip();
      }
    }
    return null;
  }

  /**
   * The rules fired {@code engine.maxRuleFirings} times without settling. Runs them once more on a
   * fresh session, counting firings per rule, to name the ones that keep re-activating.
   */
  static GateEvaluationException tooManyFirings(CompiledRuleSet rules, Pilot pilot, LocalDate asOf) {
    KieSession session = rules.kieBase().newKieSession();
    EvaluationWatch watch = new EvaluationWatch(session); // counts the firings; the replay is bounded in time too
    try {
      session.addEventListener((org.kie.api.event.rule.AgendaEventListener) watch);
      watch.start(rules.maxEvaluationMillis());
      rules.bind(session, pilot, watch);
      for (Object fact : Analysis.facts(pilot, asOf, rules.policy())) {
        session.insert(fact);
      }
      session.fireAllRules(rules.maxFirings());
    } catch (RuntimeException ignored) {
      // the counts so far are what is wanted
    } finally {
      watch.stop();
      session.dispose();
    }
    String top = watch.mostFired();
    return new GateEvaluationException(pilot.id(), watch.mostFiredRule(), rules.version(),
        "the rules did not settle within engine.maxRuleFirings (" + rules.maxFirings() + ") firings; rules may be"
            + " re-activating each other" + (top.isEmpty() ? "" : " (most fired: " + top + ")")
            + ": make a rule's conditions false once it has acted (a guard, or no-loop), or raise"
            + " engine.maxRuleFirings in the policy if that many firings are intended", null);
  }

  /** The pilot alone gives more facts than {@code engine.maxFacts}. */
  static GateEvaluationException pilotTooLarge(CompiledRuleSet rules, Pilot pilot, List<Object> facts) {
    Map<String, Long> kinds = facts.stream().collect(Collectors.groupingBy(f -> f.getClass().getSimpleName(),
        TreeMap::new, Collectors.counting()));
    String most = kinds.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(3).map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    return new GateEvaluationException(pilot.id(), null, rules.version(),
        "the pilot gives " + facts.size() + " facts to the rules (" + most + ", ...), more than engine.maxFacts ("
            + rules.maxFacts() + ") allows; split the pilot's data, or raise engine.maxFacts in the policy", null);
  }

  /** A rule inserted past {@code engine.maxFacts}, or a second fact of a type the engine gives once. */
  static GateEvaluationException factLimit(CompiledRuleSet rules, Pilot pilot, String rule,
      EvaluationWatch.FactLimitException limit) {
    return new GateEvaluationException(pilot.id(), rule, rules.version(), "rule '" + rule + "' " + limit.getMessage(),
        null);
  }

  /** The evaluation was halted at {@code engine.maxEvaluationMillis} and did not stop within as long again. */
  static GateEvaluationException abandoned(CompiledRuleSet rules, Pilot pilot, EvaluationWatch watch) {
    String fired = watch.mostFired();
    return new GateEvaluationException(pilot.id(), watch.blamed(), rules.version(),
        "the rules did not finish within engine.maxEvaluationMillis (" + rules.maxEvaluationMillis() + " ms) and did"
            + " not stop within as long again, so the evaluation was abandoned"
            + (fired.isEmpty() ? " before any rule fired" : " (fired most: " + fired + ")")
            + ": a rule's conditions are too costly for this pilot (a method over a long list or text, compared"
            + " for every pair of facts); its thread runs on until that step ends", null);
  }

  /** The evaluation ran past {@code engine.maxEvaluationMillis} and was halted. */
  static GateEvaluationException tooSlow(CompiledRuleSet rules, Pilot pilot, EvaluationWatch watch) {
    String fired = watch.mostFired();
    return new GateEvaluationException(pilot.id(), watch.blamed(), rules.version(),
        "the rules did not finish within engine.maxEvaluationMillis (" + rules.maxEvaluationMillis() + " ms) and were"
            + " stopped" + (fired.isEmpty() ? " before any rule fired" : " (fired most: " + fired + ")")
            + ": make a rule's conditions false once it has acted, or raise engine.maxEvaluationMillis in the policy"
            + " if evaluations this long are intended", null);
  }
}
