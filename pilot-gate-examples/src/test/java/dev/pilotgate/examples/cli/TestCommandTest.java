package dev.pilotgate.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.scenario.ScenarioReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code test} subcommand, run in-process with real Drools, on scenario files written to
 * a temporary directory and on the bundled scenario suite.
 */
class TestCommandTest {
  private static final String STACK_FRAME = "\tat ";
  private static final String LAST_LINE = "^\\d+ passed, \\d+ failed$";

  /** A stage-2 pilot without an owner: HOLD with OWNER_MISSING as of 2026-06-01 (bundled owner.yaml#1). */
  private static final String OWNERLESS_PILOT = String.join("\n",
      "pilot:",
      "  id: quality-control",
      "  stage: ACTIVATE_OWNER",
      "  launchedOn: 2026-05-04",
      "  successCriteria:",
      "    - { metric: defect_escape_rate, kind: BUSINESS, baseline: 0.040, target: 0.034,"
          + " direction: LOWER_IS_BETTER, deadlineOn: 2026-09-30, definedOn: 2026-04-20 }");

  /** Line 1 a comment; a passing scenario from line 2; a failing one from line 13. */
  private static final String PASS_THEN_FAIL = String.join("\n",
      "# one that holds, one that expects the wrong outcome and findings",
      "name: a pilot without a named owner is held at stage 2",          // line 2
      "asOf: 2026-06-01",
      OWNERLESS_PILOT,                                                   // lines 4-9
      "expect:",
      "  outcome: HOLD",
      "  findings: [OWNER_MISSING]",
      "---",                                                             // line 13
      "name: a pilot without a named owner goes on to stage 3",          // line 14
      "asOf: 2026-06-01",
      OWNERLESS_PILOT,
      "expect:",
      "  outcome: GO",
      "  findings: [OWNER_ACTIVATED]",
      "  absent: [OWNER_MISSING]",
      "");

  @Test
  void passingAndFailing_failureNamesSourceOutcomeAndFindings(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("owner.yaml"), PASS_THEN_FAIL);

