package dev.pilotgate.rules;

import static dev.pilotgate.rules.Pilots.AS_OF;
import static dev.pilotgate.rules.Pilots.clean;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.decision.Finding;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.decision.ReadinessLevel;
import dev.pilotgate.decision.Severity;
import dev.pilotgate.internal.engine.RuleFile;
import dev.pilotgate.internal.engine.RuleSource;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decision's outcome is the highest-precedence outcome any finding calls for
 * ({@code KILL > DIAGNOSE > HOLD > GO}).
 *
 * <p>The bundled rules only call for HOLD and GO today, so DIAGNOSE and KILL are checked on
 * a second evaluator: the bundled rule files and policy copied unchanged into a temporary
 * directory, plus one probe file whose rules add a DIAGNOSE or KILL finding when the pilot's
 * name asks for it. Real Drools either way.
 */
class DecisionPrecedenceTest {
  private static final GateEvaluator EVALUATOR = GateEvaluator.create();

  private static final String PROBE_DRL = """
      package dev.pilotgate.rules.probe;

      import dev.pilotgate.decision.Finding;
      import dev.pilotgate.decision.RootCause;
      import dev.pilotgate.decision.Severity;
      import dev.pilotgate.model.GateOutcome;
      import dev.pilotgate.model.Pilot;
      import java.util.Map;

      rule "PROBE_DIAGNOSE"
      when
          Pilot( name.contains("[diagnose]") )
      then
          insert(new Finding("PROBE_DIAGNOSE", RootCause.ADOPTION, Severity.BLOCKER, GateOutcome.DIAGNOSE,
              "probe", Map.of(), null, drools.getRule().getName()));
      end

      rule "PROBE_KILL"
      when
          Pilot( name.contains("[kill]") )
      then
          insert(new Finding("PROBE_KILL", RootCause.GOVERNANCE, Severity.BLOCKER, GateOutcome.KILL,
              "probe", Map.of(), null, drools.getRule().getName()));
      end
      """;

  @TempDir
  static Path probeRules;
  private static GateEvaluator probeEvaluator;

  @BeforeAll
  static void buildProbeEvaluator() throws IOException {
    RuleSource bundled = RuleSource.bundled(DecisionPrecedenceTest.class.getClassLoader());
    for (RuleFile f : bundled.drlFiles()) {
      Files.write(probeRules.resolve(f.name()), f.content());
    }
    Files.write(probeRules.resolve(RuleSource.POLICY_FILE), bundled.policyFile().content());
    Files.writeString(probeRules.resolve("zz-probe.drl"), PROBE_DRL);
    probeEvaluator = GateEvaluator.fromDirectory(probeRules);
  }

  private static GateOutcome maxOverFindings(GateDecision d) {
    return d.findings().stream().map(Finding::outcome).filter(Objects::nonNull)
        .reduce(null, (acc, o) -> o.max(acc), (a, b) -> a == null ? b : a.max(b));
  }

  static Stream<Pilots.PilotSpec> bundledScenarios() {
    return Stream.of(
        clean(Stage.DEFINE_CRITERIA),
        clean(Stage.DEFINE_CRITERIA).noOwner().noSources(),
        clean(Stage.DEFINE_CRITERIA).noCriteria(),
        clean(Stage.ACTIVATE_OWNER),
        clean(Stage.ACTIVATE_OWNER).noOwner().noSources(),
        clean(Stage.DATA_AUDIT),
        clean(Stage.DATA_AUDIT).source(Pilots.source().curatedForDemo(true)),
        clean(Stage.DATA_AUDIT).noCriteria().noOwner().noSources(),
        clean(Stage.PRODUCTION).noSources());
  }

  // --- over the bundled rules ---

  @ParameterizedTest
  @MethodSource("bundledScenarios")
  void precedence_bundledRules_outcomeIsMaxOverFindings(Pilots.PilotSpec pilot) {
    GateDecision d = EVALUATOR.evaluate(pilot.build(), AS_OF);

    assertThat(d.outcome()).isEqualTo(maxOverFindings(d));
  }

