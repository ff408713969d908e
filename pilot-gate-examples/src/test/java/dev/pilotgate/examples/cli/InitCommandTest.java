package dev.pilotgate.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pilotgate.BundledRules;
import dev.pilotgate.scenario.ScenarioReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code init DIR} starts a rules directory that validates as it is, and never overwrites a file. */
class InitCommandTest {
  private static final String NL = System.lineSeparator();

  @Test
  void init_newDirectory_copiesTheBundledRuleSet_whichThenValidatesAsTheBundledVersion(@TempDir Path tmp)
      throws IOException {
    Path rules = tmp.resolve("acme-rules");

    CliRun run = CliRun.of("init", rules.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
    long drl;
    try (Stream<Path> files = Files.list(rules)) {
      drl = files.filter(p -> p.toString().endsWith(".drl")).count();
    }
    long scenarioFiles;
    try (Stream<Path> files = Files.walk(rules.resolve("scenarios"))) {
      scenarioFiles = files.filter(Files::isRegularFile).count();
    }
    assertThat(rules.resolve("policy.properties")).isRegularFile();
    assertThat(rules.resolve("findings.properties")).isRegularFile();
    assertThat(run.out()).isEqualTo("rules " + BundledRules.version() + " copied to " + rules + ": " + (drl + 2)
        + " rule, policy and catalogue files, " + scenarioFiles + " scenario files" + NL
        + "next: edit them, then run pilot-gate validate --rules " + rules + NL);

    CliRun validate = CliRun.of("validate", "--rules", rules.toString());
    int scenarios = ScenarioReader.create().readAll(List.of(rules.resolve("scenarios"))).size();
    assertThat(validate.exitCode()).as(validate.toString()).isZero();
    assertThat(validate.err()).as(validate.toString()).isEmpty();
    assertThat(validate.out()).isEqualTo("rules " + BundledRules.version() + " from " + rules + ": " + drl
        + " rule files, " + scenarios + " scenarios passed" + NL);
  }

  @Test
  void init_writesOnlyOwnerWritableFilesAndFolders_whateverTheUmask(@TempDir Path tmp) throws Exception {
    Path rules = tmp.resolve("acme-rules");
    // a umask of 002, as where each user has a group of their own: plain file creation would leave
    // everything group-writable, and the evaluator would refuse the copy
    Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    Process init = new ProcessBuilder("/bin/sh", "-c", "umask 002 && exec \"$0\" -cp \"$1\" "
        + PilotGateCli.class.getName() + " init \"$2\"", javaBin.toString(), System.getProperty("java.class.path"),
        rules.toString()).redirectErrorStream(true).start();
    String output = new String(init.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(init.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(init.exitValue()).as(output).isZero();
    assertThat(CliRun.of("validate", "--rules", rules.toString()).exitCode()).isZero();

    try (Stream<Path> all = Files.walk(rules)) {
      assertThat(all.toList()).isNotEmpty().allSatisfy(p -> assertThat(
          java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p)))
          .as("%s", p).isEqualTo(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
    }
  }

  @Test
  void init_noScenarios_leavesThemOut(@TempDir Path rules) {
    CliRun run = CliRun.of("init", "--no-scenarios", rules.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).startsWith("rules " + BundledRules.version(false) + " copied to " + rules + ": ")
        .contains(", 0 scenario files" + NL);
    assertThat(BundledRules.version(false)).isNotEqualTo(BundledRules.version());
    assertThat(rules.resolve("scenarios")).doesNotExist();
  }

  @Test
  void init_existingFile_isRefusedNamingIt_andNothingIsOverwritten(@TempDir Path rules) throws IOException {
    Path policy = Files.writeString(rules.resolve("policy.properties"), "my.own=1\n");

    CliRun run = CliRun.of("init", rules.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo(policy + ": exists already; init writes only into a new or empty directory and"
        + " overwrites nothing" + NL);
    assertThat(Files.readString(policy)).isEqualTo("my.own=1\n");
  }
}
