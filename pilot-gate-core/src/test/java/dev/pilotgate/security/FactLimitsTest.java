package dev.pilotgate.security;

import static dev.pilotgate.security.RuleSafetyTest.copyBundled;
import static dev.pilotgate.security.RuleSafetyTest.pilot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.model.DataSource;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.Stage;
import dev.pilotgate.ruleset.GateEvaluationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bound on the work of one engine step, which the time limit cannot interrupt: the checker lets a
 * rule join at most one pattern over facts there can be many of (HostileRulesTest's join-* files),
 * and the engine bounds how many facts there are ({@code engine.maxFacts}) and keeps the one-per-
 * evaluation facts single. These are the engine's half, on real rule files and real sessions.
 */
class FactLimitsTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);

  private static Path rules(Path dir, String maxFacts, String drl) throws IOException {
    copyBundled(dir);
    Path policy = dir.resolve("policy.properties");
    Files.writeString(policy, Files.readString(policy).replace("engine.maxFacts=2000", "engine.maxFacts=" + maxFacts));
    if (drl != null) {
      Files.writeString(dir.resolve("extra.drl"), drl);
    }
    return dir;
  }

  /** A pilot at the data audit with one source of {@code devices} devices: one fact per device. */
  private static Pilot withDevices(String id, int devices) {
    Map<String, Double> offsets = new LinkedHashMap<>();
    for (int i = 0; i < devices; i++) {
      offsets.put("sensor-" + i, i % 1000 == 7 ? 0.4 : 0.001 * (i % 10)); // few beyond the limit
    }
    return Pilot.builder(id, Stage.DATA_AUDIT)
        .launchedOn(LocalDate.of(2026, 1, 5))
        .dataSource(new DataSource("line-sensors", LocalDate.of(2026, 5, 1), 0.01, 0, 0.01, false, true, offsets))
        .build();
  }

  @Test
  void rulesInsertingWithoutEnd_stopAtMaxFacts_namingTheRule_andTheEvaluatorStaysUsable(@TempDir Path dir)
      throws IOException {
    // no firing limit and no time limit in reach: only engine.maxFacts stops this
    Path rules = rules(dir, "300", """
        package dev.pilotgate.rules;
        import dev.pilotgate.model.Pilot;
        declare Seed
            n : long
        end
        rule "START"
        when
            Pilot( id == "grows" )
        then
            insert(new Seed(0));
        end
        rule "MULTIPLY"
        when
            Seed( $n : n )
        then
            insert(new Seed($n + 1));
            insert(new Seed($n + 2));
        end
        """);
    try (GateEvaluator evaluator = GateEvaluator.fromDirectory(rules)) {
      assertThatThrownBy(() -> evaluator.evaluate(pilot("grows"), AS_OF))
          .isInstanceOfSatisfying(GateEvaluationException.class, e -> {
            assertThat(e.rule()).isEqualTo("MULTIPLY");
            assertThat(e.getMessage()).containsPattern("rule 'MULTIPLY' inserted more facts than engine.maxFacts \\(300\\)"
                + " allows in one evaluation \\(the engine gave \\d+, the rules added \\d+\\); rules may be inserting facts"
                + " without end, or else raise engine.maxFacts in the policy");
          });
      assertThat(evaluator.evaluate(pilot("p2"), AS_OF).outcome()).isNotNull();
    }
  }

  @Test
  void aRuleInsertingAFactTheEngineGivesOnce_fails_soThatJoinsOverItStaySmall(@TempDir Path dir) throws IOException {
    // GateContext is one per evaluation: the checker lets rules join it freely, so a rule may not add more
    Path rules = rules(dir, "2000", """
        package dev.pilotgate.rules;
        import dev.pilotgate.facts.GateContext;
        rule "CLONE_THE_CONTEXT"
        when
            $g : GateContext( stage == Stage.DEFINE_CRITERIA )
        then
            insert(new GateContext($g.pilot(), $g.stage(), $g.asOf(), $g.designStartedOn(), $g.gateDueOn(),
                $g.gateDue(), $g.purgatory(), $g.purgatorySince(), $g.diagnoseOnRecord(), $g.lastDecisionOn(),
                $g.lastGoOn(), $g.killedOn()));
        end
        """);
    try (GateEvaluator evaluator = GateEvaluator.fromDirectory(rules)) {
      assertThatThrownBy(() -> evaluator.evaluate(pilot("p1"), AS_OF))
          .isInstanceOfSatisfying(GateEvaluationException.class, e -> {
            assertThat(e.rule()).isEqualTo("CLONE_THE_CONTEXT");
            assertThat(e.getMessage()).contains("rule 'CLONE_THE_CONTEXT' inserted a GateContext, of which an"
                + " evaluation has one, given by the engine: a rule inserts findings, readiness and its own declared types");
          });
    }
  }

  @Test
  void aPilotWithMoreFactsThanTheLimit_failsNamingTheKindsAndTheKey(@TempDir Path dir) throws IOException {
    try (GateEvaluator evaluator = GateEvaluator.fromDirectory(rules(dir, "100", null))) {
      assertThatThrownBy(() -> evaluator.evaluate(withDevices("sensors", 150), AS_OF))
          .isInstanceOfSatisfying(GateEvaluationException.class, e -> assertThat(e.getMessage())
              .contains("the pilot gives 155 facts to the rules (150 DeviceReading, 1 DataSource, 1 GateContext, ...),"
                  + " more than engine.maxFacts (100) allows; split the pilot's data, or raise engine.maxFacts in the"
                  + " policy"));
      // one under the limit decides
      GateDecision decision = evaluator.evaluate(withDevices("sensors", 90), AS_OF);
      assertThat(decision.outcome()).isNotNull();
    }
  }

  @Test
  void theLargestJoinTheCheckerAllows_overTheMostFacts_endsOrIsStopped(@TempDir Path dir) throws IOException {
    // one pattern over many facts, and a "not" comparing each with every other: maxFacts^2 comparisons in
    // one step, the most the checker lets a rule ask for; it finishes (or the time limit stops it after)
    Path rules = rules(dir, "2000", """
        package dev.pilotgate.rules;
        import dev.pilotgate.facts.DeviceReading;
        rule "LARGEST_OFFSET"
        when
            $d : DeviceReading( $m : magnitude )
            not DeviceReading( magnitude > $m )
        then
            findings.add("DATA_SENSOR_BIAS", "source", $d.source(), "device", $d.device(), "offset", $d.offset(),
                "magnitude", $d.magnitude(), "reads", "high", "max", policy.get("data.sensorOffset.max"));
        end
        """);
    try (GateEvaluator evaluator = GateEvaluator.fromDirectory(rules)) {
      try {
        GateDecision decision = evaluator.evaluate(withDevices("wide", 1_900), AS_OF);
        assertThat(decision.findings()).anySatisfy(f -> assertThat(f.rule()).isEqualTo("LARGEST_OFFSET"));
      } catch (GateEvaluationException e) {
        assertThat(e.getMessage()).contains("did not finish within engine.maxEvaluationMillis");
      }
    }
  }
}
