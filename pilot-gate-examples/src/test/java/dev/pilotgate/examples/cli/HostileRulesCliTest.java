package dev.pilotgate.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pilotgate.BundledRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The core's corpus of hostile rule files, through the command line: {@code validate} and
 * {@code evaluate --rules} refuse each with exit 2 and {@code FILE:LINE: message} on stderr, no
 * stack trace, and the payload never runs.
 */
class HostileRulesCliTest {
  private static final Path CORPUS = Path.of("..", "pilot-gate-core", "src", "test", "resources", "hostile-rules");
  private static final Pattern EXPECT = Pattern.compile("^// expect: (\\d+): (.+)$", Pattern.MULTILINE);
  private static final Path PILOT = Path.of("pilots", "invoice-matching.yaml");

  static Stream<String> corpus() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".drl")).sorted().toList().stream();
    }
  }

  @Test
  void corpus_isThere() throws IOException {
    assertThat(corpus().count()).as("hostile rule files in %s", CORPUS.toAbsolutePath()).isGreaterThan(30);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void validateAndEvaluate_refuseTheFileAtItsLine_andThePayloadNeverRuns(String name, @TempDir Path tmp)
      throws IOException {
    Path marker = tmp.resolve("payload-ran");
    String text = Files.readString(CORPUS.resolve(name)).replace("${MARKER}", marker.toString());
    Matcher expect = EXPECT.matcher(text);
    assertThat(expect.find()).isTrue();
    String where = tmp.resolve("rules").resolve(name) + ":" + expect.group(1) + ": " + expect.group(2).strip();
    Path rules = Files.createDirectory(tmp.resolve("rules"));
    BundledRules.copyTo(rules, false);
    Files.writeString(rules.resolve(name), text);

    CliRun validate = CliRun.of("validate", "--rules", rules.toString());
    CliRun evaluate = CliRun.of("evaluate", "--rules", rules.toString(), "--as-of", "2026-06-01", PILOT.toString());

    for (CliRun run : new CliRun[] {validate, evaluate}) {
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
      assertThat(run.out()).as(run.toString()).isEmpty();
      assertThat(run.err().lines()).as(run.toString()).anySatisfy(l -> assertThat(l).contains(where));
      assertThat(run.err()).as(run.toString()).doesNotContain("\tat ").doesNotContain("Exception:");
    }
    assertThat(marker).doesNotExist();
  }
}
