package dev.pilotgate.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pilotgate.model.GateOutcome;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FindingTest {
  private static Finding finding(Severity severity, GateOutcome outcome) {
    return new Finding("X", RootCause.ADOPTION, severity, outcome, "m", Map.of(), null, "X");
  }

  @Test
  void blocker_withoutOutcome_callsForHold() {
    assertThat(finding(Severity.BLOCKER, null).outcome()).isEqualTo(GateOutcome.HOLD);
  }

  @Test
  void blocker_callingForGo_isRefused() {
    assertThatThrownBy(() -> finding(Severity.BLOCKER, GateOutcome.GO))
        .hasMessage("a BLOCKER finding cannot call for GO (X)");
  }

  @Test
  void warning_callingForDiagnose_isRefused() {
    assertThatThrownBy(() -> finding(Severity.WARNING, GateOutcome.DIAGNOSE))
        .hasMessage("only a BLOCKER finding can call for DIAGNOSE but X is WARNING");
  }

  @Test
  void code_mustBeUpperSnakeCase() {
    assertThatThrownBy(() -> new Finding("data dup", RootCause.DATA_READINESS, Severity.INFO, null, "m", null, null, "r"))
        .hasMessage("code must be upper snake case but was 'data dup'");
  }

  @Test
  void evidence_isCopiedAndSorted() {
    Map<String, Object> evidence = new HashMap<>(Map.of("b", 1, "a", 2));
    Finding f = new Finding("X", RootCause.OUTCOME, Severity.INFO, null, "m", evidence, null, "X");
    evidence.put("c", 3);
    assertThat(f.evidence().keySet()).containsExactly("a", "b");
  }

  @Test
  void readiness_weeksMustBeOrdered() {
    assertThatThrownBy(() -> new Readiness(ReadinessLevel.LOW, 30, 26, List.of()))
        .hasMessage("maxWeeks (26) must be at least minWeeks (30)");
    assertThat(new Readiness(ReadinessLevel.LOW, 26, 35, List.of("B", "A", "B")).gaps()).containsExactly("A", "B");
  }
}
