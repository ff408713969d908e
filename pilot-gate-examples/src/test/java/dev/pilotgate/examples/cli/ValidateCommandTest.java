package dev.pilotgate.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pilotgate.scenario.ScenarioReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code validate} subcommand, run in-process on copies of the bundled rules in a
 * temporary directory, with real Drools compilation and the real scenarios.
 */
class ValidateCommandTest {
  private static final String STACK_FRAME = "\tat ";

  @Test
  void validate_bundledCopy(@TempDir Path rules) throws IOException {
    String version = RulesCopy.into(rules, true);
    int ruleFiles;
    try (var listing = Files.list(rules)) {
      ruleFiles = (int) listing.filter(p -> p.getFileName().toString().endsWith(".drl")).count();
    }
    int scenarios = ScenarioReader.create().readAll(List.of(rules.resolve("scenarios"))).size();

    CliRun run = CliRun.of("validate", "--rules", rules.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).as(run.toString()).isEmpty();
    assertThat(run.out()).isEqualTo("rules " + version + " from " + rules + ": "
        + ruleFiles + " rule files, " + scenarios + " scenarios passed" + System.lineSeparator());
    assertThat(scenarios).isPositive();
  }

  @Test
  void validate_withoutScenarios(@TempDir Path rules) throws IOException {
    RulesCopy.into(rules, false);

    CliRun run = CliRun.of("validate", "--rules", rules.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).as(run.toString()).endsWith(" rule files, 0 scenarios passed" + System.lineSeparator());
  }

  @Test
  void validate_policyKeyNoRuleReads_passesWithAWarningAtItsLine(@TempDir Path rules) throws IOException {
    RulesCopy.into(rules, false);
    Path policy = rules.resolve("policy.properties");
    Files.writeString(policy, Files.readString(policy) + "cohort.maks=4\n");
    long line = Files.readAllLines(policy).size();

    CliRun run = CliRun.of("validate", "--rules", rules.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).as(run.toString()).isEqualTo("warning: " + policy + ":" + line + ": key cohort.maks is read by"
        + " no rule (did you mean 'cohort.max'?); remove it, or correct the key or the rule that should read it"
        + System.lineSeparator());
    assertThat(run.out()).endsWith(" rule files, 0 scenarios passed" + System.lineSeparator());
  }

  @Test
  void validate_brokenDrl(@TempDir Path rules) throws IOException {
    RulesCopy.into(rules, false);
    Path broken = rules.resolve("broken.drl");
    Files.writeString(broken, String.join("\n",
        "package dev.pilotgate.rules;",
        "",
        "rule \"half written\"",
        "when",
        "    Pilot( id == )",
        "then",
        "end",
        ""));

    CliRun run = CliRun.of("validate", "--rules", rules.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    assertThat(run.out()).isEmpty();
    List<String> lines = run.err().lines().toList();
    assertThat(lines).as(run.toString()).isNotEmpty()
        .allMatch(line -> line.matches("^\\S+\\.drl:\\d+: .+"), "FILE:LINE: message")
        .anyMatch(line -> line.startsWith(broken + ":5: "));
    assertThat(run.err()).doesNotContain(STACK_FRAME);
  }

  @Test
  void validate_brokenDrlWithDebug(@TempDir Path rules) throws IOException {
    RulesCopy.into(rules, false);
    Files.writeString(rules.resolve("broken.drl"), "package dev.pilotgate.rules;\nrule \"x\" when then\n");

    CliRun run = CliRun.of("--debug", "validate", "--rules", rules.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    assertThat(run.err()).contains(rules.resolve("broken.drl").toString()).contains(STACK_FRAME);
  }

  @Test
  void validate_policyMissingKey(@TempDir Path rules) throws IOException {
    RulesCopy.into(rules, false);
    Path policy = rules.resolve("policy.properties");
    Files.writeString(policy, Files.readString(policy).replaceFirst("(?m)^cohort\\.max=.*\\R", ""));

    CliRun run = CliRun.of("validate", "--rules", rules.toString());

    // named where a rule reads it: that is where the typo or the missing key matters
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().toList()).as(run.toString())
        .singleElement().asString().startsWith(rules.resolve("rollout.drl") + ":")
        .contains("reads policy key 'cohort.max'", "which " + policy + " does not define");
    assertThat(run.err()).doesNotContain(STACK_FRAME);
  }

  @Test
  void validate_failingScenario(@TempDir Path rules) throws IOException {
    RulesCopy.into(rules, true);
    Path added = rules.resolve("scenarios").resolve("zz-added.yaml");
    String pilot = String.join("\n",
        "pilot:",
        "  id: quality-control",
        "  stage: ACTIVATE_OWNER",
        "  launchedOn: 2026-05-04",
        "  successCriteria:",
        "    - { metric: defect_escape_rate, kind: BUSINESS, baseline: 0.040, target: 0.034,"
            + " direction: LOWER_IS_BETTER, deadlineOn: 2026-09-30, definedOn: 2026-04-20 }");
    Files.writeString(added, String.join("\n",
        "# Added by an operator: the first scenario holds, the second expects the wrong outcome.",
        "name: a pilot without a named owner is held at stage 2",           // line 2
        "asOf: 2026-06-01",
        pilot,                                                              // lines 4-9
        "expect:",
        "  outcome: HOLD",
        "  findings: [OWNER_MISSING]",
        "---",                                                              // line 13
        "name: a pilot without a named owner goes on to stage 3",           // line 14
        "asOf: 2026-06-01",
        pilot,
        "expect:",
        "  outcome: GO",
        ""));

    CliRun run = CliRun.of("validate", "--rules", rules.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().toList()).as(run.toString())
        .singleElement().asString()
        .startsWith(added + ":14: ")
        .contains("goes on to stage 3")
        .contains("HOLD");
  }

  @Test
  void validate_missingDirectory(@TempDir Path tmp) {
    Path missing = tmp.resolve("no-such-rules");

    CliRun run = CliRun.of("validate", "--rules", missing.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    assertThat(run.err()).startsWith(missing + ": ").doesNotContain(STACK_FRAME);
  }

  @Test
  void validate_rulesOptionRequired() {
    CliRun run = CliRun.of("validate");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    assertThat(run.err()).contains("--rules");
  }
}
