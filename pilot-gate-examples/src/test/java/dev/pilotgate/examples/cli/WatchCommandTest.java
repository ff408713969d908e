package dev.pilotgate.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code watch} subcommand, run in-process on a background thread with real files, real
 * Drools and the real rules watcher; stopped by interrupting its thread, as the shutdown hook
 * does on Ctrl-C.
 *
 * <p>The rules are a copy of the bundled rule set. Most tests copy it without its scenarios:
 * those pin the bundled thresholds, so they would (rightly) reject the threshold edit a test
 * makes; {@link #watch_scenariosRejectEdit} shows exactly that.
 */
class WatchCommandTest {
  /** How long a change may take to show: the debounce, a rebuild of the rules, a decision. */
  private static final Duration WAIT = Duration.ofSeconds(15);
  /** How long the first decisions may take: the first build of the rules, on a busy machine. */
  private static final Duration STARTUP = Duration.ofSeconds(30);
  private static final String AS_OF = "2026-06-01";
  private static final Path PILOT = Path.of("pilots", "invoice-matching.yaml"); // DATA_AUDIT, GO as of AS_OF
  private static final String STACK_FRAME = "\tat ";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void watch_policyEditThenBrokenDrlThenPilotEdit(@TempDir Path tmp) throws Exception {
    Path rules = Files.createDirectory(tmp.resolve("rules"));
    String copiedVersion = RulesCopy.into(rules, false);
    Path pilot = Files.copy(PILOT, tmp.resolve("invoice-matching.yaml"));

    try (BackgroundCli cli = BackgroundCli.start("watch", "--rules", rules.toString(), "--as-of", AS_OF,
        "--debounce", "100", "--poll", "200", pilot.toString())) {
      // 1. One line at start, decided by the rules as copied.
      JsonNode first = json(cli.awaitOut("the first decision", STARTUP, lines -> lines.size() >= 1).get(0));
      assertThat(first.path("pilotId").asText()).isEqualTo("invoice-matching");
      assertThat(first.path("outcome").asText()).isEqualTo("GO");
      assertThat(first.path("asOf").asText()).isEqualTo(AS_OF);
      String goodVersion = first.path("rulesVersion").asText();
      assertThat(goodVersion).isEqualTo(copiedVersion);

      // 2. A stricter duplicate limit (the ERP source has 1% duplicates): activated, decided again.
      RulesCopy.setPolicy(rules, "data.duplicateRate.max", "0.005");
      List<String> lines = cli.awaitOut("a decision by the edited policy", WAIT,
          ls -> ls.stream().map(WatchCommandTest::json).anyMatch(d -> !d.path("rulesVersion").asText().equals(goodVersion)));
      JsonNode edited = json(lines.get(lines.size() - 1));
      String editedVersion = edited.path("rulesVersion").asText();
      assertThat(editedVersion).isNotEqualTo(goodVersion).matches("[0-9a-f]{12}");
      assertThat(edited.path("outcome").asText()).isEqualTo("HOLD");
      assertThat(codes(edited)).contains("DATA_DUPLICATES");

      // 3. A rule file that does not compile: its problem on stderr, the edited rules keep deciding.
      int before = cli.outLines().size();
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
      String err = cli.awaitErr("the broken rule's problem", WAIT, e -> e.contains(broken + ":5: "));
      assertThat(err.lines().toList()).allMatch(line -> line.startsWith(broken + ":"), "one FILE:LINE: line per problem");
      assertThat(err).doesNotContain(STACK_FRAME);
      assertThat(cli.isRunning()).isTrue();
      assertThat(cli.outLines()).hasSize(before); // a rejected edit decides nothing anew

      // 4. A pilot edit is decided by the last good rules.
      Files.writeString(pilot, Files.readString(pilot).replace("duplicateRate: 0.01\n", "duplicateRate: 0.001\n"));
      lines = cli.awaitOut("a decision on the edited pilot", WAIT, ls -> ls.size() > before);
      JsonNode afterPilotEdit = json(lines.get(lines.size() - 1));
      assertThat(afterPilotEdit.path("rulesVersion").asText()).isEqualTo(editedVersion);
      assertThat(afterPilotEdit.path("outcome").asText()).isEqualTo("GO");

      // 5. Stopped cleanly.
      assertThat(cli.stop(Duration.ofSeconds(10))).isEqualTo(PilotGateCli.EXIT_OK);
      assertThat(cli.err()).doesNotContain(STACK_FRAME).doesNotContain("internal error");
    }
  }

  @Test
  void watch_unreadablePilotFile(@TempDir Path tmp) throws Exception {
    Path rules = Files.createDirectory(tmp.resolve("rules"));
    RulesCopy.into(rules, false);
    Path pilots = Files.createDirectory(tmp.resolve("pilots"));
    Files.copy(PILOT, pilots.resolve("invoice-matching.yaml"));

    try (BackgroundCli cli = BackgroundCli.start("watch", "--rules", rules.toString(), "--as-of", AS_OF,
        "--debounce", "100", "--poll", "200", pilots.toString())) {
      cli.awaitOut("the first decision", STARTUP, lines -> lines.size() == 1);

      // A new document that does not parse: its problem on stderr, the other pilot decided again.
      Path bad = pilots.resolve("z-bad.yaml");
      Files.writeString(bad, "id: half-written\nstage: PILOTING\n");
      cli.awaitErr("the bad document's problem", WAIT, e -> e.contains(bad + ":2: ") && e.contains("PILOTING"));
      cli.awaitOut("the good pilot decided again", WAIT, lines -> lines.size() >= 2);

      // Fixed: both pilots decided.
      Files.writeString(bad, "id: half-written\nstage: DEFINE_CRITERIA\n");
      List<String> lines = cli.awaitOut("both pilots decided", WAIT,
          ls -> ls.stream().map(WatchCommandTest::json).anyMatch(d -> d.path("pilotId").asText().equals("half-written")));
      assertThat(json(lines.get(lines.size() - 2)).path("pilotId").asText()).isEqualTo("invoice-matching");
      assertThat(cli.isRunning()).isTrue();

      assertThat(cli.stop(Duration.ofSeconds(10))).isEqualTo(PilotGateCli.EXIT_OK);
      assertThat(cli.err()).doesNotContain(STACK_FRAME);
    }
  }

  @Test
  void watch_scenariosRejectEdit(@TempDir Path tmp) throws Exception {
    Path rules = Files.createDirectory(tmp.resolve("rules"));
    RulesCopy.into(rules, true);
    Path pilot = Files.copy(PILOT, tmp.resolve("invoice-matching.yaml"));

    try (BackgroundCli cli = BackgroundCli.start("watch", "--rules", rules.toString(), "--as-of", AS_OF,
        "--debounce", "100", "--poll", "200", pilot.toString())) {
      String version = json(cli.awaitOut("the first decision", STARTUP, lines -> lines.size() == 1).get(0))
          .path("rulesVersion").asText();

      // The bundled scenarios expect 2% duplicates to pass the data audit; 0% breaks some of them.
      RulesCopy.setPolicy(rules, "data.duplicateRate.max", "0");
      String err = cli.awaitErr("the failing scenarios", WAIT, e -> e.contains("scenario '"));
      assertThat(err.lines().toList()).allMatch(
          line -> line.matches("^" + java.util.regex.Pattern.quote(rules.resolve("scenarios").toString()) + ".+\\.yaml:\\d+: .+"),
          "SCENARIO_FILE:LINE: message");

      // Still the rules as copied.
      Files.writeString(pilot, Files.readString(pilot).replace("name: Invoice matching in accounts payable\n",
          "name: Invoice matching in accounts payable (v2)\n"));
      List<String> lines = cli.awaitOut("a decision on the edited pilot", WAIT, ls -> ls.size() >= 2);
      JsonNode last = json(lines.get(lines.size() - 1));
      assertThat(last.path("pilotName").asText()).endsWith("(v2)");
      assertThat(last.path("rulesVersion").asText()).isEqualTo(version);

      assertThat(cli.stop(Duration.ofSeconds(10))).isEqualTo(PilotGateCli.EXIT_OK);
    }
  }

  @Test
  void watch_invalidRulesAtStart(@TempDir Path tmp) throws IOException {
    Path rules = Files.createDirectory(tmp.resolve("rules"));
    RulesCopy.into(rules, false);
    Path broken = rules.resolve("broken.drl");
    Files.writeString(broken, "package dev.pilotgate.rules;\n\nrule \"half written\"\nwhen\n    Pilot( id == )\nthen\nend\n");

    CliRun run = CliRun.of("watch", "--rules", rules.toString(), PILOT.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains(broken + ":5: ").doesNotContain(STACK_FRAME);
  }

  @Test
  void watch_nonPositivePoll(@TempDir Path tmp) throws IOException {
    Path rules = Files.createDirectory(tmp.resolve("rules"));
    RulesCopy.into(rules, false);

    CliRun run = CliRun.of("watch", "--rules", rules.toString(), "--poll", "0", PILOT.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    assertThat(run.err()).contains("--poll").contains("positive");
  }

  private static JsonNode json(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException("not a JSON line: " + line, e);
    }
  }

  private static List<String> codes(JsonNode decision) {
    List<String> codes = new ArrayList<>();
    decision.path("findings").forEach(f -> codes.add(f.path("code").asText()));
    return codes;
  }
}