  @Test
  void precedence_blockerBesideWarnings_holdBeatsGo() {
    GateDecision d = EVALUATOR.evaluate(clean(Stage.ACTIVATE_OWNER).noOwner().noSources().build(), AS_OF);

    assertThat(d.findings()).extracting(Finding::severity).contains(Severity.BLOCKER, Severity.WARNING);
    assertThat(d.outcome()).isEqualTo(GateOutcome.HOLD);
    assertThat(d.nextStage()).isNull();
  }

  @Test
  void precedence_warningsOnly_areNotAnOutcome() {
    GateDecision d = EVALUATOR.evaluate(clean(Stage.DEFINE_CRITERIA).noOwner().noSources().build(), AS_OF);

    assertThat(d.findings()).filteredOn(f -> f.severity() == Severity.WARNING)
        .isNotEmpty().allSatisfy(f -> assertThat(f.outcome()).isNull());
    assertThat(d.outcome()).isEqualTo(GateOutcome.GO);
  }

  // --- DIAGNOSE and KILL, through the probe rules ---

  @Test
  void precedence_probeRulesWithoutTrigger_sameAsBundled() {
    GateDecision probed = probeEvaluator.evaluate(clean(Stage.DATA_AUDIT).build(), AS_OF);
    GateDecision bundled = EVALUATOR.evaluate(clean(Stage.DATA_AUDIT).build(), AS_OF);

    assertThat(probed.outcome()).isEqualTo(bundled.outcome()).isEqualTo(GateOutcome.GO);
    assertThat(probed.findings()).isEqualTo(bundled.findings());
  }

  @Test
  void precedence_diagnoseOnCleanPilot_diagnoseBeatsGo() {
    GateDecision d = probeEvaluator.evaluate(clean(Stage.DATA_AUDIT).name("pilot [diagnose]").build(), AS_OF);

    assertThat(d.outcome()).isEqualTo(GateOutcome.DIAGNOSE);
    assertThat(d.nextStage()).isNull();
    // a blocker of any area stops the stage gate
    assertThat(d.hasFinding("DATA_READY")).isFalse();
  }

  @Test
  void precedence_diagnoseBesideHold_diagnoseWins() {
    GateDecision d = probeEvaluator.evaluate(
        clean(Stage.DATA_AUDIT).name("pilot [diagnose]").noSources().build(), AS_OF);

    assertThat(d.findings()).extracting(Finding::outcome).contains(GateOutcome.HOLD, GateOutcome.DIAGNOSE);
    assertThat(d.outcome()).isEqualTo(GateOutcome.DIAGNOSE).isEqualTo(maxOverFindings(d));
  }

  @Test
  void precedence_killBesideDiagnoseAndHold_killWins() {
    GateDecision d = probeEvaluator.evaluate(
        clean(Stage.DATA_AUDIT).name("pilot [diagnose] [kill]").noSources().build(), AS_OF);

    assertThat(d.outcome()).isEqualTo(GateOutcome.KILL).isEqualTo(maxOverFindings(d));
    // beside a KILL, what would have held or diagnosed the pilot stays, as a warning that calls for nothing
    assertThat(d.findings()).extracting(Finding::outcome).containsOnly(GateOutcome.KILL, null);
    assertThat(d.findings()).filteredOn(f -> f.code().equals("DATA_NO_SOURCES") || f.code().equals("PROBE_DIAGNOSE"))
        .isNotEmpty().allSatisfy(f -> assertThat(f.severity()).isEqualTo(dev.pilotgate.decision.Severity.WARNING));
    assertThat(d.nextStage()).isNull();
    // most severe first, then by the outcome called for
    assertThat(d.findings().get(0).code()).isEqualTo("PROBE_KILL");
  }

  @Test
  void readiness_blockerOutsideReadinessAreas_doesNotCountAsGap() {
    GateDecision d = probeEvaluator.evaluate(clean(Stage.DATA_AUDIT).name("pilot [diagnose] [kill]").build(), AS_OF);

    assertThat(d.readiness().level()).isEqualTo(ReadinessLevel.HIGH);
    assertThat(d.readiness().gaps()).isEmpty();
  }
}
