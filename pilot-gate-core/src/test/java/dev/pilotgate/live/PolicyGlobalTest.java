package dev.pilotgate.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.ruleset.RuleSetException;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules read the policy through the global {@code policy}, or match it as a fact; both work, alone or together. */
class PolicyGlobalTest {
  @TempDir
  Path dir;

  private static final Pilot PILOT = Pilot.builder("p", Stage.DEFINE_CRITERIA).build();
  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);

  private Path rules(String drl) throws IOException {
    TinyRules.write(dir, true);
    Files.writeString(dir.resolve("tiny.drl"), drl);
    return dir;
  }

  @Test
  void policyGlobal_declared_isTheRuleSetsPolicy() throws IOException {
    String drl = TinyRules.DRL
        .replace("import java.util.Map;\n", "import java.util.Map;\n\nglobal Policy policy;\n")
        .replace("    $p : Policy()\n", "")
        .replace("$p.getInt(\"tiny.go\")", "policy.getInt(\"tiny.go\")");
    assertThat(drl).contains("global Policy policy;").doesNotContain("$p");

    try (GateEvaluator evaluator = GateEvaluator.fromDirectory(rules(drl))) {
      assertThat(evaluator.evaluate(PILOT, AS_OF).outcome()).isEqualTo(GateOutcome.GO);
    }
  }

  @Test
  void policyFact_withoutTheGlobal_stillMatches() throws IOException {
    try (GateEvaluator evaluator = GateEvaluator.fromDirectory(rules(TinyRules.DRL))) {
      assertThat(evaluator.evaluate(PILOT, AS_OF).outcome()).isEqualTo(GateOutcome.GO);
    }
  }

  @Test
  void policyGlobal_ofAnotherType_isRefusedNamingTheTypeNeeded() throws IOException {
    String drl = TinyRules.DRL.replace("import java.util.Map;\n", "import java.util.Map;\n\nglobal java.util.Map policy;\n");

    assertThatThrownBy(() -> GateEvaluator.fromDirectory(rules(drl)))
        .isInstanceOf(RuleSetException.class)
        .hasMessageContaining("global 'policy' is the policy and must be declared 'global dev.pilotgate.policy.Policy policy',"
            + " not of type java.util.Map");
  }
}
