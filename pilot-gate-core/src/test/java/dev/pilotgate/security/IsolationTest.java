package dev.pilotgate.security;

import static dev.pilotgate.security.RuleSafetyTest.copyBundled;
import static dev.pilotgate.security.RuleSafetyTest.pilot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.internal.engine.Isolation;
import dev.pilotgate.model.DataSource;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.Stage;
import dev.pilotgate.ruleset.GateEvaluationException;
import dev.pilotgate.ruleset.RuleSetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hard stop ({@link GateEvaluator.Builder#isolatedEvaluation}): a condition whose every comparison
 * costs time in proportion to a long text makes one engine step far longer than the time limit, and the
 * halt between steps cannot reach it. Isolated (the default for a rules directory), the caller is
 * answered anyway and the evaluator goes on deciding while the abandoned step runs out.
 */
class IsolationTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);
  /** How long the abandoned steps are waited for after each test, so they do not load the next one. */
  private static final Duration DRAIN = Duration.ofMinutes(3);

  /**
   * One pattern over the devices and a "not" comparing each with every other (a join the checker
   * allows), where one comparison builds two texts and searches one in the other: at 600 devices whose
   * 300-character names differ only at the end, 360,000 comparisons of about 10 µs, seconds in one step.
   */
  private static final String COSTLY = """
      package dev.pilotgate.rules;
      import dev.pilotgate.facts.DeviceReading;
      rule "COSTLY_COMPARISON"
      when
          $d : DeviceReading( $name : device )
          not DeviceReading( device != $name, ($name + $name).contains(device + "!") )
      then
      end
      """;

  private static Path rules(Path dir) throws IOException {
    copyBundled(dir);
    Path policy = dir.resolve("policy.properties");
    Files.writeString(policy, Files.readString(policy)
        .replace("engine.maxEvaluationMillis=1000", "engine.maxEvaluationMillis=100"));
    Files.writeString(dir.resolve("costly.drl"), COSTLY);
    return dir;
  }

  /** A pilot at the data audit with one source of {@code devices} devices with long names. */
  private static Pilot withLongDeviceNames(String id, int devices) {
    Map<String, Double> offsets = new LinkedHashMap<>();
    for (int i = 0; i < devices; i++) {
      offsets.put(String.format("%0300d", i), 0.001);
    }
    return Pilot.builder(id, Stage.DATA_AUDIT)
        .launchedOn(LocalDate.of(2026, 1, 5))
        .dataSource(new DataSource("line-sensors", LocalDate.of(2026, 5, 1), 0.01, 0, 0.01, false, true, offsets))
        .build();
  }

  @AfterEach
  void drain() throws InterruptedException {
    long deadline = System.nanoTime() + DRAIN.toNanos();
    while (Isolation.abandoned() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20); // waiting for the abandoned steps to end, with a bound
    }
    assertThat(Isolation.abandoned()).as("abandoned evaluations still running after %s", DRAIN).isZero();
  }

  @Test
  void aStepLongerThanTheLimit_isAbandoned_theCallerIsAnswered_andTheEvaluatorGoesOn(@TempDir Path dir)
      throws IOException {
    try (GateEvaluator evaluator = GateEvaluator.fromDirectory(rules(dir))) {
      assertThatThrownBy(() -> evaluator.evaluate(withLongDeviceNames("costly", 600), AS_OF))
          .isInstanceOfSatisfying(GateEvaluationException.class, e -> {
            assertThat(e.pilotId()).isEqualTo("costly");
            assertThat(e.getMessage()).contains("the rules did not finish within engine.maxEvaluationMillis (100 ms)"
                + " and did not stop within as long again, so the evaluation was abandoned");
            assertThat(e.getMessage()).endsWith("a rule's conditions are too costly for this pilot (a method over a"
                + " long list or text, compared for every pair of facts); its thread runs on until that step ends");
          });
      assertThat(Isolation.abandoned()).isBetween(0, 1);
      // the abandoned step may still be running: other pilots are decided meanwhile
      assertThat(evaluator.evaluate(pilot("fine"), AS_OF).outcome()).isEqualTo(GateOutcome.GO);
      assertThat(evaluator.evaluate(withLongDeviceNames("few", 3), AS_OF).outcome()).isNotNull();
    }
  }

  @Test
  void whileAsManyAbandonedStepsRunAsAllowed_evaluationsFailAtOnce(@TempDir Path dir) throws IOException {
    try (GateEvaluator evaluator = GateEvaluator.fromDirectory(rules(dir))) {
      List<Throwable> failures = new CopyOnWriteArrayList<>();
      CompletableFuture<?>[] costly = new CompletableFuture<?>[Isolation.MAX_ABANDONED];
      for (int i = 0; i < costly.length; i++) {
        Pilot p = withLongDeviceNames("costly-" + i, 600);
        costly[i] = CompletableFuture.runAsync(() -> {
          try {
            evaluator.evaluate(p, AS_OF);
          } catch (GateEvaluationException e) {
            failures.add(e);
          }
        });
      }
      CompletableFuture.allOf(costly).join();
      assertThat(failures).hasSize(Isolation.MAX_ABANDONED)
          .allSatisfy(e -> assertThat(e).hasMessageContaining("so the evaluation was abandoned"));
      // each abandoned step runs for seconds more; a step that already ended frees its place
      int running = Isolation.abandoned();
      if (running == Isolation.MAX_ABANDONED) {
        assertThatThrownBy(() -> evaluator.evaluate(pilot("refused"), AS_OF))
            .isInstanceOf(GateEvaluationException.class)
            .hasMessageContaining(" earlier evaluations that did not stop at engine.maxEvaluationMillis are still"
                + " running (at most " + Isolation.MAX_ABANDONED + " may); refusing more until one ends");
      }
    }
  }

  @Test
  void aScenarioMeetingACostlyCondition_failsTheLoad_insteadOfHoldingIt(@TempDir Path dir) throws IOException {
    // the directory's scenarios run while the rules load (and at every watched reload): isolated too
    rules(dir);
    Files.createDirectories(dir.resolve("scenarios"));
    StringBuilder offsets = new StringBuilder();
    for (int i = 0; i < 600; i++) {
      offsets.append(i == 0 ? "" : ", ").append('"').append(String.format("%0300d", i)).append("\": 0.001");
    }
    Files.writeString(dir.resolve("scenarios/costly.yaml"), """
        name: many devices with long names
        asOf: 2026-06-01
        pilot:
          id: costly-scenario
          stage: DATA_AUDIT
          launchedOn: 2026-01-05
          owner: { name: Priya Nair, role: AP Manager, kind: INDIVIDUAL, accountable: true, involvedSince: 2026-01-01 }
          dataSources:
            - { name: line-sensors, auditedOn: 2026-05-01, duplicateRate: 0.01, missingHistoryMonths: 0,
                inconsistentFormatRate: 0.01, governanceDocumented: true, deviceOffsets: { %s } }
        expect:
          outcome: GO
        """.formatted(offsets));
    assertThatThrownBy(() -> GateEvaluator.fromDirectory(dir))
        .isInstanceOfSatisfying(RuleSetException.class, e -> assertThat(e.problems())
            .singleElement()
            .satisfies(p -> {
              assertThat(p.file()).endsWith("costly.yaml");
              assertThat(p.line()).isEqualTo(1);
              // halted, or abandoned when the step outlasts the grace too: either way the load ends
              assertThat(p.message()).startsWith("scenario 'many devices with long names' fails: pilot"
                  + " 'costly-scenario'").contains("the rules did not finish within engine.maxEvaluationMillis (100 ms)");
            }));
  }

  @Test
  void theBundledRules_areNotIsolatedByDefault_butCanBe() {
    // the bundled rules' own conditions are bounded; isolation is the host's choice there
    try (GateEvaluator isolated = GateEvaluator.builder().isolatedEvaluation(true).build()) {
      assertThat(isolated.evaluate(pilot("fine"), AS_OF).outcome()).isEqualTo(GateOutcome.GO);
      assertThat(isolated.evaluateAll(List.of(pilot("a"), pilot("b")), AS_OF)).hasSize(2);
      assertThat(isolated.explain(pilot("c"), AS_OF).firedRules()).isNotEmpty();
    }
    assertThatThrownBy(() -> GateEvaluator.builder().isolatedEvaluation(true).isolatedEvaluation(false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("isolatedEvaluation is set twice (first to true, then to false); set each option once");
  }
}
