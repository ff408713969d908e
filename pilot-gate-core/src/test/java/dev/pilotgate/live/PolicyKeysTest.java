package dev.pilotgate.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.Stage;
import dev.pilotgate.ruleset.RuleProblem;
import dev.pilotgate.ruleset.RuleSetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy keys a rule set needs are the ones its rules read, checked when the rules load. */
class PolicyKeysTest {
  private static final String ONE_RULE = """
      package acme.gates;

      import dev.pilotgate.decision.Finding;
      import dev.pilotgate.decision.Readiness;
      import dev.pilotgate.decision.ReadinessLevel;
      import dev.pilotgate.decision.RootCause;
      import dev.pilotgate.decision.Severity;
      import dev.pilotgate.model.GateOutcome;
      import dev.pilotgate.model.Pilot;
      import dev.pilotgate.policy.Policy;
      import java.util.List;
      import java.util.Map;

      global Policy policy;

      rule "BUDGET_CAP"
      when
          $p : Pilot( softwareMonthlyCost != null, softwareMonthlyCost > policy.get("acme.monthlyCost.max") )
      then
          insert(new Finding("BUDGET_CAP", RootCause.GOVERNANCE, Severity.BLOCKER, GateOutcome.HOLD,
              "over the cap", Map.of("cost", $p.softwareMonthlyCost()), null, drools.getRule().getName()));
          insert(new Readiness(ReadinessLevel.HIGH, 1, 2, List.of()));
      end
      """;

  @Test
  void oneRuleWithAOneKeyPolicy_loadsAndDecides(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("budget.drl"), ONE_RULE);
    Files.writeString(dir.resolve("policy.properties"), "# Highest monthly software cost we accept.\nacme.monthlyCost.max=1000\n");

    try (GateEvaluator evaluator = GateEvaluator.fromDirectory(dir)) {
      Pilot pilot = Pilot.builder("p1", Stage.DEFINE_CRITERIA).softwareMonthlyCost(2000.0).build();
      GateDecision decision = evaluator.evaluate(pilot, LocalDate.of(2026, 6, 1));

      assertThat(decision.outcome()).isEqualTo(GateOutcome.HOLD);
      assertThat(decision.findings()).extracting(f -> f.code()).containsExactly("BUDGET_CAP");
      assertThat(evaluator.warnings()).isEmpty();
      // keys the analysis reads come from documented defaults
      assertThat(evaluator.policy().getInt("adoption.windowDays")).isEqualTo(14);
    }
  }

  @Test
  void mistypedKeyInARule_isRefusedNamingFileLineAndTheNearestKey(@TempDir Path dir) throws IOException {
    RuleDirs.copyBundled(dir);
    Path data = dir.resolve("data.drl");
    String drl = Files.readString(data);
    String typo = drl.replaceFirst("policy\\.get\\(\"data\\.duplicateRate\\.max\"\\)", "policy.get(\"data.duplicateRate.mx\")");
    assertThat(typo).isNotEqualTo(drl);
    Files.writeString(data, typo);
    int line = lineOf(typo, "data.duplicateRate.mx");

    assertThatThrownBy(() -> GateEvaluator.fromDirectory(dir))
        .isInstanceOf(RuleSetException.class)
        .satisfies(e -> assertThat(((RuleSetException) e).problems()).extracting(RuleProblem::toString)
            .containsExactly(dir.resolve("data.drl") + ":" + line + ": reads policy key 'data.duplicateRate.mx', which "
                + dir.resolve("policy.properties") + " does not define (did you mean 'data.duplicateRate.max'?): add it"
                + " to the policy (with a comment saying what it means) or correct the key"));
  }

  @Test
  void keyNoRuleReads_isAWarningNotAnError(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("budget.drl"), ONE_RULE);
    Files.writeString(dir.resolve("policy.properties"), "acme.monthlyCost.max=1000\nacme.monthlyCost.maks=900\n");

    try (GateEvaluator evaluator = GateEvaluator.fromDirectory(dir)) {
      assertThat(evaluator.warnings()).extracting(RuleProblem::toString).containsExactly(dir.resolve("policy.properties")
          + ":2: key acme.monthlyCost.maks is read by no rule (did you mean 'acme.monthlyCost.max'?); remove it,"
          + " or correct the key or the rule that should read it");
    }
  }

  @Test
  void keyThatIsNotALiteral_isRefused(@TempDir Path dir) throws IOException {
    String computed = ONE_RULE.replace("policy.get(\"acme.monthlyCost.max\")", "policy.get(\"acme.\" + \"monthlyCost.max\")");
    Files.writeString(dir.resolve("budget.drl"), computed);
    Files.writeString(dir.resolve("policy.properties"), "acme.monthlyCost.max=1000\n");

    assertThatThrownBy(() -> GateEvaluator.fromDirectory(dir))
        .isInstanceOf(RuleSetException.class)
        .hasMessageContaining("budget.drl:" + lineOf(computed, "\"acme.\" +")
            + ": reads the policy with a key that is not a string literal (policy.get(\"acme.\" + \"monthlyCost.max\"))");
  }

  @Test
  void bundledRules_readEveryKeyOfTheirPolicy() {
    try (GateEvaluator evaluator = GateEvaluator.create()) {
      assertThat(evaluator.warnings()).isEmpty();
    }
  }

  private static int lineOf(String text, String needle) {
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(needle)) {
        return i + 1;
      }
    }
    throw new AssertionError(needle);
  }
}
