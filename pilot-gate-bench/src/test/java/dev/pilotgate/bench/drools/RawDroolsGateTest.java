package dev.pilotgate.bench.drools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.bench.fixtures.BenchPilots;
import dev.pilotgate.bench.fixtures.BundledRules;
import dev.pilotgate.bench.fixtures.FrozenRules;
import dev.pilotgate.decision.GateDecision;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The raw-Drools harness runs rules that insert their findings, and says so for rules that do not. */
class RawDroolsGateTest {

  @Test
  void bundledRules_compileWithRawDrools_butTheHarnessRefusesTheirFindingsGlobal(@TempDir Path dir) {
    try (GateEvaluator frozen = FrozenRules.evaluatorIn(dir);
         DroolsBuild bundled = DroolsBuild.build(BundledRules.drlFiles(), DroolsBuild.Kind.MVEL)) {
      assertThat(RawDroolsGate.globalType(bundled.kieBase(), RawDroolsGate.FINDINGS_GLOBAL))
          .isEqualTo("dev.pilotgate.facts.Findings");
      assertThatThrownBy(() -> new RawDroolsGate(bundled, frozen, RawDroolsGate.SessionKind.NEW))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("FrozenRules.drlFiles()");
    }
  }

  @Test
  void frozenRules_decideAsTheirEvaluator_inEverySessionKind(@TempDir Path dir) {
    try (GateEvaluator frozen = FrozenRules.evaluatorIn(dir);
         DroolsBuild build = DroolsBuild.build(FrozenRules.drlFiles(), DroolsBuild.Kind.MVEL)) {
      GateDecision expected = frozen.evaluate(BenchPilots.typical(), BenchPilots.AS_OF);
      for (RawDroolsGate.SessionKind kind : RawDroolsGate.SessionKind.values()) {
        RawDroolsGate gate = new RawDroolsGate(build, frozen, kind);
        try {
          GateDecision raw = gate.evaluate(BenchPilots.typical(), BenchPilots.AS_OF);
          assertThat(raw.outcome()).as(kind.name()).isEqualTo(expected.outcome());
          assertThat(raw.findings()).as(kind.name()).containsExactlyInAnyOrderElementsOf(expected.findings());
        } finally {
          gate.close();
        }
      }
    }
  }
}
