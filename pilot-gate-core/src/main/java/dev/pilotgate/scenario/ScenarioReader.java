package dev.pilotgate.scenario;

import dev.pilotgate.internal.io.DocumentParser;
import dev.pilotgate.internal.io.Node;
import dev.pilotgate.internal.io.Problems;
import dev.pilotgate.internal.io.RecordBinder;
import dev.pilotgate.io.DocumentProblem;
import dev.pilotgate.io.PilotDocumentException;
import dev.pilotgate.io.PilotReader;
import dev.pilotgate.io.PilotValidationException;
import dev.pilotgate.model.Pilot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads scenario files (docs/pilot-document.md, scenario files): YAML, one or more scenarios per file separated by
 * {@code ---}. A scenario holds its pilot inline ({@code pilot:}) or names a pilot document
 * relative to the scenario file ({@code pilotFile:}). Strict like {@link PilotReader}:
 * problems are {@link PilotDocumentException}s naming file, line and field path. Thread-safe.
 */
public final class ScenarioReader {
  /** File name endings that hold scenarios. */
  private static final List<String> EXTENSIONS = List.of(".yaml", ".yml");

  private final PilotReader pilots = PilotReader.create();
  private final DocumentParser parser = new DocumentParser(new DocumentParser.Limits(
      PilotReader.DEFAULT_MAX_DOCUMENT_SIZE, PilotReader.DEFAULT_MAX_NESTING_DEPTH, PilotReader.DEFAULT_MAX_STRING_LENGTH));

  private ScenarioReader() {}

  public static ScenarioReader create() {
    return new ScenarioReader();
  }

  /** The document shape, bound strictly (every problem at once) by {@link RecordBinder}. */
  record ScenarioDocument(String name, LocalDate asOf, Pilot pilot, String pilotFile, Scenario.Expectation expect) {}

  /** Reads every scenario in {@code file}; {@code pilotFile} paths are relative to the file's folder. */
  public List<Scenario> read(Path file) {
    String content;
    try {
      if (Files.size(file) > PilotReader.DEFAULT_MAX_DOCUMENT_SIZE) {
        throw new PilotValidationException(file.toString(), List.of(new DocumentProblem("", "is " + Files.size(file)
            + " bytes; the limit is " + PilotReader.DEFAULT_MAX_DOCUMENT_SIZE + " bytes: split the scenarios into "
            + "several files", 0)));
      }
      content = Files.readString(file);
    } catch (IOException e) {
      throw new PilotDocumentException(file.toString(), List.of(new DocumentProblem("", "cannot be read: " + e, 0)));
    }
    return read(content, file.toString(), file.toAbsolutePath().getParent());
  }

  /**
   * Reads every scenario in {@code content}.
   *
   * @param source  how to name the file in errors and in {@link Scenario#source()}
   * @param baseDir the folder {@code pilotFile} paths are relative to, or {@code null} when the
   *                scenarios are not on disk (then {@code pilotFile} is refused)
   * @throws PilotDocumentException with every problem of the file's scenarios
   */
  public List<Scenario> read(String content, String source, Path baseDir) {
    Problems problems = new Problems(PilotReader.MAX_PROBLEMS);
    List<Node> documents = parser.parse(content, true, problems);
    if (documents == null) {
      throw new PilotValidationException(source, problems.list(DocumentProblem::of));
    }
    List<ScenarioDocument> docs = new ArrayList<>();
    for (Node doc : documents) {
      docs.add(RecordBinder.bind(ScenarioDocument.class, doc, "", problems));
    }
    if (!problems.isEmpty()) {
      throw new PilotValidationException(source, problems.list(DocumentProblem::of));
    }
    List<Scenario> scenarios = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      scenarios.add(toScenario(docs.get(i), baseDir, source + "#" + (i + 1), documents.get(i).line()));
    }
    if (scenarios.isEmpty()) {
      throw new PilotDocumentException(source, List.of(new DocumentProblem("", "holds no scenario", 0)));
    }
    return scenarios;
  }

  /** Reads scenario files and the {@code *.yaml}/{@code *.yml} files of directories (recursively), in path order. */
  public List<Scenario> readAll(List<Path> filesOrDirectories) {
    List<Path> files = new ArrayList<>();
    for (Path p : filesOrDirectories) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile).filter(ScenarioReader::isScenarioFile).sorted().forEach(files::add);
        } catch (IOException e) {
          throw new PilotDocumentException(p.toString(), List.of(new DocumentProblem("", "cannot be listed: " + e, 0)));
        }
      } else if (Files.exists(p)) {
        files.add(p);
      } else {
        throw new PilotDocumentException(p.toString(), List.of(new DocumentProblem("", "does not exist", 0)));
      }
    }
    List<Scenario> all = new ArrayList<>();
    for (Path f : files) {
      all.addAll(read(f));
    }
    return all;
  }

  static boolean isScenarioFile(Path p) {
    String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return EXTENSIONS.stream().anyMatch(name::endsWith);
  }

  private Scenario toScenario(ScenarioDocument doc, Path baseDir, String source, int line) {
    List<DocumentProblem> problems = new ArrayList<>();
    if (doc.name() == null || doc.name().isBlank()) {
      problems.add(new DocumentProblem("name", "is required", 0));
    }
    if (doc.asOf() == null) {
      problems.add(new DocumentProblem("asOf", "is required", 0));
    }
    if (doc.expect() == null) {
      problems.add(new DocumentProblem("expect", "is required", 0));
    }
    if ((doc.pilot() == null) == (doc.pilotFile() == null)) {
      problems.add(new DocumentProblem("pilot", "give exactly one of pilot (inline) and pilotFile", 0));
    }
    if (doc.pilotFile() != null && baseDir == null) {
      problems.add(new DocumentProblem("pilotFile", "needs a scenario file on disk; give the pilot inline", 0));
    }
    if (!problems.isEmpty()) {
      throw new PilotDocumentException(source, problems);
    }
    Pilot pilot = doc.pilot() != null ? doc.pilot() : pilots.read(baseDir.resolve(doc.pilotFile()).normalize());
    return new Scenario(doc.name(), source, line, doc.asOf(), pilot, doc.expect());
  }
}