    CliRun run = CliRun.of("test", file.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_SCENARIO_FAILED);
    assertThat(run.err()).as(run.toString()).isEmpty();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(lines.size() - 1)).isEqualTo("1 passed, 1 failed");
    // The passing one is quiet; the failing one starts with FILE:LINE (where its document starts) and #N.
    assertThat(run.out()).doesNotContain("held at stage 2");
    assertThat(lines.get(0)).isEqualTo("FAIL  " + file + ":14  #2 a pilot without a named owner goes on to stage 3");
    assertThat(lines.subList(1, lines.size() - 1)).as(run.out())
        .allMatch(line -> line.startsWith("      "), "indented under the FAIL line")
        .anySatisfy(line -> assertThat(line.strip()).isEqualTo("expected outcome GO but was HOLD"))
        .anySatisfy(line -> assertThat(line.strip()).isEqualTo("missing findings: OWNER_ACTIVATED"))
        .anySatisfy(line -> assertThat(line.strip()).isEqualTo("unexpected findings: OWNER_MISSING"))
        .anySatisfy(line -> assertThat(line.strip()).startsWith("found: [").contains("OWNER_MISSING"));
  }

  @Test
  void verbose_onePassingLineEach(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("owner.yaml"), PASS_THEN_FAIL);

    CliRun run = CliRun.of("test", "--verbose", file.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_SCENARIO_FAILED);
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("ok    " + file + ":2  #1 a pilot without a named owner is held at stage 2");
    assertThat(lines.get(1)).startsWith("FAIL  " + file + ":14  #2 ");
    assertThat(lines.get(lines.size() - 1)).isEqualTo("1 passed, 1 failed");
  }

  @Test
  void allPassing_exitZero(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("owner.yaml"), PASS_THEN_FAIL.substring(0, PASS_THEN_FAIL.indexOf("---")));

    CliRun run = CliRun.of("test", dir.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo("1 passed, 0 failed" + System.lineSeparator());
  }

  @Test
  void outcomeAsExpected_stillSaidWhenFindingsFail(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("owner.yaml"), String.join("\n",
        "name: held, but for the wrong reason",
        "asOf: 2026-06-01",
        OWNERLESS_PILOT,
        "expect:",
        "  outcome: HOLD",
        "  findings: [OWNER_DIFFUSE]",
        ""));

    CliRun run = CliRun.of("test", file.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_SCENARIO_FAILED);
    assertThat(run.out().lines().map(String::strip).toList())
        .contains("outcome HOLD, as expected", "missing findings: OWNER_DIFFUSE")
        .last().isEqualTo("0 passed, 1 failed");
  }

  @Test
  void malformedScenarios_exitTwo_everyFileLineAndFieldPath(@TempDir Path dir) throws IOException {
    Path wrongType = Files.writeString(dir.resolve("a-wrong-type.yaml"), String.join("\n",
        "name: a baseline that is not a number",
        "asOf: 2026-06-01",
        "pilot:",
        "  id: quality-control",
        "  stage: ACTIVATE_OWNER",
        "  launchedOn: 2026-05-04",
        "  successCriteria:",
        "    - metric: defect_escape_rate",                                  // line 8
        "      kind: BUSINESS",
        "      baseline: four percent",                                      // line 10
        "      target: 0.034",
        "      direction: LOWER_IS_BETTER",
        "      deadlineOn: 2026-09-30",
        "expect:",
        "  outcome: HOLD",
        ""));
    Path unknownField = Files.writeString(dir.resolve("b-unknown-field.yaml"), String.join("\n",
        "name: a misspelt expectation",
        "asOf: 2026-06-01",
        OWNERLESS_PILOT,                                                     // lines 3-8
        "expect:",                                                           // line 9
        "  outcom: HOLD",                                                    // line 10
        ""));
    Files.writeString(dir.resolve("c-good.yaml"), PASS_THEN_FAIL);

    CliRun run = CliRun.of("test", dir.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    assertThat(run.out()).as("nothing is run when a scenario file is bad").isEmpty();
    assertThat(run.err()).as(run.toString())
        .contains(wrongType + ":10: pilot.successCriteria[0].baseline: ")
        .contains(unknownField + ":10: expect.outcom: ")
        .doesNotContain(STACK_FRAME);
  }

  @Test
  void missingPath_exitTwo(@TempDir Path dir) {
    Path missing = dir.resolve("no-such-scenarios");

    CliRun run = CliRun.of("test", missing.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    assertThat(run.err()).startsWith(missing + ": does not exist");
  }

  @Test
  void noScenarioInDirectory_exitTwo(@TempDir Path dir) {
    CliRun run = CliRun.of("test", dir.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    assertThat(run.err()).contains("no scenario file").contains(dir.toString());
  }

  @Test
  void nothingToRun_exitTwo() {
    CliRun run = CliRun.of("test");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    assertThat(run.err()).contains("--rules");
  }

  @Test
  void coverage_oneScenarioLeavesMostRulesUnfired(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("owner.yaml"), PASS_THEN_FAIL.substring(0, PASS_THEN_FAIL.indexOf("---")));
    List<String> ruleNames;
    try (GateEvaluator bundled = GateEvaluator.create()) {
      ruleNames = bundled.ruleNames();
    }

    CliRun run = CliRun.of("test", "--coverage", dir.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(lines.size() - 1)).isEqualTo("1 passed, 0 failed");
    assertThat(lines.get(0)).matches("coverage: \\d+ of " + ruleNames.size() + " rules fired; \\d+ rules fired in no scenario:");
    List<String> unfired = lines.subList(1, lines.size() - 1).stream().map(String::strip).toList();
    assertThat(unfired).as(run.out())
        .hasSizeGreaterThan(ruleNames.size() / 2)
        .isSubsetOf(ruleNames)
        .contains("PURGATORY: criteria not met", "DATA_DUPLICATES", "SHADOW_PROCESS")
        .doesNotContain("OWNER_MISSING")
        .isSorted();
  }

  @Test
  void bundledSuite_allPass_withCoverage(@TempDir Path dir) throws IOException {
    Path scenarios = RulesCopy.scenariosOnly(dir);
    int count = ScenarioReader.create().readAll(List.of(scenarios)).size();

    CliRun run = CliRun.of("test", "--coverage", scenarios.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).as(run.toString()).isEmpty();
    List<String> lines = run.out().lines().toList();
    assertThat(count).isGreaterThan(100);
    assertThat(lines.get(lines.size() - 1)).matches(LAST_LINE).isEqualTo(count + " passed, 0 failed");
    assertThat(run.out()).doesNotContain("FAIL").contains("coverage: ");
  }

  @Test
  void rulesDirectory_defaultsToItsScenarios_andReportsThemInsteadOfRefusingTheRules(@TempDir Path rules)
      throws IOException {
    RulesCopy.into(rules, true);
    // A stricter duplicate limit: the rules still compile, but scenarios that pin the bundled limit now fail.
    RulesCopy.setPolicy(rules, "data.duplicateRate.max", "0.0001");

    CliRun run = CliRun.of("test", "--rules", rules.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_SCENARIO_FAILED);
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(lines.size() - 1)).matches("\\d+ passed, [1-9]\\d* failed");
    assertThat(lines).anyMatch(line -> line.startsWith("FAIL  " + rules.resolve("scenarios")));
  }

  @Test
  void brokenRules_exitTwo_fileAndLine(@TempDir Path tmp) throws IOException {
    Path rules = Files.createDirectory(tmp.resolve("rules"));
    RulesCopy.into(rules, false);
    Path broken = Files.writeString(rules.resolve("broken.drl"),
        "package dev.pilotgate.rules;\n\nrule \"half written\"\nwhen\n    Pilot( id == )\nthen\nend\n");
    Path scenarios = Files.writeString(tmp.resolve("owner.yaml"), PASS_THEN_FAIL);

    CliRun run = CliRun.of("test", "--rules", rules.toString(), scenarios.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains(broken + ":5: ").doesNotContain(STACK_FRAME);
  }

  @Test
  void ruleThatThrows_failsTheScenario(@TempDir Path tmp) throws IOException {
    Path rules = Files.createDirectory(tmp.resolve("rules"));
    RulesCopy.into(rules, false);
    Files.writeString(rules.resolve("explodes.drl"), String.join("\n",
        "package dev.pilotgate.rules;",
        "import dev.pilotgate.model.Pilot;",
        "",
        "rule \"EXPLODES\"",
        "when",
        "    Pilot( id == \"quality-control\" )",
        "then",
        "    throw new IllegalStateException(\"deliberate\");",
        "end",
        ""));
    Path scenarios = Files.writeString(tmp.resolve("owner.yaml"), PASS_THEN_FAIL);

    CliRun run = CliRun.of("test", "--rules", rules.toString(), scenarios.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_SCENARIO_FAILED);
    assertThat(run.out()).contains("evaluation failed: ").contains("EXPLODES").contains("deliberate")
        .endsWith("0 passed, 2 failed" + System.lineSeparator());
  }
}
