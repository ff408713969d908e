package dev.pilotgate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.internal.engine.RuleFile;
import dev.pilotgate.internal.engine.RuleSource;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.Stage;
import dev.pilotgate.ruleset.GateEvaluationException;
import dev.pilotgate.scenario.Scenario;
import dev.pilotgate.scenario.ScenarioReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link GateEvaluator#evaluateAll}: a portfolio decided on all cores, as one pilot at a time would be. */
class EvaluateAllTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);
  private static final GateEvaluator BUNDLED = GateEvaluator.create();

  /** Every pilot of the bundled scenarios, each renamed so the batch holds distinct ids; ~130 pilots of every kind. */
  private static List<Pilot> scenarioPilots() {
    List<Pilot> pilots = new ArrayList<>();
    for (RuleFile f : RuleSource.bundled(EvaluateAllTest.class.getClassLoader()).scenarioFiles()) {
      for (Scenario s : ScenarioReader.create().read(f.text(), f.display(), null)) {
        pilots.add(s.pilot().toBuilder().id("p" + pilots.size()).build());
      }
    }
    return pilots;
  }

  @Test
  void decisions_comeInInputOrder_andEqualOneAtATime() {
    List<Pilot> pilots = new ArrayList<>();
    for (int round = 0; round < 4; round++) {
      pilots.addAll(scenarioPilots()); // the same pilots several times: sessions are reused in between
    }
    List<GateDecision> batch = BUNDLED.evaluateAll(pilots, AS_OF);

    assertThat(batch).hasSameSizeAs(pilots);
    for (int i = 0; i < pilots.size(); i++) {
      assertThat(batch.get(i)).as("pilot %d", i).isEqualTo(BUNDLED.evaluate(pilots.get(i), AS_OF));
    }
    assertThat(new LinkedHashSet<>(batch.stream().map(GateDecision::outcome).toList()))
        .as("a mix of outcomes").contains(GateOutcome.GO, GateOutcome.HOLD, GateOutcome.DIAGNOSE, GateOutcome.KILL);
  }

  @Test
  void emptyAndSinglePortfolios() {
    assertThat(BUNDLED.evaluateAll(List.of(), AS_OF)).isEmpty();
    Pilot one = GateEvaluatorTest.criteriaPilot();
    assertThat(BUNDLED.evaluateAll(List.of(one), AS_OF)).containsExactly(BUNDLED.evaluate(one, AS_OF));
  }

  @Test
  void result_isUnmodifiable() {
    List<GateDecision> batch = BUNDLED.evaluateAll(List.of(GateEvaluatorTest.criteriaPilot()), AS_OF);
    assertThatThrownBy(() -> batch.set(0, null)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void nullPilot_isNamedByItsIndex() {
    List<Pilot> pilots = Arrays.asList(GateEvaluatorTest.criteriaPilot(), null);
    assertThatThrownBy(() -> BUNDLED.evaluateAll(pilots, AS_OF))
        .isInstanceOf(NullPointerException.class).hasMessage("pilots[1]");
    assertThatThrownBy(() -> BUNDLED.evaluateAll(null, AS_OF)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> BUNDLED.evaluateAll(List.of(), null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void runsOnTheCallersForkJoinPool() throws Exception {
    ForkJoinPool pool = new ForkJoinPool(3);
    try {
      List<Pilot> pilots = scenarioPilots();
      List<GateDecision> batch = pool.submit(() -> BUNDLED.evaluateAll(pilots, AS_OF)).get();
      assertThat(batch).isEqualTo(BUNDLED.evaluateAll(pilots, AS_OF));
    } finally {
      pool.shutdown();
    }
  }

  /** Without outcome.drl a pilot with nothing in the way gets no outcome: the rules fail on it, not on the others. */
  @Test
  void failingPilots_theFirstInInputOrderIsThrown_afterAllWereTried(@TempDir Path dir) throws IOException {
    GateEvaluatorTest.copyBundledRules(dir);
    Files.delete(dir.resolve("outcome.drl"));
    try (GateEvaluator evaluator = GateEvaluator.fromDirectory(dir)) {
      Pilot clean = GateEvaluatorTest.criteriaPilot(); // stage 1, nothing in the way: only CRITERIA_DEFINED would decide
      Pilot held = Pilot.builder("held", Stage.DEFINE_CRITERIA).build(); // no criteria: a HOLD
      List<Pilot> pilots = List.of(held, clean.toBuilder().id("first").build(), held,
          clean.toBuilder().id("second").build());

      assertThat(evaluator.evaluate(held, AS_OF).outcome()).isEqualTo(GateOutcome.HOLD);
      assertThatThrownBy(() -> evaluator.evaluateAll(pilots, AS_OF))
          .isInstanceOfSatisfying(GateEvaluationException.class, e -> {
            assertThat(e.pilotId()).isEqualTo("first");
            assertThat(e.getSuppressed()).hasSize(1);
            assertThat(((GateEvaluationException) e.getSuppressed()[0]).pilotId()).isEqualTo("second");
          });
      assertThat(evaluator.evaluate(held, AS_OF).outcome()).as("still usable").isEqualTo(GateOutcome.HOLD);
    }
  }

  @Test
  void aBatch_isDecidedOnOneVersion() {
    List<GateDecision> batch = BUNDLED.evaluateAll(scenarioPilots(), AS_OF);
    assertThat(batch).extracting(GateDecision::rulesVersion).containsOnly(BUNDLED.rulesVersion());
  }
}
