package dev.pilotgate.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pilotgate.io.PilotReader.Format;
import dev.pilotgate.model.Direction;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.MetricKind;
import dev.pilotgate.model.OwnerKind;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.Stage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PilotReaderTest {
  private static final PilotReader READER = PilotReader.create();

  static Path resource(String name) {
    try {
      return Path.of(PilotReaderTest.class.getResource("/documents/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String yaml() throws IOException {
    return Files.readString(resource("sales-assistant.yaml"));
  }

  @Test
  void read_yamlAndJson_giveTheSamePilot() {
    Pilot fromYaml = READER.read(resource("sales-assistant.yaml"));
    Pilot fromJson = READER.read(resource("sales-assistant.json"));
    assertThat(fromJson).isEqualTo(fromYaml);
  }

  @Test
  void read_yaml_mapsEveryPart() {
    Pilot p = READER.read(resource("sales-assistant.yaml"));
    assertThat(p.id()).isEqualTo("sales-assistant");
    assertThat(p.stage()).isEqualTo(Stage.CONTROLLED_ROLLOUT);
    assertThat(p.launchedOn()).isEqualTo(LocalDate.of(2026, 1, 5));
    assertThat(p.implementationBudget()).isEqualTo(40000.0);
    var c = p.successCriteria().get(0);
    assertThat(c.kind()).isEqualTo(MetricKind.BUSINESS);
    assertThat(c.direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
    assertThat(c.baseline()).isEqualTo(0.10);
    assertThat(c.deadlineOn()).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(p.owner().kind()).isEqualTo(OwnerKind.INDIVIDUAL);
    assertThat(p.owner().accountable()).isTrue();
    assertThat(p.dataSources().get(0).deviceOffsets()).isEqualTo(Map.of("machine-7", 0.12));
    assertThat(p.rollout().earlyAdopters()).containsExactly("ann", "bo", "cy", "dee", "ed");
    assertThat(p.usage().get(0).sessions()).isEqualTo(3);
    assertThat(p.observations().get(0).value()).isEqualTo(0.12);
    assertThat(p.playbook().trainingByRole()).containsEntry("manager", false);
    assertThat(p.decisions().get(0).outcome()).isEqualTo(GateOutcome.DIAGNOSE);
  }

  @Test
  void read_minimalDocument_defaultsAbsentParts() {
    Pilot p = READER.read("id: x\nstage: DEFINE_CRITERIA\n", Format.YAML, "mem");
    assertThat(p.name()).isEqualTo("x");
    assertThat(p.successCriteria()).isEmpty();
    assertThat(p.owner()).isNull();
    assertThat(p.dataSources()).isEmpty();
  }

  /** Each malformed field names its path, says what is wrong, and gives the line. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      baseline: 0.10                | baseline: abc                  | successCriteria[0].baseline          | must be a number
      baseline: 0.10                | baseline: "0.10"               | successCriteria[0].baseline          | must be a number
      launchedOn: 2026-01-05        | launchedOn: 2026-13-05         | launchedOn                           | must be an ISO date (YYYY-MM-DD)
      kind: BUSINESS                | kind: BUSINES                  | successCriteria[0].kind              | must be one of [BUSINESS, TECHNOLOGY] but was 'BUSINES'
      stage: CONTROLLED_ROLLOUT     | stage: ROLLOUT                 | stage                                | must be one of [DEFINE_CRITERIA, ACTIVATE_OWNER
      eligibleUsers: 49             | eligibleUsers: 4.5             | rollout.eligibleUsers                | must be a whole number
      accountable: true             | accountable: yes please        | owner.accountable                    | must be true or false
      duplicateRate: 0.08           | duplicateRate: 1.5             | dataSources[0].duplicateRate         | must be between 0 and 1 but was 1.5
      duplicateRate: 0.08           | duplicateRat: 0.08             | dataSources[0].duplicateRat          | unknown field; known fields here: auditedOn, curatedForDemo
      deployedUsers: 5              | deployedUsers: 50              | rollout.deployedUsers                | (50) must not exceed eligibleUsers (49)
      earlyAdopters: [ann, bo, cy, dee, ed] | earlyAdopters: [ann, bo, ann] | rollout.earlyAdopters[2]      | repeats 'ann'
      "  - metric: ai_assisted_outreach_share" | "  - metric: ''" | successCriteria[0].metric                 | must not be blank
      machine-7: 0.12               | machine-7: high                | dataSources[0].deviceOffsets.machine-7 | must be a number
      "  - { user: ann, date: 2026-02-02, sessions: 3 }" | "  - { date: 2026-02-02, sessions: 3 }" | usage[0].user | is required
      id: sales-assistant           | id: 42                         | id                                   | must be a text
      """)
  void read_malformedField_namesPathAndProblem(String original, String replacement, String path, String message)
      throws IOException {
    String doc = yaml();
    assertThat(doc).contains(original);
    String broken = doc.replace(original, replacement);
    assertThatThrownBy(() -> READER.read(broken, Format.YAML, "pilots/sales.yaml"))
        .isInstanceOfSatisfying(PilotDocumentException.class, e -> {
          assertThat(e.source()).isEqualTo("pilots/sales.yaml");
          // the replacement may break the same text in several places: each is reported
          assertThat(e.problems()).extracting(DocumentProblem::path).contains(path);
          DocumentProblem problem = e.problems().stream().filter(p -> p.path().equals(path)).findFirst().orElseThrow();
          assertThat(problem.path()).isEqualTo(path);
          assertThat(problem.message()).contains(message);
          assertThat(problem.line()).isPositive();
          assertThat(e.getMessage()).contains("pilots/sales.yaml:" + problem.line() + ": " + path + ": ");
        });
  }

  @Test
  void read_missingRequiredId_namesIt() {
    assertThatThrownBy(() -> READER.read("stage: DEFINE_CRITERIA\n", Format.YAML, "x.yaml"))
        .isInstanceOf(PilotDocumentException.class)
        .hasMessageContaining("x.yaml:")
        .hasMessageEndingWith("id: is required (a non-blank text)");
  }

  @Test
  void read_duplicateKey_isAnError() {
    assertThatThrownBy(() -> READER.read("{\"id\":\"a\",\"id\":\"b\",\"stage\":\"DEFINE_CRITERIA\"}", Format.JSON, "x.json"))
        .isInstanceOf(PilotDocumentException.class)
        .hasMessage("x.json:1: id: is given twice (first on line 1, again on line 1); give each field once");
  }

  @Test
  void read_brokenJsonSyntax_namesTheLine() {
    assertThatThrownBy(() -> READER.read("{\n\"id\": \"a\",\n\"stage\": }", Format.JSON, "x.json"))
        .isInstanceOfSatisfying(PilotDocumentException.class, e -> {
          assertThat(e.problems().get(0).line()).isEqualTo(3);
          assertThat(e.getMessage()).startsWith("x.json:3: stage: is not well-formed JSON: Unexpected character");
        });
  }

  @Test
  void read_emptyDocument_isAnError() {
    assertThatThrownBy(() -> READER.read("", Format.YAML, "empty.yaml"))
        .isInstanceOf(PilotDocumentException.class)
        .hasMessage("empty.yaml: is empty: expected a pilot document with at least id and stage");
  }

  @Test
  void readAll_directory_readsDocumentsInNameOrder(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("b.yaml"), "id: b\nstage: DEFINE_CRITERIA\n");
    Files.writeString(dir.resolve("a.json"), "{\"id\": \"a\", \"stage\": \"DATA_AUDIT\"}");
    Files.writeString(dir.resolve("notes.txt"), "not a pilot");
    List<Pilot> pilots = READER.readAll(List.of(dir));
    assertThat(pilots).extracting(Pilot::id).containsExactly("a", "b");
  }

  @Test
  void readAll_duplicateIds_areRefused(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.yaml"), "id: same\nstage: DEFINE_CRITERIA\n");
    Files.writeString(dir.resolve("b.yaml"), "id: same\nstage: DEFINE_CRITERIA\n");
    assertThatThrownBy(() -> READER.readAll(List.of(dir)))
        .isInstanceOf(PilotDocumentException.class)
        .hasMessageContaining("b.yaml:1: id: pilot id 'same' is already used by")
        .hasMessageContaining("a.yaml");
  }

  @Test
  void readAll_missingFile_isNamed(@TempDir Path dir) {
    Path missing = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> READER.readAll(List.of(missing)))
        .isInstanceOf(PilotDocumentException.class)
        .hasMessage(missing + ": does not exist: give a pilot document or a directory of them");
  }

  @Test
  void read_unsupportedExtension_isRefused(@TempDir Path dir) throws IOException {
    Path txt = Files.writeString(dir.resolve("pilot.txt"), "id: a");
    assertThatThrownBy(() -> READER.read(txt))
        .isInstanceOf(PilotDocumentException.class)
        .hasMessageContaining("expected a .yaml, .yml or .json file");
  }
}
