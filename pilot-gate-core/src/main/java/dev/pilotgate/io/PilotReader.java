package dev.pilotgate.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.pilotgate.model.InvalidFieldException;
import dev.pilotgate.model.Pilot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
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
    this.yaml = configure(YAMLMapper.builder(new YAMLFactory())).build();
    this.json = configure(JsonMapper.builder()).build();
  }

  /** A reader with the strict settings above. */
  public static PilotReader create() {
    return new PilotReader();
  }

  private static <M extends ObjectMapper, B extends com.fasterxml.jackson.databind.cfg.MapperBuilder<M, B>> B configure(B b) {
    b.addModule(new JavaTimeModule())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        // An absent flag (accountable, governanceDocumented, ...) reads as false, as the model documents.
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    b.withCoercionConfig(LogicalType.Textual, c -> c
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    b.withCoercionConfig(LogicalType.Boolean, c -> c
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail));
    b.withCoercionConfigDefaults(c -> c
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
    return b;
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
      throw new PilotDocumentException(sourceName, List.of(problem(e)));
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

  private static DocumentProblem problem(JsonProcessingException e) {
    int line = line(e.getLocation());
    if (!(e instanceof JsonMappingException m)) {
      return new DocumentProblem("", "is not well-formed: " + e.getOriginalMessage(), line);
    }
    String path = path(m.getPath());
    if (m instanceof UnrecognizedPropertyException u) {
      String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
          .map(Object::toString).sorted().collect(Collectors.joining(", "));
      return new DocumentProblem(path, "unknown field; known fields here: " + known, line);
    }
    if (m instanceof ValueInstantiationException v && v.getCause() instanceof InvalidFieldException f) {
      return new DocumentProblem(join(path, f.field()), f.problem(), line);
    }
    if (m instanceof ValueInstantiationException v && v.getCause() != null) {
      return new DocumentProblem(path, v.getCause().getMessage(), line);
    }
    if (m instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
      return new DocumentProblem(path, "must be one of " + Arrays.toString(f.getTargetType().getEnumConstants())
          + " but was '" + f.getValue() + "'", line);
    }
    if (m instanceof InvalidFormatException f) {
      return new DocumentProblem(path, "must be " + describe(f.getTargetType()) + " but was '" + f.getValue() + "'", line);
    }
    if (m instanceof MismatchedInputException mi && mi.getTargetType() != null) {
      return new DocumentProblem(path, "must be " + describe(mi.getTargetType()) + " (" + firstLine(mi.getOriginalMessage()) + ")", line);
    }
    return new DocumentProblem(path, firstLine(m.getOriginalMessage()), line);
  }

  private static String describe(Class<?> type) {
    if (type == double.class || type == Double.class) {
      return "a number";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a text";
    }
    if (type == java.time.LocalDate.class) {
      return "an ISO date (YYYY-MM-DD)";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "an object";
    }
    return "a " + type.getSimpleName();
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private static int line(JsonLocation location) {
    return location == null ? 0 : Math.max(location.getLineNr(), 0);
  }

  private static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : refs) {
      if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      } else if (r.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      }
    }
    return sb.toString();
  }

  private static String join(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }
}
