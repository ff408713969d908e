package dev.pilotgate.io;

import dev.pilotgate.internal.io.DocumentParser;
import dev.pilotgate.internal.io.Node;
import dev.pilotgate.internal.io.Problems;
import dev.pilotgate.internal.io.RecordBinder;
import dev.pilotgate.model.Pilot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads pilot documents (docs/pilot-document.md) from YAML or JSON into {@link Pilot}s.
 *
 * <p>Strict, and complete in its answer: every problem of a document is reported at once as a
 * {@link PilotValidationException}, each with the file, the line, the field path (e.g.
 * {@code successCriteria[0].baseline}), the value as written, and what would be right:
 * unknown fields (with the known ones), values of the wrong type, malformed ISO dates, unknown
 * enum names (with the allowed ones), missing required fields, repeated keys, and every value
 * the model refuses (rates outside [0, 1], negative counts, NaN or infinite numbers,
 * {@code deployedUsers} above {@code eligibleUsers}, repeated early adopters, {@code launchedOn}
 * after {@code plannedEndOn}, a criterion's {@code deadlineOn} before {@code launchedOn}, dates
 * outside the years 1900 to 2200 or years before the pilot's design started, numbers not in plain
 * decimal, early adopters named twice however written). A
 * document is read whole or not at all.
 *
 * <p>Hostile documents are refused cheaply: documents larger than {@link Builder#maxDocumentSize}
 * (default 5 MB) are not read, nesting deeper than {@link Builder#maxNestingDepth} (default 50)
 * and texts longer than {@link Builder#maxStringLength} (default 10,000) stop the parse, and YAML
 * aliases and tags (other than the core schema's) are refused, so no "billion laughs" can expand
 * and no type is ever constructed from a document.
 *
 * <p>Thread-safe; create once and share.
 */
public final class PilotReader {
  /** The document formats; chosen by file extension for files. */
  public enum Format { YAML, JSON }

  /** Default {@link Builder#maxDocumentSize}: 5 MB. */
  public static final long DEFAULT_MAX_DOCUMENT_SIZE = 5L * 1024 * 1024;
  /** Default {@link Builder#maxNestingDepth}. */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 50;
  /** Default {@link Builder#maxStringLength}. */
  public static final int DEFAULT_MAX_STRING_LENGTH = 10_000;
  /** At most this many problems are listed per document; a last one says how many more there were. */
  public static final int MAX_PROBLEMS = 100;

  private final DocumentParser parser;

  private PilotReader(DocumentParser parser) {
    this.parser = parser;
  }

  /** A reader with the default limits. */
  public static PilotReader create() {
    return builder().build();
  }

  /** A builder for a reader with other limits. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads one pilot document: YAML for {@code .yaml}/{@code .yml}, JSON for {@code .json}.
   *
   * @throws PilotValidationException with every problem, each naming the file, the field path and the line
   */
  public Pilot read(Path file) {
    return parsedOrThrow(readFile(file), file.toString()).pilot;
  }

  /**
   * Reads one pilot document from text.
   *
   * @param sourceName how to name the document in errors (a file name, a request)
   * @throws PilotValidationException with every problem, each naming the field path and the line
   */
  public Pilot read(String content, Format format, String sourceName) {
    return parsedOrThrow(parse(content, format), sourceName).pilot;
  }

  /**
   * Every problem of a document, without throwing: empty when {@link #read(String, Format, String)}
   * would return a pilot. For editors and forms that show all problems beside the text.
   */
  public List<DocumentProblem> validate(String content, Format format, String sourceName) {
    return parse(content, format).problems.stream().map(p -> p.in(sourceName)).toList();
  }

  /**
   * Reads a portfolio: each path is a document, or a directory whose {@code *.yaml},
   * {@code *.yml} and {@code *.json} files are read in name order (not recursively).
   *
   * @throws PilotValidationException with every problem of every document, and one for each
   *     document whose pilot id an earlier document already uses (every such pair is named)
   */
  public List<Pilot> readAll(List<Path> filesOrDirectories) {
    List<DocumentProblem> problems = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (Path p : filesOrDirectories) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> listing = Files.list(p)) {
          listing.filter(f -> Files.isRegularFile(f) && formatOf(f) != null).sorted().forEach(files::add);
        } catch (IOException e) {
          problems.add(new DocumentProblem(p.toString(), "", null, "cannot be listed: " + e.getMessage(), 0));
        }
      } else if (Files.exists(p)) {
        files.add(p);
      } else {
        problems.add(new DocumentProblem(p.toString(), "", null, "does not exist: give a pilot document or a "
            + "directory of them", 0));
      }
    }
    List<Pilot> pilots = new ArrayList<>();
    Map<String, List<Path>> byId = new LinkedHashMap<>();
    for (Path f : files) {
      Parsed parsed = readFile(f);
      if (!parsed.problems.isEmpty()) {
        parsed.problems.forEach(p -> problems.add(p.in(f.toString())));
        continue;
      }
      List<Path> earlier = byId.computeIfAbsent(parsed.pilot.id(), id -> new ArrayList<>());
      if (!earlier.isEmpty()) {
        problems.add(new DocumentProblem(f.toString(), "id", parsed.pilot.id(), "pilot id '" + parsed.pilot.id()
            + "' is already used by " + earlier.stream().map(Path::toString).collect(Collectors.joining(" and "))
            + "; ids must be unique in a portfolio: give this pilot another id", parsed.idLine));
      }
      earlier.add(f);
      pilots.add(parsed.pilot);
    }
    if (!problems.isEmpty()) {
      Set<String> sources = new LinkedHashSet<>();
      problems.forEach(p -> sources.add(p.source()));
      throw new PilotValidationException(String.join(", ", sources), problems);
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

  /** The limits this reader applies. */
  public long maxDocumentSize() {
    return parser.limits().maxDocumentSize();
  }

  private static PilotReader.Parsed parsedOrThrow(Parsed parsed, String source) {
    if (!parsed.problems.isEmpty()) {
      throw new PilotValidationException(source, parsed.problems);
    }
    return parsed;
  }

  private Parsed readFile(Path file) {
    Format format = formatOf(file);
    if (format == null) {
      return Parsed.failed(new DocumentProblem("", "is not a pilot document: expected a .yaml, .yml or .json file", 0));
    }
    long max = parser.limits().maxDocumentSize();
    byte[] bytes;
    try {
      if (Files.isRegularFile(file) && Files.size(file) > max) {
        return Parsed.failed(tooLarge(Files.size(file), max));
      }
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      }
    } catch (IOException e) {
      return Parsed.failed(new DocumentProblem("", "cannot be read: " + e, 0));
    }
    if (bytes.length > max) {
      return Parsed.failed(tooLarge(bytes.length, max));
    }
    String content;
    try {
      content = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return Parsed.failed(new DocumentProblem("", "is not UTF-8 text: save it as UTF-8", 0));
    }
    return parse(content, format);
  }

  private static DocumentProblem tooLarge(long size, long max) {
    return new DocumentProblem("", "is " + size + " bytes; the limit is " + max + " bytes: split the document, or "
        + "raise PilotReader.builder().maxDocumentSize(...)", 0);
  }

  private Parsed parse(String content, Format format) {
    Problems problems = new Problems(MAX_PROBLEMS);
    List<Node> documents = parser.parse(content, format == Format.YAML, problems);
    if (documents == null) {
      return new Parsed(null, problems.list(DocumentProblem::of), 0);
    }
    if (documents.isEmpty()) {
      return Parsed.failed(new DocumentProblem("", "is empty: expected a pilot document with at least id and stage", 0));
    }
    if (documents.size() > 1) {
      problems.add("", null, "holds " + documents.size() + " documents (another starts on line "
          + documents.get(1).line() + "); a pilot file holds one pilot", documents.get(1).line());
    }
    Node root = documents.get(0);
    Pilot pilot = RecordBinder.bind(Pilot.class, root, "", problems);
    if (!problems.isEmpty()) {
      return new Parsed(null, problems.list(DocumentProblem::of), 0);
    }
    int idLine = root instanceof Node.Obj obj && obj.fields().containsKey("id") ? obj.fields().get("id").line() : 0;
    return new Parsed(pilot, List.of(), idLine);
  }

  /** A pilot, or the problems that kept it from being read. */
  private record Parsed(Pilot pilot, List<DocumentProblem> problems, int idLine) {
    static Parsed failed(DocumentProblem problem) {
      return new Parsed(null, List.of(problem), 0);
    }
  }

  /** Limits for a {@link PilotReader}. Not thread-safe; {@link #build()} copies them. */
  public static final class Builder {
    private long maxDocumentSize = DEFAULT_MAX_DOCUMENT_SIZE;
    private int maxNestingDepth = DEFAULT_MAX_NESTING_DEPTH;
    private int maxStringLength = DEFAULT_MAX_STRING_LENGTH;

    private Builder() {}

    /** The largest document read, in bytes for files and characters for text. Default: 5 MB. */
    public Builder maxDocumentSize(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxDocumentSize must be at least 1 but was " + bytes);
      }
      this.maxDocumentSize = bytes;
      return this;
    }

    /** How deeply lists and objects may nest. Default: 50 (a pilot document needs about 5). */
    public Builder maxNestingDepth(int depth) {
      if (depth < 8) {
        throw new IllegalArgumentException("maxNestingDepth must be at least 8 (a pilot document needs about 5) but was "
            + depth);
      }
      this.maxNestingDepth = depth;
      return this;
    }

    /** The longest text (a value or a field name), in characters. Default: 10,000. */
    public Builder maxStringLength(int length) {
      if (length < 1) {
        throw new IllegalArgumentException("maxStringLength must be at least 1 but was " + length);
      }
      this.maxStringLength = length;
      return this;
    }

    public PilotReader build() {
      return new PilotReader(new DocumentParser(
          new DocumentParser.Limits(maxDocumentSize, maxNestingDepth, maxStringLength)));
    }
  }
}
