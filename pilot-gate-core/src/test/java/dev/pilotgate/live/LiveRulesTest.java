package dev.pilotgate.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.ruleset.RuleProblem;
import dev.pilotgate.ruleset.RuleSetEvent;
import dev.pilotgate.ruleset.RuleSetException;
import dev.pilotgate.ruleset.RuleSetStatus;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.model.DataSource;
import dev.pilotgate.model.Direction;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.MetricKind;
import dev.pilotgate.model.Owner;
import dev.pilotgate.model.OwnerKind;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.Stage;
import dev.pilotgate.model.SuccessCriterion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules edited in a running evaluator: real files, real watcher thread, real Drools. */
class LiveRulesTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);
  private static final Duration BOUND = Duration.ofSeconds(15);

  /** A pilot at the data audit whose only gap is 5% duplicates: HOLD under the default 2% limit, GO under 10%. */
  static Pilot duplicatesPilot() {
    return Pilot.builder("crm-assistant", Stage.DATA_AUDIT)
        .launchedOn(LocalDate.of(2026, 1, 5))
        .successCriterion(new SuccessCriterion("hours_saved", MetricKind.BUSINESS, 10.0, 40.0,
            Direction.HIGHER_IS_BETTER, LocalDate.of(2026, 9, 30), LocalDate.of(2025, 12, 1)))
        .owner(new Owner("Dana Reyes", "Sales Director", OwnerKind.INDIVIDUAL, true, LocalDate.of(2025, 11, 1)))
        .dataSource(new DataSource("CRM", LocalDate.of(2026, 3, 1), 0.05, 0, 0.01, false, true, null))
        .build();
  }

  @Test
  void watch_policyThresholdEdited_nextDecisionsChangeAndCarryTheNewVersion(@TempDir Path dir) throws Exception {
    RuleDirs.copyBundled(dir);
    try (GateEvaluator evaluator = GateEvaluator.builder().rulesDirectory(dir).watch(true)
        .debounce(Duration.ofMillis(100)).pollInterval(Duration.ofMillis(250)).build()) {
      GateDecision before = evaluator.evaluate(duplicatesPilot(), AS_OF);
      assertThat(before.outcome()).isEqualTo(GateOutcome.HOLD);
      assertThat(before.hasFinding("DATA_DUPLICATES")).isTrue();
      assertThat(evaluator.status().watching()).isTrue();

      RuleDirs.setPolicy(dir, "data.duplicateRate.max", "0.10");
      String edited = RuleDirs.versionOf(dir);

      assertThat(RuleDirs.await(BOUND, () -> evaluator.rulesVersion().equals(edited)))
          .as("activated within %s", BOUND).isTrue();
      GateDecision after = evaluator.evaluate(duplicatesPilot(), AS_OF);
      assertThat(after.outcome()).isEqualTo(GateOutcome.GO);
      assertThat(after.rulesVersion()).isEqualTo(edited).isNotEqualTo(before.rulesVersion());
      RuleSetStatus status = evaluator.status();
      assertThat(status.activeVersion()).isEqualTo(edited);
      assertThat(status.activations()).isEqualTo(2);
      assertThat(status.lastAttemptFailed()).isFalse();
    }
  }

  @Test
  void watch_drlSavedInThreePartialWrites_activatesOnlyTheWholeFile(@TempDir Path dir) throws Exception {
    RuleDirs.copyBundled(dir);
    List<RuleSetEvent> events = new CopyOnWriteArrayList<>();
    try (GateEvaluator evaluator = GateEvaluator.builder().rulesDirectory(dir).watch(true)
        .debounce(Duration.ofMillis(500)).pollInterval(Duration.ofMillis(100)).listener(events::add).build()) {
      Path extra = dir.resolve("extra.drl");
      String[] parts = {
          "package dev.pilotgate.rules;\nimport dev.pilotgate.model.Pilot;\nrule \"EXTRA_NOTE\"\n",
          "when\n    Pilot( id == \"nobody\" )\n",
          "then\nend\n"};
      Files.writeString(extra, parts[0]);
      Thread.sleep(60);
      Files.writeString(extra, parts[1], StandardOpenOption.APPEND);
      Thread.sleep(60);
      Files.writeString(extra, parts[2], StandardOpenOption.APPEND);
      String whole = RuleDirs.versionOf(dir);

      // the listener hears of the swap just after it: wait for both
      assertThat(RuleDirs.await(BOUND, () -> evaluator.rulesVersion().equals(whole)
          && events.stream().anyMatch(e -> e.kind() == RuleSetEvent.Kind.ACTIVATED))).isTrue();
      assertThat(evaluator.ruleNames()).contains("EXTRA_NOTE");
      assertThat(events).filteredOn(e -> e.kind() == RuleSetEvent.Kind.ACTIVATED)
          .extracting(RuleSetEvent::version).containsExactly(whole);
    }
  }

  @Test
  void watch_brokenDrl_isRejectedAndReportedWhileTheLastGoodServes(@TempDir Path dir) throws Exception {
    RuleDirs.copyBundled(dir);
    List<RuleSetEvent> events = new CopyOnWriteArrayList<>();
    try (GateEvaluator evaluator = GateEvaluator.builder().rulesDirectory(dir).watch(true)
        .debounce(Duration.ofMillis(100)).pollInterval(Duration.ofMillis(200)).listener(events::add).build()) {
      String good = evaluator.rulesVersion();
      RuleDirs.write(dir.resolve("broken.drl"), "package dev.pilotgate.rules;\n\nrule \"BROKEN\"\nwhen\n    Pilot(\nthen\nend\n");

      // the listener hears of the rejection just after the status records it: wait for both
      assertThat(RuleDirs.await(BOUND, () -> evaluator.status().lastAttemptFailed() && !events.isEmpty())).isTrue();
      RuleSetStatus status = evaluator.status();
      assertThat(status.activeVersion()).isEqualTo(good);
      assertThat(status.rejections()).isEqualTo(1);
      assertThat(status.lastError()).isNotEmpty().allSatisfy(p -> {
        assertThat(p.file()).isEqualTo(dir.resolve("broken.drl").toString());
        assertThat(p.line()).isBetween(5, 7);
      });
      assertThat(events).singleElement().satisfies(e -> {
        assertThat(e.kind()).isEqualTo(RuleSetEvent.Kind.REJECTED);
        assertThat(e.problems()).isEqualTo(status.lastError());
      });
      GateDecision d = evaluator.evaluate(duplicatesPilot(), AS_OF);
      assertThat(d.rulesVersion()).isEqualTo(good);
      assertThat(d.outcome()).isEqualTo(GateOutcome.HOLD);
    }
  }

  @Test
  void reload_policyMissingAKeyARuleReads_isRejectedOnceAtTheFirstRuleThatReadsIt(@TempDir Path dir) throws IOException {
    RuleDirs.copyBundled(dir);
    try (GateEvaluator evaluator = GateEvaluator.fromDirectory(dir)) {
      String good = evaluator.rulesVersion();
      Path policy = dir.resolve("policy.properties");
      Files.writeString(policy, Files.readString(policy).replace("cohort.min=3\n", ""));

      RuleSetEvent event = evaluator.reload();

      assertThat(event.kind()).isEqualTo(RuleSetEvent.Kind.REJECTED);
      // one problem per file that reads the key, at its first read, naming the other lines
      List<String> lines = Files.readAllLines(dir.resolve("rollout.drl"));
      List<Integer> reads = new java.util.ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains("\"cohort.min\"")) {
          reads.add(i + 1);
        }
      }
      assertThat(reads).hasSizeGreaterThan(1);
      String again = reads.subList(1, reads.size()).stream().map(String::valueOf)
          .collect(java.util.stream.Collectors.joining(", "));
      assertThat(event.problems()).extracting(RuleProblem::toString).containsExactly(
          dir.resolve("rollout.drl") + ":" + reads.get(0) + ": reads policy key 'cohort.min' (read again at line"
              + (reads.size() == 2 ? " " : "s ") + again + "), which " + policy + " does not define (did you mean"
              + " 'cohort.max'?): add it to the policy (with a comment saying what it means) or correct the key");
      assertThat(evaluator.rulesVersion()).isEqualTo(good);
      assertThat(evaluator.status().lastError()).isEqualTo(event.problems());
      assertThat(evaluator.evaluate(duplicatesPilot(), AS_OF).rulesVersion()).isEqualTo(good);
    }
  }

  @Test
  void reload_failingScenario_isRejectedNamingItsFileAndLine_thenAFixActivates(@TempDir Path dir) throws IOException {
    RuleDirs.copyBundled(dir);
    Path scenarios = Files.createDirectories(dir.resolve("scenarios"));
    String passing = """
        name: nothing defined holds the pilot
        asOf: 2026-06-01
        pilot: { id: a, stage: DEFINE_CRITERIA }
        expect: { outcome: HOLD, findings: [CRITERIA_MISSING] }
        """;
    Files.writeString(scenarios.resolve("basics.yaml"), passing);
    try (GateEvaluator evaluator = GateEvaluator.fromDirectory(dir)) {
      String good = evaluator.rulesVersion();
      // a catalogue edit that breaks the scenario: no criterion is now fine at stage 1 (the gap merely warns)
      Path catalogue = dir.resolve("findings.properties");
      String text = Files.readString(catalogue);
      assertThat(text).contains("CRITERIA_MISSING.stage=DEFINE_CRITERIA\n");
      Files.writeString(catalogue, text.replace("CRITERIA_MISSING.stage=DEFINE_CRITERIA\n",
          "CRITERIA_MISSING.severity=WARNING\n"));

      RuleSetEvent rejected = evaluator.reload();

      assertThat(rejected.kind()).isEqualTo(RuleSetEvent.Kind.REJECTED);
      assertThat(rejected.problems()).singleElement().satisfies(p -> {
        assertThat(p.file()).isEqualTo(scenarios.resolve("basics.yaml").toString());
        assertThat(p.line()).isEqualTo(1);
        assertThat(p.message()).startsWith("scenario 'nothing defined holds the pilot' fails: expected outcome HOLD but was GO");
      });
      assertThat(evaluator.rulesVersion()).isEqualTo(good);

      // the operator agrees with the new behaviour and updates the scenario: now it activates
      Files.writeString(scenarios.resolve("basics.yaml"), passing.replace("outcome: HOLD", "outcome: GO"));
      RuleSetEvent activated = evaluator.reload();
      assertThat(activated.kind()).isEqualTo(RuleSetEvent.Kind.ACTIVATED);
      assertThat(evaluator.rulesVersion()).isEqualTo(activated.version()).isNotEqualTo(good);
    }
  }

  @Test
  void fromDirectory_failingScenarioAtStart_isRefused(@TempDir Path dir) throws IOException {
    RuleDirs.copyBundled(dir);
    Path scenarios = Files.createDirectories(dir.resolve("scenarios"));
    Files.writeString(scenarios.resolve("wrong.yaml"), """
        # a comment line first
        name: claims a GO that the rules do not give
        asOf: 2026-06-01
        pilot: { id: a, stage: DEFINE_CRITERIA }
        expect: { outcome: GO }
        """);
    assertThatThrownBy(() -> GateEvaluator.fromDirectory(dir))
        .isInstanceOfSatisfying(RuleSetException.class, e -> assertThat(e.problems()).singleElement()
            .satisfies(p -> assertThat(p.toString()).isEqualTo(scenarios.resolve("wrong.yaml") + ":2: scenario"
                + " 'claims a GO that the rules do not give' fails: expected outcome GO but was HOLD;"
                + " found: [CRITERIA_MISSING, OWNER_MISSING, DATA_NO_SOURCES]")));
    assertThat(GateEvaluator.builder().rulesDirectory(dir).verifyScenarios(false).build().rulesVersion())
        .isEqualTo(RuleDirs.versionOf(dir));
  }

  @Test
  void reload_unchangedRules_isANoOp(@TempDir Path dir) {
    RuleDirs.copyBundled(dir);
    try (GateEvaluator evaluator = GateEvaluator.fromDirectory(dir)) {
      assertThat(evaluator.reload()).isNull();
      assertThat(evaluator.status().activations()).isEqualTo(1);
    }
  }

  @Test
  void close_thenEvaluate_fails(@TempDir Path dir) {
    TinyRules.write(dir, true);
    GateEvaluator evaluator = GateEvaluator.fromDirectory(dir);
    evaluator.close();
    assertThatThrownBy(() -> evaluator.evaluate(duplicatesPilot(), AS_OF))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the evaluator is closed");
  }

  @Test
  void builder_watchWithoutDirectory_isRefused() {
    assertThatThrownBy(() -> GateEvaluator.builder().watch(true).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("watch(true) needs a rulesDirectory: the bundled rules do not change");
    assertThatThrownBy(() -> GateEvaluator.builder().debounce(Duration.ZERO))
        .hasMessage("debounce must be positive but was PT0S");
  }
}
