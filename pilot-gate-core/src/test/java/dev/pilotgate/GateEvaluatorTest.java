package dev.pilotgate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.internal.engine.RuleFile;
import dev.pilotgate.internal.engine.RuleSource;
import dev.pilotgate.model.Direction;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.MetricKind;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.Stage;
import dev.pilotgate.model.SuccessCriterion;
import dev.pilotgate.ruleset.GateEvaluationException;
import dev.pilotgate.ruleset.RuleSetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateEvaluatorTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);
  private static final GateEvaluator BUNDLED = GateEvaluator.create();

  /** Writes the bundled rule set into {@code dir}, so a test can break one file of it. */
  static Path copyBundledRules(Path dir) throws IOException {
    RuleSource bundled = RuleSource.bundled(GateEvaluatorTest.class.getClassLoader());
    for (RuleFile f : bundled.drlFiles()) {
      Files.write(dir.resolve(f.name()), f.content());
    }
    Files.write(dir.resolve(RuleSource.POLICY_FILE), bundled.policyFile().content());
    return dir;
  }

  static Pilot criteriaPilot() {
    return Pilot.builder("p1", Stage.DEFINE_CRITERIA)
        .launchedOn(LocalDate.of(2026, 1, 5))
        .successCriterion(new SuccessCriterion("hours_saved", MetricKind.BUSINESS, 10.0, 40.0,
            // a deadline a year out: a timeline that can be met, so that stage 1 passes
            Direction.HIGHER_IS_BETTER, LocalDate.of(2027, 6, 30), LocalDate.of(2025, 12, 1)))
        .build();
  }

  @Test
  void create_bundledRules_decideWithAVersion() {
    GateDecision d = BUNDLED.evaluate(criteriaPilot(), AS_OF);
    assertThat(d.outcome()).isEqualTo(GateOutcome.GO);
    assertThat(d.nextStage()).isEqualTo(Stage.ACTIVATE_OWNER);
    assertThat(d.rulesVersion()).matches("[0-9a-f]{12}").isEqualTo(BUNDLED.rulesVersion());
    assertThat(d.asOf()).isEqualTo(AS_OF);
    assertThat(BUNDLED.rulesSource()).isEqualTo("classpath:dev/pilotgate/rules");
  }

  @Test
  void fromDirectory_copyOfBundled_decidesTheSameWithTheSameVersion(@TempDir Path dir) throws IOException {
    BundledRules.copyTo(dir, true); // rules, policy, catalogue and scenarios: the version covers them all
    GateEvaluator evaluator = GateEvaluator.fromDirectory(dir);
    assertThat(evaluator.rulesVersion()).isEqualTo(BUNDLED.rulesVersion());
    assertThat(evaluator.evaluate(criteriaPilot(), AS_OF)).isEqualTo(BUNDLED.evaluate(criteriaPilot(), AS_OF));
    assertThat(evaluator.policy()).isEqualTo(BUNDLED.policy());
  }

  @Test
  void fromDirectory_changedPolicy_changesVersionAndDecision(@TempDir Path dir) throws IOException {
    copyBundledRules(dir);
    Path policy = dir.resolve("policy.properties");
    Files.writeString(policy, Files.readString(policy).replace("readiness.prep.maxWeeks=4", "readiness.prep.maxWeeks=6"));
    GateEvaluator evaluator = GateEvaluator.fromDirectory(dir);
    assertThat(evaluator.rulesVersion()).isNotEqualTo(BUNDLED.rulesVersion());
    Pilot clean = criteriaPilot();
    GateDecision before = BUNDLED.evaluate(clean, AS_OF);
    GateDecision after = evaluator.evaluate(clean, AS_OF);
    // two more weeks of prep ahead of a stage-1 pilot: two more weeks to full production
    assertThat(after.readiness().maxWeeks()).isEqualTo(before.readiness().maxWeeks() + 2);
    assertThat(after.rulesVersion()).isEqualTo(evaluator.rulesVersion());
  }

  @Test
  void evaluate_withoutDate_usesTheBuildersClock() {
    Clock clock = Clock.fixed(Instant.parse("2026-03-04T10:00:00Z"), ZoneOffset.UTC);
    GateEvaluator evaluator = GateEvaluator.builder().clock(clock).build();
    assertThat(evaluator.evaluate(criteriaPilot()).asOf()).isEqualTo(LocalDate.of(2026, 3, 4));
  }

  @Test
  void fromDirectory_brokenDrl_namesFileAndLine(@TempDir Path dir) throws IOException {
    copyBundledRules(dir);
    Path owner = dir.resolve("owner.drl");
    List<String> lines = new ArrayList<>(Files.readAllLines(owner));
    int when = lines.indexOf("    not Owner()");
    lines.set(when, "    not Owner(");   // unbalanced parenthesis
    Files.write(owner, lines);
    assertThatThrownBy(() -> GateEvaluator.fromDirectory(dir))
        .isInstanceOfSatisfying(RuleSetException.class, e -> {
          assertThat(e.source()).isEqualTo(dir.toString());
          assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.file()).isEqualTo(owner.toString());
            assertThat(p.line()).isBetween(when + 1, when + 4);
          });
          assertThat(e.getMessage()).contains(owner + ":" + e.problems().get(0).line() + ": ");
        });
  }

  @Test
  void fromDirectory_typeErrorInDrl_namesFileAndLine(@TempDir Path dir) throws IOException {
    copyBundledRules(dir);
    Files.writeString(dir.resolve("extra.drl"), """
        package dev.pilotgate.rules;
        import dev.pilotgate.model.Owner;

        rule "BROKEN"
        when
            Owner( nosuchField == 3 )
        then
        end
        """);
    assertThatThrownBy(() -> GateEvaluator.fromDirectory(dir))
        .isInstanceOfSatisfying(RuleSetException.class, e -> {
          assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(dir.resolve("extra.drl").toString());
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.message()).contains("nosuchField").doesNotContain("\n");
          });
        });
  }

  @Test
  void builder_optionSetTwice_isRefusedNamingItAndBothValues() {
    assertThatThrownBy(() -> GateEvaluator.builder().watch(true).watch(false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("watch is set twice (first to true, then to false); set each option once");
    assertThatThrownBy(() -> GateEvaluator.builder().verifyScenarios(false).verifyScenarios(false))
        .hasMessage("verifyScenarios is set twice (first to false, then to false); set each option once");
    assertThatThrownBy(() -> GateEvaluator.builder().trustedRules(false).trustedRules(true))
        .hasMessage("trustedRules is set twice (first to false, then to true); set each option once");
  }

  @Test
  void fromDirectory_missingPolicyKey_isNamed(@TempDir Path dir) throws IOException {
    copyBundledRules(dir);
    Path policy = dir.resolve("policy.properties");
    Files.writeString(policy, Files.readString(policy).replace("cohort.max=5\n", ""));
    List<String> rollout = Files.readAllLines(dir.resolve("rollout.drl"));
    List<Integer> reads = IntStream.range(0, rollout.size()).filter(i -> rollout.get(i).contains("\"cohort.max\""))
        .mapToObj(i -> i + 1).toList();
    assertThat(reads).hasSizeGreaterThan(2);
    String again = reads.subList(1, reads.size()).stream().map(String::valueOf).collect(Collectors.joining(", "));
    assertThatThrownBy(() -> GateEvaluator.fromDirectory(dir))
        .isInstanceOfSatisfying(RuleSetException.class, e -> assertThat(e.problems()).singleElement()
            .satisfies(p -> {
              assertThat(p.file()).isEqualTo(dir.resolve("rollout.drl").toString());
              assertThat(p.line()).isEqualTo(reads.get(0));
              assertThat(p.message()).isEqualTo("reads policy key 'cohort.max' (read again at lines "
                  + again + "), which " + policy + " does not define (did you mean 'cohort.min'?): "
                  + "add it to the policy (with a comment saying what it means) or correct the key");
            }));
  }

  @Test
  void fromDirectory_malformedPolicyValue_namesLine(@TempDir Path dir) throws IOException {
    copyBundledRules(dir);
    Path policy = dir.resolve("policy.properties");
    List<String> lines = Files.readAllLines(policy);
    int line = lines.indexOf("data.duplicateRate.max=0.02") + 1;
    Files.writeString(policy, Files.readString(policy)
        .replace("data.duplicateRate.max=0.02", "data.duplicateRate.max=two percent")
        .replace("adoption.activeShare.min=0.6", "adoption.activeShare.min=60"));
    assertThatThrownBy(() -> GateEvaluator.fromDirectory(dir))
        .isInstanceOfSatisfying(RuleSetException.class, e -> assertThat(e.problems()).extracting(Object::toString)
            .contains(policy + ":" + line + ": data.duplicateRate.max must be a number but was 'two percent'")
            .anyMatch(s -> s.endsWith("adoption.activeShare.min must be a share between 0 and 1 but was 60")));
  }

  @Test
  void fromDirectory_withoutPolicy_isRefused(@TempDir Path dir) throws IOException {
    copyBundledRules(dir);
    Files.delete(dir.resolve("policy.properties"));
    assertThatThrownBy(() -> GateEvaluator.fromDirectory(dir))
        .isInstanceOf(RuleSetException.class)
        .hasMessageContaining("policy.properties: missing: a rule set needs its policy file of thresholds");
  }

  @Test
  void fromDirectory_notADirectory_isRefused(@TempDir Path dir) {
    Path missing = dir.resolve("nope");
    assertThatThrownBy(() -> GateEvaluator.fromDirectory(missing))
        .isInstanceOf(RuleSetException.class)
        .hasMessageContaining(missing + ": is not a directory");
  }

  @Test
  void evaluate_throwingRule_namesRuleAndPilot_andEvaluatorStaysUsable(@TempDir Path dir) throws IOException {
    copyBundledRules(dir);
    Files.writeString(dir.resolve("bad.drl"), """
        package dev.pilotgate.rules;
        import dev.pilotgate.model.Pilot;

        rule "EXPLODES"
        when
            Pilot( id == "boom" )
        then
            throw new IllegalStateException("deliberate");
        end
        """);
    GateEvaluator evaluator = GateEvaluator.fromDirectory(dir);
    Pilot boom = criteriaPilot().toBuilder().id("boom").build();
    assertThatThrownBy(() -> evaluator.evaluate(boom, AS_OF))
        .isInstanceOfSatisfying(GateEvaluationException.class, e -> {
          assertThat(e.pilotId()).isEqualTo("boom");
          assertThat(e.rule()).isEqualTo("EXPLODES");
          assertThat(e.getMessage()).startsWith("pilot 'boom', rule 'EXPLODES' (rules " + evaluator.rulesVersion() + ")")
              .contains("deliberate");
        });
    assertThat(evaluator.evaluate(criteriaPilot(), AS_OF).outcome()).isEqualTo(GateOutcome.GO);
  }

  @Test
  void evaluate_loopingRules_areStoppedByTheFiringLimit(@TempDir Path dir) throws IOException {
    copyBundledRules(dir);
    Path policy = dir.resolve("policy.properties");
    Files.writeString(policy, Files.readString(policy).replace("engine.maxRuleFirings=10000", "engine.maxRuleFirings=500"));
    Files.writeString(dir.resolve("loop.drl"), """
        package dev.pilotgate.rules;
        import dev.pilotgate.model.Pilot;

        declare Tick
            n : int
        end

        rule "START"
        when
            Pilot()
        then
            insert(new Tick(0));
        end

        rule "LOOP"
        when
            $t : Tick( n >= 0 )
        then
            modify($t) { setN($t.getN() + 1) };
        end
        """);
    GateEvaluator evaluator = GateEvaluator.fromDirectory(dir);
    assertThatThrownBy(() -> evaluator.evaluate(criteriaPilot(), AS_OF))
        .isInstanceOf(GateEvaluationException.class)
        .hasMessageContaining("the rules did not settle within engine.maxRuleFirings (500) firings");
  }

  @Test
  void evaluate_stageWithoutGateRule_failsLoudly(@TempDir Path dir) throws IOException {
    copyBundledRules(dir);
    Files.delete(dir.resolve("outcome.drl"));
    GateEvaluator evaluator = GateEvaluator.fromDirectory(dir);
    assertThatThrownBy(() -> evaluator.evaluate(criteriaPilot(), AS_OF))
        .isInstanceOf(GateEvaluationException.class)
        .hasMessageContaining("no rule decided an outcome at stage DEFINE_CRITERIA");
  }

  @Test
  void evaluate_manyThreads_giveTheSameDecisions() throws Exception {
    Pilot pilot = criteriaPilot();
    GateDecision expected = BUNDLED.evaluate(pilot, AS_OF);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<GateDecision>> futures = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        futures.add(pool.submit(() -> BUNDLED.evaluate(pilot, AS_OF)));
      }
      for (Future<GateDecision> f : futures) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void evaluate_nullArguments_areRefusedByName() {
    assertThatThrownBy(() -> BUNDLED.evaluate(null, AS_OF)).hasMessage("pilot");
    assertThatThrownBy(() -> BUNDLED.evaluate(criteriaPilot(), null)).hasMessage("asOf");
  }
}
