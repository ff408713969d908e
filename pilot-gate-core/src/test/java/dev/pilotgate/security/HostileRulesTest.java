package dev.pilotgate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pilotgate.BundledRules;
import dev.pilotgate.GateEvaluator;
import dev.pilotgate.ruleset.RuleProblem;
import dev.pilotgate.ruleset.RuleSetEvent;
import dev.pilotgate.ruleset.RuleSetException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of hostile rule files ({@code src/test/resources/hostile-rules}): each tries to escape
 * the rules through a different construct, with a payload that would leave a marker file (or exit
 * the JVM) if it ran. Each must be refused at the line its first comment names, when a rule set is
 * loaded (what {@code validate} and {@code evaluate --rules} do) and when it is dropped into a live
 * rules directory, and its payload must never run. Grow the corpus whenever the checker changes.
 */
class HostileRulesTest {
  private static final Pattern EXPECT = Pattern.compile("^// expect: (\\d+): (.+)$", Pattern.MULTILINE);

  @TempDir
  static Path liveDir;
  private static GateEvaluator live;
  private static String goodVersion;

  @BeforeAll
  static void startLive() throws IOException {
    BundledRules.copyTo(liveDir, false);
    live = GateEvaluator.fromDirectory(liveDir);
    goodVersion = live.rulesVersion();
  }

  @AfterAll
  static void stopLive() {
    live.close();
  }

  static Stream<String> corpus() throws IOException, URISyntaxException {
    try (Stream<Path> files = Files.list(folder())) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".drl")).sorted().toList().stream();
    }
  }

  private static Path folder() throws URISyntaxException {
    return Path.of(HostileRulesTest.class.getClassLoader().getResource("hostile-rules").toURI());
  }

  /** The file with its payload aimed at {@code marker}. */
  static String armed(String name, Path marker) throws IOException, URISyntaxException {
    return Files.readString(folder().resolve(name)).replace("${MARKER}", marker.toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void hostileFile_isRefusedAtItsLine_onLoadAndOnLiveReload_andItsPayloadNeverRuns(String name, @TempDir Path tmp)
      throws IOException, URISyntaxException {
    Path marker = tmp.resolve("payload-ran");
    String text = armed(name, marker);
    Matcher expect = EXPECT.matcher(text);
    assertThat(expect.find()).as("%s starts with // expect: LINE: MESSAGE", name).isTrue();
    int line = Integer.parseInt(expect.group(1));
    String message = expect.group(2).strip();

    Path rules = Files.createDirectory(tmp.resolve("rules"));
    BundledRules.copyTo(rules, false);
    Files.writeString(rules.resolve(name), text);
    assertThatThrownBy(() -> GateEvaluator.fromDirectory(rules).close())
        .isInstanceOfSatisfying(RuleSetException.class, e -> assertRefused(e.problems(), rules.resolve(name), line,
            message));
    assertThat(marker).as("the payload of %s ran while the rules loaded", name).doesNotExist();

    Path dropped = liveDir.resolve(name);
    Files.writeString(dropped, text);
    try {
      RuleSetEvent event = live.reload();
      assertThat(event.kind()).isEqualTo(RuleSetEvent.Kind.REJECTED);
      assertRefused(event.problems(), dropped, line, message);
      assertThat(live.rulesVersion()).isEqualTo(goodVersion);
    } finally {
      Files.delete(dropped);
    }
    assertThat(marker).as("the payload of %s ran on the live reload", name).doesNotExist();
  }

  @org.junit.jupiter.api.Test
  void trustedRules_turnTheCheckerOff_andThePayloadRuns(@TempDir Path tmp) throws IOException {
    // shows that the corpus's payloads are real: with the checker off, one runs
    Path marker = tmp.resolve("payload-ran");
    Path rules = Files.createDirectory(tmp.resolve("rules"));
    BundledRules.copyTo(rules, false);
    Files.writeString(rules.resolve("trusted.drl"), """
        package dev.pilotgate.rules;
        import dev.pilotgate.model.Pilot;

        rule "WRITES_A_FILE"
        when Pilot() then
            java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "ran");
        end
        """.formatted(marker));
    assertThatThrownBy(() -> GateEvaluator.fromDirectory(rules).close()).isInstanceOf(RuleSetException.class);

    try (GateEvaluator trusted = GateEvaluator.builder().rulesDirectory(rules).trustedRules(true).build()) {
      assertThat(marker).doesNotExist();
      trusted.evaluate(dev.pilotgate.model.Pilot.builder("p1", dev.pilotgate.model.Stage.DEFINE_CRITERIA).build(),
          java.time.LocalDate.of(2026, 6, 1));
      assertThat(marker).hasContent("ran");
    }
  }

  private static void assertRefused(List<RuleProblem> problems, Path file, int line, String message) {
    assertThat(problems).as("problems").anySatisfy(p -> {
      assertThat(p.file()).isEqualTo(file.toString());
      assertThat(p.line()).isEqualTo(line);
      assertThat(p.message()).startsWith(message).doesNotContain("\tat ");
    });
  }
}
