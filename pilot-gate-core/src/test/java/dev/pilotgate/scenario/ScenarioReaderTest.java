package dev.pilotgate.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.io.PilotDocumentException;
import dev.pilotgate.model.GateOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioReaderTest {
  private static final ScenarioReader READER = ScenarioReader.create();

  private static final String TWO = """
      name: no criteria holds stage 1
      asOf: 2026-06-01
      pilot: { id: a, stage: DEFINE_CRITERIA }
      expect:
        outcome: HOLD
        findings: [CRITERIA_MISSING]
        absent: [CRITERIA_DEFINED]
      ---
      name: wrong on purpose
      asOf: 2026-06-01
      pilot: { id: b, stage: DEFINE_CRITERIA }
      expect:
        outcome: GO
        findings: [CRITERIA_DEFINED]
        absent: [CRITERIA_MISSING]
      """;

  @Test
  void read_severalDocuments_giveSeveralScenariosWithNumberedSources() {
    List<Scenario> scenarios = READER.read(TWO, "s.yaml", null);
    assertThat(scenarios).extracting(Scenario::source).containsExactly("s.yaml#1", "s.yaml#2");
    assertThat(scenarios.get(0).asOf()).isEqualTo(LocalDate.of(2026, 6, 1));
    assertThat(scenarios.get(0).expect().outcome()).isEqualTo(GateOutcome.HOLD);
    assertThat(scenarios.get(1).pilot().id()).isEqualTo("b");
  }

  @Test
  void run_passingAndFailingScenarios_reportWhatDiffers() {
    List<ScenarioResult> results = ScenarioRunner.runAll(GateEvaluator.create()::explain, READER.read(TWO, "s.yaml", null));
    assertThat(results.get(0).passed()).isTrue();
    assertThat(results.get(0).problems()).isEmpty();
    ScenarioResult failed = results.get(1);
    assertThat(failed.passed()).isFalse();
    assertThat(failed.problems()).contains(
        "expected outcome GO but was HOLD",
        "missing findings: CRITERIA_DEFINED",
        "unexpected findings: CRITERIA_MISSING");
  }

  @Test
  void read_pilotFile_isRelativeToTheScenarioFile(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("pilots"));
    Files.writeString(dir.resolve("pilots/p.yaml"), "id: from-file\nstage: DATA_AUDIT\n");
    Path scenarios = Files.createDirectories(dir.resolve("scenarios"));
    Path file = Files.writeString(scenarios.resolve("x.yaml"), """
        name: reads the pilot file
        asOf: 2026-06-01
        pilotFile: ../pilots/p.yaml
        expect: { findings: [DATA_NO_SOURCES] }
        """);
    assertThat(READER.readAll(List.of(dir.resolve("scenarios")))).singleElement()
        .satisfies(s -> assertThat(s.pilot().id()).isEqualTo("from-file"));
    assertThat(READER.read(file).get(0).expect().outcome()).isNull();
  }

  @Test
  void read_pilotFileWithoutADisk_isRefused() {
    assertThatThrownBy(() -> READER.read("name: n\nasOf: 2026-06-01\npilotFile: p.yaml\nexpect: {}\n", "s.yaml", null))
        .isInstanceOf(PilotDocumentException.class)
        .hasMessage("s.yaml#1: pilotFile: needs a scenario file on disk; give the pilot inline");
  }

  @Test
  void read_missingParts_areAllNamed() {
    assertThatThrownBy(() -> READER.read("expect: {}\n", "s.yaml", null))
        .isInstanceOfSatisfying(PilotDocumentException.class, e -> assertThat(e.problems())
            .extracting(Object::toString)
            .containsExactly("name: is required", "asOf: is required",
                "pilot: give exactly one of pilot (inline) and pilotFile"));
  }

  @Test
  void read_malformedPilotField_namesThePathInsideTheScenario() {
    String doc = "name: n\nasOf: 2026-06-01\npilot:\n  id: a\n  stage: NOPE\nexpect: {}\n";
    assertThatThrownBy(() -> READER.read(doc, "s.yaml", null))
        .isInstanceOfSatisfying(PilotDocumentException.class, e -> {
          assertThat(e.problems().get(0).path()).isEqualTo("pilot.stage");
          assertThat(e.problems().get(0).line()).isEqualTo(5);
          assertThat(e.getMessage()).startsWith("s.yaml:5: pilot.stage: must be one of [DEFINE_CRITERIA");
        });
  }

  @Test
  void read_unknownExpectationKey_isRefused() {
    String doc = "name: n\nasOf: 2026-06-01\npilot: { id: a, stage: DATA_AUDIT }\nexpect: { outcomes: GO }\n";
    assertThatThrownBy(() -> READER.read(doc, "s.yaml", null))
        .isInstanceOf(PilotDocumentException.class)
        .hasMessageContaining("expect.outcomes: unknown field; known fields here: absent, findings, outcome, readiness");
  }

  @Test
  void read_codeBothExpectedAndAbsent_isRefused() {
    String doc = "name: n\nasOf: 2026-06-01\npilot: { id: a, stage: DATA_AUDIT }\n"
        + "expect: { findings: [X], absent: [X] }\n";
    assertThatThrownBy(() -> READER.read(doc, "s.yaml", null))
        .isInstanceOf(PilotDocumentException.class)
        .hasMessageContaining("expect: findings and absent both name [X]");
  }

  @Test
  void run_readinessExpectation_isChecked() {
    String doc = "name: n\nasOf: 2026-06-01\npilot: { id: a, stage: DEFINE_CRITERIA }\n"
        + "expect: { outcome: HOLD, readiness: HIGH }\n";
    ScenarioResult result = ScenarioRunner.run(GateEvaluator.create()::explain, READER.read(doc, "s.yaml", null).get(0));
    assertThat(result.passed()).isFalse();
    assertThat(result.problems()).first().isEqualTo("expected readiness HIGH but was LOW");
  }

  @Test
  void read_emptyFile_isRefused() {
    assertThatThrownBy(() -> READER.read("# nothing\n", "s.yaml", null))
        .isInstanceOf(PilotDocumentException.class)
        .hasMessage("s.yaml: holds no scenario");
  }
}
