package dev.pilotgate.internal.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Parses YAML or JSON text into {@link Node}s that remember their lines, within limits that
 * keep a hostile document cheap to refuse:
 * <ul>
 *   <li>the document's size ({@code maxDocumentSize} characters), checked before parsing;</li>
 *   <li>nesting depth (Jackson's {@link StreamReadConstraints}, and here);</li>
 *   <li>the length of each text and field name; for YAML also while it is scanned, so that a long text
 *       is refused before SnakeYAML has read it whole ({@link YamlScanGuard}, which also bounds the
 *       length of a line);</li>
 *   <li>no YAML aliases ({@code *name}): Jackson does not expand them, so a "billion laughs"
 *       cannot grow, and a pilot document has no use for them; SnakeYAML's own alias limit is
 *       set low as well;</li>
 *   <li>no YAML tags ({@code !!java.io.File}, {@code !custom}) but the core schema's, so no tag can
 *       ask for a type to be constructed (Jackson never constructs types from tags either).</li>
 * </ul>
 * Malformed text, and any of the above, is a fatal problem: reading stops there. A repeated
 * key, or YAML's {@code .nan}/{@code .inf} (which no field accepts), is an ordinary problem and
 * reading goes on. Thread-safe.
 */
public final class DocumentParser {
  /** The limits; see the class comment. */
  public record Limits(long maxDocumentSize, int maxNestingDepth, int maxStringLength) {}

  private static final String CORE_TAG = "tag:yaml.org,2002:";
  private static final Set<String> CORE_TAGS = Set.of("str", "int", "float", "bool", "null", "map", "seq");

  private final Limits limits;
  private final JsonFactory json;
  private final YAMLFactory yaml;

  public DocumentParser(Limits limits) {
    this.limits = limits;
    StreamReadConstraints constraints = StreamReadConstraints.builder()
        .maxNestingDepth(limits.maxNestingDepth())
        .maxStringLength(Math.max(limits.maxStringLength(), 1))
        .maxNameLength(Math.max(limits.maxStringLength(), 1))
        .maxNumberLength(100)
        .maxDocumentLength(limits.maxDocumentSize())
        .build();
    this.json = JsonFactory.builder()
        .streamReadConstraints(constraints)
        // NaN and Infinity read as numbers, so that the field that holds one can be named.
        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .build();
    LoaderOptions loader = new LoaderOptions();
    loader.setMaxAliasesForCollections(10);
    loader.setAllowRecursiveKeys(false);
    loader.setNestingDepthLimit(limits.maxNestingDepth());
    loader.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, Math.max(limits.maxDocumentSize(), 1)));
    loader.setAllowDuplicateKeys(true); // reported here, with both lines
    this.yaml = YAMLFactory.builder().loaderOptions(loader).streamReadConstraints(constraints).build();
  }

  public Limits limits() {
    return limits;
  }

  /**
   * Every document in {@code content} (YAML separates them with {@code ---}); empty documents
   * are left out. Returns {@code null} after a fatal problem.
   */
  public List<Node> parse(String content, boolean isYaml, Problems problems) {
    if (content.length() > limits.maxDocumentSize()) {
      problems.fatal("", "is " + content.length() + " characters long; the limit is " + limits.maxDocumentSize()
          + ": split the document, or raise the reader's maxDocumentSize", 0);
      return null;
    }
    String format = isYaml ? "YAML" : "JSON";
    YamlScanGuard guard = isYaml ? new YamlScanGuard(content, limits.maxStringLength()) : null;
    Run run = new Run(isYaml, guard, problems);
    List<Node> documents = new ArrayList<>();
    try (JsonParser p = isYaml ? yaml.createParser(guard) : json.createParser(content)) {
      JsonToken t;
      while ((t = run.next(p)) != null) {
        Node doc = run.value(p, t, "", 1);
        if (doc == null) {
          return null;
        }
        if (!(doc instanceof Node.Scalar s && s.kind() == Node.Kind.NULL)) {
          documents.add(doc);
        }
      }
    } catch (YamlScanGuard.Tripped e) {
      problems.fatal(run.reading, e.wholeLine() ? lineTooLong() : tooLong(), run.trippedLine);
      return null;
    } catch (StreamConstraintsException e) {
      // named by the document's field it is in (a path 50 levels deep says nothing more), at the last line read
      int cut = run.path.indexOf('[') > 0 ? run.path.indexOf('[') : run.path.length();
      String field = run.path.substring(0, cut);
      field = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
      problems.fatal(field, limitMessage(e), e.getLocation() != null ? line(e.getLocation()) : run.lastLine);
      return null;
    } catch (JsonProcessingException e) {
      problems.fatal(pathOf(e, run.path), "is not well-formed " + format + ": " + firstLine(e.getOriginalMessage()),
          line(e.getLocation()));
      return null;
    } catch (IOException | RuntimeException e) {
      // SnakeYAML's own limits and errors arrive unwrapped
      problems.fatal(run.path, "is not well-formed " + format + ": " + firstLine(String.valueOf(e.getMessage())), 0);
      return null;
    }
    return documents;
  }

  /** Where the parser was when it failed, e.g. {@code successCriteria[0].baseline}. */
  private static String pathOf(JsonProcessingException e, String fallback) {
    if (!(e.getProcessor() instanceof JsonParser p) || p.getParsingContext() == null) {
      return fallback;
    }
    List<String> parts = new ArrayList<>();
    for (JsonStreamContext c = p.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.add(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
      } else if (c.getCurrentName() != null) {
        parts.add(0, "." + c.getCurrentName());
      }
    }
    String path = String.join("", parts);
    return path.startsWith(".") ? path.substring(1) : path;
  }

  private String limitMessage(StreamConstraintsException e) {
    String m = e.getOriginalMessage().toLowerCase(Locale.ROOT);
    if (m.contains("nesting depth")) {
      return "nests deeper than " + limits.maxNestingDepth() + " levels; a pilot document needs about 5: "
          + "check the brackets and indentation";
    }
    if (m.contains("document length")) {
      return "is longer than the limit of " + limits.maxDocumentSize() + " characters: split the document, "
          + "or raise the reader's maxDocumentSize";
    }
    if (m.contains("number value length")) {
      return "holds a number with more than 100 digits: write a plain number";
    }
    if (m.contains("name length") || m.contains("string value length")) {
      return tooLong();
    }
    return "is beyond a reading limit: " + firstLine(e.getOriginalMessage());
  }

  private String tooLong() {
    return "holds a text longer than " + limits.maxStringLength() + " characters; shorten it, or raise the reader's"
        + " maxStringLength";
  }

  private String lineTooLong() {
    return "holds a comment line or an indentation longer than " + limits.maxStringLength() + " characters;"
        + " shorten it, or raise the reader's maxStringLength";
  }

  /**
   * The line of the first value character after {@code from} (a 1-based line and column, as Jackson
   * reports the end of the last token), skipping blanks, line breaks, comments and the indicators
   * {@code : - ? , [ {}: where the value that is being read begins. {@code fallback} when it cannot
   * be found.
   */
  private static int lineOfNextValue(String text, JsonLocation from, int fallback) {
    if (from == null || from.getLineNr() < 1 || from.getColumnNr() < 1) {
      return fallback;
    }
    int line = 1;
    int i = 0;
    while (line < from.getLineNr() && i < text.length()) {
      char c = text.charAt(i++);
      if (isBreak(c) && (c != '\r' || i >= text.length() || text.charAt(i) != '\n')) {
        line++;
      }
    }
    for (int col = 1; col < from.getColumnNr() && i < text.length() && !isBreak(text.charAt(i)); col++) {
      i += Character.charCount(text.codePointAt(i));
    }
    boolean comment = false;
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isBreak(c)) {
        comment = false;
        if (c != '\r' || i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
          line++;
        }
      } else if (c == '#' && (i == 0 || text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t'
          || isBreak(text.charAt(i - 1)))) {
        comment = true;
      } else if (!comment && " \t:-?,[{".indexOf(c) < 0) {
        return line;
      }
    }
    return fallback;
  }

  private static boolean isBreak(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).strip();
  }

  private static int line(JsonLocation location) {
    return location == null ? 0 : Math.max(location.getLineNr(), 0);
  }

  /** One parse: the problems, where it is, and YAML's malformed-number recovery. */
  private final class Run {
    private final boolean isYaml;
    private final YamlScanGuard guard;
    private final Problems problems;
    private String path = "";
    /** The path of the value (or, in an object, the field name) asked for next: where the guard stops. */
    private String reading = "";
    /** The line the guard stopped the reading at: the start of the value it was in, or the long line. */
    private int trippedLine;
    private int lastLine;
    private String badNumber;
    private int badNumberLine;

    Run(boolean isYaml, YamlScanGuard guard, Problems problems) {
      this.isYaml = isYaml;
      this.guard = guard;
      this.problems = problems;
    }

    /** The next token; YAML's {@code .nan} and {@code .inf} come back as a VALUE_STRING with {@link #badNumber} set. */
    JsonToken next(JsonParser p) throws IOException {
      badNumber = null;
      if (guard != null) {
        guard.mark();
      }
      try {
        return p.nextToken();
      } catch (YamlScanGuard.Tripped e) {
        trippedLine = e.wholeLine() ? e.line() : lineOfNextValue(guard.text(), p.currentLocation(), e.line());
        throw e;
      } catch (com.fasterxml.jackson.core.JsonParseException e) {
        String m = e.getOriginalMessage();
        if (isYaml && m != null && m.startsWith("Malformed numeric value '")) {
          int end = m.indexOf('\'', 25);
          badNumber = end > 25 ? m.substring(25, end) : m.substring(25);
          badNumberLine = line(e.getLocation());
          return JsonToken.VALUE_STRING;
        }
        throw e;
      }
    }

    /** The value starting at token {@code t}, or {@code null} after a fatal problem. */
    Node value(JsonParser p, JsonToken t, String at, int depth) throws IOException {
      path = at;
      if (t == null) {
        problems.fatal(at, "ends where a value should follow", 0);
        return null;
      }
      if (badNumber != null) {
        return new Node.Scalar(badNumberLine, Node.Kind.BAD_NUMBER, badNumber, null);
      }
      int line = line(p.currentTokenLocation());
      lastLine = line;
      if (depth > limits.maxNestingDepth()) {
        problems.fatal(at, "nests deeper than " + limits.maxNestingDepth()
            + " levels; a pilot document needs about 5: check the brackets and indentation", line);
        return null;
      }
      if (isYaml && !plain((YAMLParser) p, at, line)) {
        return null;
      }
      switch (t) {
        case START_OBJECT: {
          Map<String, Node.Field> fields = new LinkedHashMap<>();
          reading = at;
          while ((t = next(p)) != JsonToken.END_OBJECT) {
            if (t == null) {
              problems.fatal(at, "ends inside an object", line);
              return null;
            }
            String key = p.currentName();
            int keyLine = line(p.currentTokenLocation());
            String childPath = Problems.child(at, key);
            if (key.length() > limits.maxStringLength()) {
              problems.fatal(at, tooLong(), keyLine);
              return null;
            }
            path = childPath;
            reading = childPath;
            Node child = value(p, next(p), childPath, depth + 1);
            if (child == null) {
              return null;
            }
            Node.Field earlier = fields.get(key);
            if (earlier != null) {
              problems.add(childPath, child.text(), "is given twice (first on line " + earlier.line()
                  + ", again on line " + keyLine + "); give each field once", keyLine);
            } else {
              fields.put(key, new Node.Field(key, keyLine, child));
            }
            reading = at;
          }
          return new Node.Obj(line, fields);
        }
        case START_ARRAY: {
          List<Node> items = new ArrayList<>();
          reading = Problems.index(at, 0);
          while ((t = next(p)) != JsonToken.END_ARRAY) {
            if (t == null) {
              problems.fatal(at, "ends inside a list", line);
              return null;
            }
            Node item = value(p, t, Problems.index(at, items.size()), depth + 1);
            if (item == null) {
              return null;
            }
            items.add(item);
            reading = Problems.index(at, items.size());
          }
          return new Node.Arr(line, items);
        }
        case VALUE_STRING: {
          String text = p.getText();
          if (text.length() > limits.maxStringLength()) {
            problems.fatal(at, tooLong(), line);
            return null;
          }
          return new Node.Scalar(line, Node.Kind.TEXT, text, null);
        }
        case VALUE_NUMBER_INT:
          return new Node.Scalar(line, Node.Kind.INTEGER, p.getText(), p.getNumberValue());
        case VALUE_NUMBER_FLOAT:
          try {
            return new Node.Scalar(line, Node.Kind.FLOAT, p.getText(), p.getDoubleValue());
          } catch (StreamReadException e) {
            if (!isYaml) {
              throw e;
            }
            // YAML's .nan and .inf: a float that no field accepts, reported where it stands
            return new Node.Scalar(line, Node.Kind.BAD_NUMBER, p.getText(), null);
          }
        case VALUE_TRUE:
        case VALUE_FALSE:
          return new Node.Scalar(line, Node.Kind.BOOLEAN, p.getText(), null);
        case VALUE_NULL:
          return new Node.Scalar(line, Node.Kind.NULL, null, null);
        default:
          problems.fatal(at, "holds a value that is neither text, number, true/false, list nor object ("
              + t + ")", line);
          return null;
      }
    }

    /** No alias and no tag but the core schema's; a fatal problem otherwise. */
    private boolean plain(YAMLParser p, String at, int line) throws IOException {
      if (p.isCurrentAlias()) {
        problems.fatal(at, "uses the YAML alias '*" + p.getText() + "': aliases and anchors are not allowed in "
            + "pilot documents (they can expand a small file into a huge one); write the value out", line);
        return false;
      }
      String tag = p.getTypeId();
      if (tag != null && !(tag.startsWith(CORE_TAG) && CORE_TAGS.contains(tag.substring(CORE_TAG.length())))) {
        String shown = tag.startsWith(CORE_TAG) ? "!!" + tag.substring(CORE_TAG.length()) : "!" + tag;
        problems.fatal(at, "uses the YAML tag '" + shown + "': tags are not allowed in pilot documents "
            + "(no type is ever constructed from a document); write a plain value", line);
        return false;
      }
      return true;
    }
  }
}
