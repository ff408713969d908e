package dev.pilotgate.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code evaluate} subcommand, run in-process through {@link PilotGateCli#run} with the
 * real bundled Drools rules and the real example portfolio in {@code pilots/}.
 */
class EvaluateCommandTest {
  private static final Path PORTFOLIO = Path.of("pilots");
  private static final String AS_OF = "2026-06-01";
  private static final String STACK_FRAME = "\tat ";

  /** What the example portfolio is meant to show as of 2026-06-01: pilot id → outcome, next stage, readiness. */
  private static final Map<String, List<String>> EXPECTED = expected();

  private static Map<String, List<String>> expected() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("demand-forecasting", List.of("DATA_AUDIT", "HOLD", "", "MEDIUM"));
    m.put("forecast-rollout", List.of("CONTROLLED_ROLLOUT", "DIAGNOSE", "", "HIGH"));
    m.put("invoice-capture", List.of("PRODUCTION", "DIAGNOSE", "", "HIGH"));
    m.put("invoice-matching", List.of("DATA_AUDIT", "GO", "CONTROLLED_ROLLOUT", "HIGH"));
    m.put("predictive-maintenance", List.of("DEFINE_CRITERIA", "HOLD", "", "LOW"));
    m.put("quality-control", List.of("DATA_AUDIT", "HOLD", "", "MEDIUM"));
    m.put("sales-assistant", List.of("ACTIVATE_OWNER", "HOLD", "", "LOW"));
    m.put("scrap-prediction", List.of("CONTROLLED_ROLLOUT", "KILL", "", "HIGH"));
    m.put("service-desk-triage", List.of("DEFINE_CRITERIA", "GO", "ACTIVATE_OWNER", "MEDIUM"));
    m.put("support-summaries", List.of("CONTROLLED_ROLLOUT", "GO", "ORG_WIDE_ADOPTION", "HIGH"));
    return m;
  }

  @Test
  void evaluateText_examplePortfolio() {
    CliRun run = CliRun.of("evaluate", "--as-of", AS_OF, PORTFOLIO.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).as(run.toString()).isEmpty();
    List<String> headers = run.out().lines()
        .filter(line -> line.matches("^(GO|HOLD|DIAGNOSE|KILL)  \\S+.*"))
        .toList();
    assertThat(headers).as(run.out()).hasSize(EXPECTED.size());
    EXPECTED.forEach((id, e) -> assertThat(headers)
        .as("block header of " + id)
        .anyMatch(h -> h.startsWith(e.get(1) + "  " + id + " ")));
    TextReport.Symbols symbols = TextReport.Symbols.forCharset(PilotGateCli.outputCharset());
    assertThat(run.out())
        .contains("3 DATA_AUDIT " + symbols.arrow + " 4 CONTROLLED_ROLLOUT")
        .contains("readiness  HIGH, 13" + symbols.range + "18 weeks to full production")
        .contains("BLOCKER  OWNER_DIFFUSE")
        .contains("action: ");
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(lines.size() - 1))
        .isEqualTo("10 pilots as of 2026-06-01: 3 GO, 4 HOLD, 2 DIAGNOSE, 1 KILL (rules " + rulesVersion() + ")");
  }

  @Test
  void evaluateText_blockersBeforeWarnings() {
    CliRun run = CliRun.of("evaluate", "--as-of", AS_OF, PORTFOLIO.resolve("sales-assistant.yaml").toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    String out = run.out();
    String dash = TextReport.Symbols.forCharset(PilotGateCli.outputCharset()).dash;
    assertThat(out).startsWith("HOLD  sales-assistant " + dash + " AI assistant for the sales team\n");
    assertThat(out.indexOf("BLOCKER")).isPositive().isLessThan(out.indexOf("WARNING"));
    assertThat(out).contains("1 pilot as of 2026-06-01: 0 GO, 1 HOLD, 0 DIAGNOSE, 0 KILL");
  }

  @Test
  void evaluateJson_examplePortfolio() throws IOException {
    CliRun run = CliRun.of("evaluate", "--as-of", AS_OF, "--format", "json", PORTFOLIO.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode array = new ObjectMapper().readTree(run.out());
    assertThat(array.isArray()).isTrue();
    assertThat(array).hasSize(EXPECTED.size());
    List<String> ids = new ArrayList<>();
    for (JsonNode d : array) {
      String id = d.path("pilotId").asText();
      ids.add(id);
      List<String> e = EXPECTED.get(id);
      assertThat(e).as("unexpected pilot " + id).isNotNull();
      assertThat(d.path("stage").asText()).as(id).isEqualTo(e.get(0));
      assertThat(d.path("outcome").asText()).as(id).isEqualTo(e.get(1));
      assertThat(d.has("nextStage")).as(id + " has nextStage").isTrue();
      if (e.get(1).equals("GO")) {
        assertThat(d.get("nextStage").asText()).as(id).isEqualTo(e.get(2));
      } else {
        assertThat(d.get("nextStage").isNull()).as(id + " nextStage is null unless GO").isTrue();
      }
      JsonNode readiness = d.path("readiness");
      assertThat(readiness.path("level").asText()).as(id).isEqualTo(e.get(3));
      if (e.get(1).equals("KILL")) {
        // no way forward from a KILL: no weeks, no window
        assertThat(readiness.path("minWeeks").isNull()).as(id).isTrue();
        assertThat(readiness.path("productionBetween").isNull()).as(id).isTrue();
      } else {
        assertThat(readiness.path("minWeeks").isInt()).as(id).isTrue();
        assertThat(readiness.path("maxWeeks").asInt()).as(id).isGreaterThanOrEqualTo(readiness.path("minWeeks").asInt());
      }
      assertThat(d.path("nextReviewOn").asText()).as(id).isEqualTo("2026-06-15");
      assertThat(d.path("findings").isArray()).as(id).isTrue();
      assertThat(d.path("findings")).as(id).isNotEmpty();
      for (JsonNode f : d.path("findings")) {
        for (String field : List.of("code", "rootCause", "severity", "message", "rule")) {
          assertThat(f.path(field).isTextual()).as(id + " finding " + f + " has " + field).isTrue();
        }
        assertThat(f.path("severity").asText()).isIn("BLOCKER", "WARNING", "INFO");
      }
      assertThat(d.path("rulesVersion").asText()).as(id).isEqualTo(rulesVersion());
      assertThat(d.path("asOf").asText()).as(id).isEqualTo(AS_OF);
    }
    assertThat(ids).containsExactlyElementsOf(EXPECTED.keySet()); // files in name order

    JsonNode sales = array.get(ids.indexOf("sales-assistant"));
    assertThat(sales.path("findings").get(0).path("severity").asText()).isEqualTo("BLOCKER");
    assertThat(codes(sales)).contains("OWNER_DIFFUSE", "OWNER_NOT_ACCOUNTABLE", "DATA_DUPLICATES");
    JsonNode quality = array.get(ids.indexOf("quality-control")); // the JSON document
    assertThat(codes(quality)).contains("DATA_SENSOR_BIAS");
  }

  @Test
  void evaluateHtml_examplePortfolio(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("portfolio.html");

    CliRun run = CliRun.of("evaluate", "--as-of", AS_OF, "--format", "html", "--output", file.toString(), PORTFOLIO.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).as(run.toString()).isEmpty();
    assertThat(run.out()).isEqualTo("wrote " + file + ": 10 pilots as of 2026-06-01" + System.lineSeparator());
    assertThat(file).isRegularFile();
    String html = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(html).startsWith("<!DOCTYPE html>");

    Parser parser = Parser.htmlParser().setTrackErrors(100);
    Document doc = Jsoup.parse(html, "", parser);
    assertThat(parser.getErrors()).as("HTML parse errors").isEmpty();
    assertThat(doc.title()).contains("as of 2026-06-01");
    List<Element> rows = doc.select("table.decisions tbody tr");
    assertThat(rows).as("one table row per pilot").hasSize(EXPECTED.size());
    Map<String, String> outcomes = rows.stream()
        .collect(Collectors.toMap(r -> r.attr("data-pilot"), r -> r.attr("data-outcome")));
    EXPECTED.forEach((id, e) -> assertThat(outcomes.get(id)).as("outcome of " + id).isEqualTo(e.get(1)));
    assertThat(doc.select("svg.funnel rect.funnel-pilot")).as("one funnel block per pilot").hasSize(EXPECTED.size());
    assertThat(doc.select("svg.trend-chart")).as("trend charts").isNotEmpty();
    assertThat(doc.text()).contains("rules " + rulesVersion());
    // self-contained: no script, and nothing loaded from elsewhere
    assertThat(doc.select("script, link[href], img[src], iframe, object, embed")).isEmpty();
  }

  @Test
  void evaluateHtml_withoutOutput_isAUsageError() {
    CliRun run = CliRun.of("evaluate", "--as-of", AS_OF, "--format", "html", PORTFOLIO.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("Missing required option: '--output=FILE' (--format html writes the report to a file)")
        .contains("Usage:").doesNotContain(STACK_FRAME);
  }

  @Test
  void evaluateJson_toOutputFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("decisions.json");

    CliRun run = CliRun.of("evaluate", "--as-of", AS_OF, "--format", "json", "--output", file.toString(),
        PORTFOLIO.resolve("quality-control.json").toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("wrote " + file + ": 1 pilot as of 2026-06-01" + System.lineSeparator());
    JsonNode array = new ObjectMapper().readTree(file.toFile());
    assertThat(array).hasSize(1);
    assertThat(array.get(0).path("pilotId").asText()).isEqualTo("quality-control");
  }

  @Test
  void evaluateText_toOutputFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("report.txt");

    CliRun run = CliRun.of("evaluate", "--as-of", AS_OF, "--output", file.toString(), PORTFOLIO.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("wrote " + file + ": 10 pilots as of 2026-06-01" + System.lineSeparator());
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .contains("BLOCKER  OWNER_DIFFUSE")
        .contains("10 pilots as of 2026-06-01: 3 GO, 4 HOLD, 2 DIAGNOSE, 1 KILL");
  }

  @Test
  void outputOption_directoryMissing(@TempDir Path dir) {
    Path file = dir.resolve("no-such-dir").resolve("portfolio.html");

    CliRun run = CliRun.of("evaluate", "--as-of", AS_OF, "--format", "html", "--output", file.toString(), PORTFOLIO.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains(file + ": cannot be written: no such directory")
        .doesNotContain(STACK_FRAME).doesNotContain("Exception");
  }

  @Test
  void outputOption_badPilot_writesNothing(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "id: [unclosed\n");
    Path file = dir.resolve("portfolio.html");

    CliRun run = CliRun.of("evaluate", "--format", "html", "--output", file.toString(), bad.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(file).doesNotExist();
  }

  @Test
  void rulesOption_brokenDrl(@TempDir Path rules) throws IOException {
    copyBundled("policy.properties", rules);
    Files.writeString(rules.resolve("broken.drl"), String.join("\n",
        "package dev.pilotgate.rules;",
        "",
        "rule \"half written\"",
        "when",
        "    Pilot( id == )",
        "then",
        "end",
        ""));

    CliRun run = CliRun.of("evaluate", "--rules", rules.toString(), "--as-of", AS_OF, PORTFOLIO.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains(rules.resolve("broken.drl") + ":5: ");
    assertThat(run.err()).doesNotContain(STACK_FRAME);
  }

  @Test
  void rulesOption_missingDirectory(@TempDir Path tmp) {
    Path missing = tmp.resolve("no-such-rules");

    CliRun run = CliRun.of("evaluate", "--rules", missing.toString(), PORTFOLIO.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    assertThat(run.err()).contains(missing.toString()).doesNotContain(STACK_FRAME);
  }

  @Test
  void rulesOption_noRuleDecides(@TempDir Path rules) throws IOException {
    copyBundled("policy.properties", rules);
    Files.writeString(rules.resolve("silent.drl"), String.join("\n",
        "package dev.pilotgate.rules;",
        "import dev.pilotgate.model.Pilot;",
        "rule \"never fires\"",
        "when",
        "    Pilot( id == \"no such pilot\" )",
        "then",
        "end",
        ""));

    CliRun run = CliRun.of("evaluate", "--rules", rules.toString(), "--as-of", AS_OF,
        PORTFOLIO.resolve("invoice-matching.yaml").toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("pilot 'invoice-matching'").contains("no rule decided an outcome")
        .doesNotContain(STACK_FRAME);
  }

  @Test
  void pilotFile_malformedField(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad-data.yaml");
    Files.writeString(bad, String.join("\n",
        "id: bad-data",
        "stage: DATA_AUDIT",
        "dataSources:",
        "  - name: CRM",
        "    duplicateRate: 1.5",
        "    curatedForDemo: false",
        "    governanceDocumented: true",
        ""));

    CliRun run = CliRun.of("evaluate", "--as-of", AS_OF, bad.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains(bad.toString()).contains("dataSources[0].duplicateRate")
        .doesNotContain(STACK_FRAME).doesNotContain("Exception");
  }

  @Test
  void pilotFile_unknownStageInJson(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("pilot.json");
    Files.writeString(bad, "{\n  \"id\": \"x\",\n  \"stage\": \"PILOTING\"\n}\n");

    CliRun run = CliRun.of("evaluate", bad.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    assertThat(run.err()).contains(bad.toString()).contains("stage").contains("PILOTING")
        .doesNotContain(STACK_FRAME);
  }

  @Test
  void pilotFile_malformedInDirectory(@TempDir Path dir) throws IOException {
    Files.copy(PORTFOLIO.resolve("invoice-matching.yaml"), dir.resolve("a.yaml"));
    Files.writeString(dir.resolve("b.yaml"), "id: [unclosed\n");

    CliRun run = CliRun.of("evaluate", dir.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains(dir.resolve("b.yaml").toString()).doesNotContain(STACK_FRAME);
  }

  @Test
  void pilotFile_problemsInSeveralFiles_eachLineNamesItsOwnFile(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.yaml"), "id: a\nstage: NOPE\n");
    Files.writeString(dir.resolve("b.yaml"), "id: b\nstage: DATA_AUDIT\nimplementationBudget: -5\n");

    CliRun run = CliRun.of("evaluate", dir.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    List<String> lines = run.err().lines().filter(l -> l.startsWith("error: ")).toList();
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("error: " + dir.resolve("a.yaml") + ":2: stage: "));
    assertThat(lines).anySatisfy(l -> assertThat(l)
        .startsWith("error: " + dir.resolve("b.yaml") + ":3: implementationBudget: "));
  }

  @Test
  void pilotFile_duplicateIds(@TempDir Path dir) throws IOException {
    Files.copy(PORTFOLIO.resolve("invoice-matching.yaml"), dir.resolve("a.yaml"));
    Files.copy(PORTFOLIO.resolve("invoice-matching.yaml"), dir.resolve("b.yaml"));

    CliRun run = CliRun.of("evaluate", dir.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    assertThat(run.err()).contains(dir.resolve("b.yaml").toString()).contains("invoice-matching");
  }

  @Test
  void pilotFile_nonexistent(@TempDir Path dir) {
    Path missing = dir.resolve("missing.yaml");

    CliRun run = CliRun.of("evaluate", missing.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains(missing.toString()).doesNotContain(STACK_FRAME);
  }

  @Test
  void pilotDirectory_empty(@TempDir Path dir) {
    CliRun run = CliRun.of("evaluate", dir.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    assertThat(run.err()).contains("no pilot document").contains(dir.toString());
  }

  @Test
  void debugOption_printsStackTrace(@TempDir Path dir) {
    Path missing = dir.resolve("missing.yaml");

    CliRun after = CliRun.of("evaluate", "--debug", missing.toString());
    CliRun before = CliRun.of("--debug", "evaluate", missing.toString());

    for (CliRun run : List.of(after, before)) {
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
      assertThat(run.err()).as(run.toString()).contains(missing.toString()).contains(STACK_FRAME);
    }
  }

  @Test
  void asOfOption_badDate() {
    CliRun run = CliRun.of("evaluate", "--as-of", "2026-13-01", PORTFOLIO.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("--as-of").contains("2026-13-01").contains("YYYY-MM-DD")
        .doesNotContain(STACK_FRAME);
  }

  @Test
  void formatOption_unknownValue() {
    CliRun run = CliRun.of("evaluate", "--format", "xml", PORTFOLIO.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    assertThat(run.err()).contains("--format").contains("xml");
  }

  @Test
  void formatOption_caseInsensitive() {
    CliRun run = CliRun.of("evaluate", "--as-of", AS_OF, "--format", "JSON", PORTFOLIO.resolve("quality-control.json").toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).startsWith("[");
  }

  @Test
  void commandLine_unknownOption() {
    CliRun run = CliRun.of("evaluate", "--colour", PORTFOLIO.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    assertThat(run.err()).contains("Unknown option: '--colour'");
  }

  @Test
  void commandLine_missingFiles() {
    CliRun run = CliRun.of("evaluate");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    assertThat(run.err()).contains("FILE|DIR");
  }

  @Test
  void commandLine_noSubcommand() {
    CliRun run = CliRun.of();

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PilotGateCli.EXIT_BAD_INPUT);
    assertThat(run.err()).contains("evaluate");
  }

  @Test
  void commandLine_help() {
    CliRun run = CliRun.of("evaluate", "--help");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("--rules=DIR", "--as-of=YYYY-MM-DD", "--format=text|json|html", "--output=FILE", "FILE|DIR");
  }

  private static List<String> codes(JsonNode decision) {
    List<String> codes = new ArrayList<>();
    decision.path("findings").forEach(f -> codes.add(f.path("code").asText()));
    return codes;
  }

  private static String rulesVersion;

  private static synchronized String rulesVersion() {
    if (rulesVersion == null) {
      rulesVersion = dev.pilotgate.GateEvaluator.create().rulesVersion();
    }
    return rulesVersion;
  }

  private static void copyBundled(String name, Path dir) throws IOException {
    try (InputStream in = Objects.requireNonNull(
        EvaluateCommandTest.class.getClassLoader().getResourceAsStream("dev/pilotgate/rules/" + name), name)) {
      Files.copy(in, dir.resolve(name));
    }
  }
}
