package dev.pilotgate.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pilotgate.internal.io.StrictMappers;
import dev.pilotgate.model.Pilot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads pilot documents (DESIGN §3) from YAML or JSON into {@link Pilot}s.
 *
 * <p>Strict: an unknown field, a value of the wrong type (a string where a number belongs,
 * a fraction where a whole number belongs), a duplicate key, a malformed ISO date, an
 * unknown enum name or a value the model refuses is a {@link PilotDocumentException} that
 * names the file, the field path (e.g. {@code successCriteria[0].baseline}) and the line.
 * A document is read whole or not at all. Thread-safe; create once and share.
 */
public final class PilotReader {
  /** The document formats; chosen by file extension for files. */
  public enum Format { YAML, JSON }

  private final ObjectMapper yaml;
  private final ObjectMapper json;

  private PilotReader() {
    this.yaml = StrictMappers.YAML;
    this.json = StrictMappers.JSON;
  }

  /** A reader with the strict settings above. */
  public static PilotReader create() {
    return new PilotReader();
  }

  /**
   * Reads one pilot document: YAML for {@code .yaml}/{@code .yml}, JSON for {@code .json}.
   *
   * @throws PilotDocumentException naming the file, the field path and the line of the problem
   */
  public Pilot read(Path file) {
    String source = file.toString();
    Format format = formatOf(file);
    if (format == null) {
      throw new PilotDocumentException(source, List.of(new DocumentProblem("",
          "is not a pilot document: expected a .yaml, .yml or .json file", 0)));
    }
    String content;
    try {
      content = Files.readString(file);
    } catch (IOException e) {
      throw new PilotDocumentException(source, List.of(new DocumentProblem("", "cannot be read: " + e, 0)));
    }
    return read(content, format, source);
  }

  /**
   * Reads one pilot document from text.
   *
   * @param sourceName how to name the document in errors (a file name, a request)
   * @throws PilotDocumentException naming the field path and the line of the problem
   */
  public Pilot read(String content, Format format, String sourceName) {
    ObjectMapper mapper = format == Format.YAML ? yaml : json;
    if (content.isBlank()) {
      throw new PilotDocumentException(sourceName, List.of(new DocumentProblem("", "is empty: expected a pilot document", 0)));
    }
    Pilot pilot;
    try {
      pilot = mapper.readValue(content, Pilot.class);
    } catch (JsonProcessingException e) {
      throw new PilotDocumentException(sourceName, List.of(StrictMappers.problem(e)));
    }
    if (pilot == null) {
      throw new PilotDocumentException(sourceName, List.of(new DocumentProblem("", "is empty: expected a pilot document", 0)));
    }
    return pilot;
  }

  /**
   * Reads a portfolio: each path is a document, or a directory whose {@code *.yaml},
   * {@code *.yml} and {@code *.json} files are read in name order (not recursively).
   *
   * @throws PilotDocumentException for the first unreadable document, or when two documents share a pilot id
   */
  public List<Pilot> readAll(List<Path> filesOrDirectories) {
    List<Path> files = new ArrayList<>();
    for (Path p : filesOrDirectories) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> listing = Files.list(p)) {
          listing.filter(f -> Files.isRegularFile(f) && formatOf(f) != null).sorted().forEach(files::add);
        } catch (IOException e) {
          throw new PilotDocumentException(p.toString(), List.of(new DocumentProblem("", "cannot be listed: " + e, 0)));
        }
      } else if (Files.exists(p)) {
        files.add(p);
      } else {
        throw new PilotDocumentException(p.toString(), List.of(new DocumentProblem("", "does not exist", 0)));
      }
    }
    List<Pilot> pilots = new ArrayList<>();
    Map<String, Path> seen = new HashMap<>();
    for (Path f : files) {
      Pilot pilot = read(f);
      Path earlier = seen.putIfAbsent(pilot.id(), f);
      if (earlier != null) {
        throw new PilotDocumentException(f.toString(), List.of(new DocumentProblem("id",
            "pilot id '" + pilot.id() + "' is already used by " + earlier + "; ids must be unique in a portfolio", 0)));
      }
      pilots.add(pilot);
    }
    return pilots;
  }

  /** The format for a file name, or {@code null} when it is not a pilot document. */
  public static Format formatOf(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return Format.YAML;
    }
    return name.endsWith(".json") ? Format.JSON : null;
  }
}
