package dev.pilotgate.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.bench.drools.DroolsBuild;
import dev.pilotgate.bench.drools.RawDroolsGate;
import dev.pilotgate.bench.fixtures.FrozenRules;
import dev.pilotgate.bench.fixtures.RuleText;
import dev.pilotgate.decision.Finding;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.model.Direction;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.MetricKind;
import dev.pilotgate.model.Observation;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.Stage;
import dev.pilotgate.model.SuccessCriterion;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where Drools 10.1's executable model (built at runtime) departs from the classic build on
 * DRL the classic build handles: pinned, so that the choice of the classic build as the
 * default (docs/benchmarks.md) can be revisited when Drools fixes them. If one of these tests
 * fails, the bug is fixed: remove the test and its workaround.
 *
 * <p>On the frozen rules ({@link FrozenRules}, the bundled rules of commit 2a3c676, where the
 * bugs were found), so that editing a bundled rule never touches this test.
 */
class ExecutableModelBugsTest {
  @TempDir
  static Path rulesDirectory;

  private static GateEvaluator rules;
  private static DroolsBuild exec;

  @BeforeAll
  static void load() {
    rules = FrozenRules.evaluatorIn(rulesDirectory);
    exec = DroolsBuild.build(FrozenRules.drlFiles(), DroolsBuild.Kind.EXECUTABLE_MODEL);
  }

  @AfterAll
  static void close() {
    if (exec != null) {
      exec.close();
    }
    if (rules != null) {
      rules.close();
    }
  }

  /**
   * purgatory.drl's KILL rule ends with {@code accumulate(...; $met : count(); $criteria == 0 || $met < $criteria)}.
   * The executable model does not fire it when some but not all criteria are met (1 of 2
   * here): the KILL of a pilot in purgatory is lost (here nothing else decides, so the
   * evaluation fails; with any holding finding the pilot would silently stay on HOLD). No
   * compile error, no warning.
   */
  @Test
  void purgatoryKill_isLostWhenSomeButNotAllCriteriaAreMet() {
    LocalDate asOf = LocalDate.of(2026, 6, 1);
    Pilot pilot = Pilot.builder("purgatory", Stage.DEFINE_CRITERIA)
        .plannedEndOn(LocalDate.of(2025, 8, 5))
        .successCriterion(new SuccessCriterion("a", MetricKind.BUSINESS, 0.1, 0.5, Direction.HIGHER_IS_BETTER,
            LocalDate.of(2026, 9, 1), null))
        .successCriterion(new SuccessCriterion("b", MetricKind.BUSINESS, 0.1, 0.5, Direction.HIGHER_IS_BETTER,
            LocalDate.of(2026, 9, 1), null))
        .observation(new Observation("a", asOf.minusDays(2), 0.6))
        .observation(new Observation("a", asOf.minusDays(1), 0.6))
        .observation(new Observation("a", asOf, 0.6))
        .build();
    RawDroolsGate execGate = new RawDroolsGate(exec, rules, RawDroolsGate.SessionKind.NEW);

    GateDecision decided = rules.evaluate(pilot, asOf);

    assertThat(decided.outcome()).isEqualTo(GateOutcome.KILL);
    assertThat(purgatoryKillBugApplies(decided)).isTrue();
    // in purgatory the gate rules are silent, so without the KILL nothing decides at all
    assertThatThrownBy(() -> execGate.evaluate(pilot, asOf)).as("Drools fixed the bug?")
        .hasMessageContaining("no outcome");
  }

  /**
   * budget.drl's condition was written {@code implementationBudget < softwareMonthlyCost * 12 * $p.get(...)}
   * with {@code $p : Policy()} a pattern; the executable model generates a lambda over {@code $p}
   * alone that still reads {@code _this}, and fails to compile ("_this cannot be resolved"). The
   * frozen rule binds the cost first ({@code $cost : softwareMonthlyCost}), which both builds
   * accept, and now reads the policy through the global; the test puts the pattern back.
   */
  @Test
  void fieldTimesOtherPatternsVariable_doesNotCompile() {
    List<RuleText> unbound = new ArrayList<>();
    for (RuleText f : FrozenRules.drlFiles()) {
      String text = f.text();
      if (f.name().equals("budget.drl")) {
        // the policy as another pattern's variable (the frozen rule reads the global) and the cost unbound
        text = text.replace("$cost : softwareMonthlyCost,", "")
            .replace("when\n", "when\n    $p : Policy()\n")
            .replace("implementationBudget < $cost * 12 * policy.get(", "implementationBudget < softwareMonthlyCost * 12 * $p.get(");
        assertThat(text).contains("$p : Policy()").contains("implementationBudget < softwareMonthlyCost * 12 * $p.get(");
      }
      unbound.add(f.withText(text));
    }

    DroolsBuild.build(unbound, DroolsBuild.Kind.MVEL).close();
    assertThatThrownBy(() -> DroolsBuild.build(unbound, DroolsBuild.Kind.EXECUTABLE_MODEL))
        .hasMessageContaining("_this cannot be resolved");
  }

  /** Whether the frozen rules' decision is one the executable model gets wrong: a purgatory KILL with 0 < met < criteria. */
  static boolean purgatoryKillBugApplies(GateDecision rules) {
    for (Finding f : rules.findings()) {
      if (f.code().equals("PURGATORY") && f.outcome() == GateOutcome.KILL) {
        long met = ((Number) f.evidence().get("criteriaMet")).longValue();
        long criteria = ((Number) f.evidence().get("criteria")).longValue();
        return met > 0 && met < criteria;
      }
    }
    return false;
  }
}
