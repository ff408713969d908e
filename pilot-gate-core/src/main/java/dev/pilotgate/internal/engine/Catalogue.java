package dev.pilotgate.internal.engine;

import dev.pilotgate.decision.RootCause;
import dev.pilotgate.decision.Severity;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.Stage;
import dev.pilotgate.ruleset.RuleProblem;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The finding catalogue ({@code findings.properties} beside the rules): for each code, and each of
 * its variants, the root cause, the severity (fixed, or from the stage whose output it is), the
 * outcome it calls for, what it means (for the docs), and the message and action templates.
 *
 * <p>Keys are {@code CODE.field} or {@code CODE.variant.field}; a variant inherits what it does
 * not set from its code. Fields: {@code rootCause}, {@code severity} ({@code BLOCKER},
 * {@code WARNING}, {@code INFO}) or {@code stage} (a {@link Stage}: BLOCKER calling for HOLD once
 * the pilot is at or past it, WARNING before), {@code outcome} ({@code GO}, {@code HOLD},
 * {@code DIAGNOSE}, {@code KILL}, or {@code none}), {@code means}, {@code message}, {@code action}.
 * Placeholders: {@code {name}} (the value; numbers to three significant digits, whole numbers
 * exactly, lists joined with commas), {@code {name%}} (a share as a percentage), {@code {name#}}
 * (how many items a list has), and {@code {name?one|other}}: the text {@code one} when the value is 1
 * (or a list of one; for a value that is not a count, when it is there at all), {@code other}
 * otherwise, each of which may hold the simple forms, so that
 * {@code {sources?The data source is|All {sources} data sources are}} reads right for one and for
 * many, and {@code {owner}{role? ({role})|}} shows a role only when there is one. Immutable and
 * thread-safe once read.
 */
public final class Catalogue {
  public static final String FILE = "findings.properties";
  private static final Set<String> FIELDS = Set.of("rootCause", "severity", "stage", "outcome", "means", "message",
      "action", "toPass.current", "toPass.required", "toPass.text");
  /** The three parts of a {@code toPass}: all or none of them. */
  static final List<String> TO_PASS = List.of("toPass.current", "toPass.required", "toPass.text");
  /** The code the engine reports for a waiver that has ended while its finding is back (not a rule's). */
  public static final String WAIVER_EXPIRED = "WAIVER_EXPIRED";
  /** The evidence the engine binds for {@value #WAIVER_EXPIRED}: what its templates may use. */
  static final Set<String> WAIVER_EXPIRED_EVIDENCE = Set.of("code", "subject", "approvedBy", "approvedOn", "until",
      "endedOn", "daysSinceEnd", "reason", "maxDays", "capped");
  /** Used when a catalogue does not define {@value #WAIVER_EXPIRED} (one written before waivers existed). */
  private static final String WAIVER_EXPIRED_DEFAULT = String.join("\n",
      "WAIVER_EXPIRED.rootCause=GOVERNANCE",
      "WAIVER_EXPIRED.severity=WARNING",
      "WAIVER_EXPIRED.means=a waiver has ended and the finding it waived is back",
      "WAIVER_EXPIRED.message=The waiver of {code}{subject? for {subject}|} approved by {approvedBy} ended on {endedOn};"
          + " the finding counts again.",
      "WAIVER_EXPIRED.action=Fix what {code} reports, or have {approvedBy} approve a new waiver with a reason.");
  // {name}, {name%}, {name#}, or {name?one|other}, whose branches may hold the simple forms
  private static final String SIMPLE = "\\{[A-Za-z][A-Za-z0-9_]*[%#]?}";
  private static final String BRANCH = "((?:[^{}|]|" + SIMPLE + ")*)";
  private static final Pattern PLACEHOLDER = Pattern.compile(
      "\\{([A-Za-z][A-Za-z0-9_]*)(?:([%#]?)|\\?" + BRANCH + "\\|" + BRANCH + ")}");
  private static final Pattern NAME = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)");

  /**
   * One code or variant, fully resolved. {@code placeholders} maps each evidence name its templates use to the
   * line of the first template that uses it ({@code toPass} ones included); {@code toPass} holds the current,
   * required and text templates, or is null.
   */
  public record Entry(String key, String code, RootCause rootCause, Severity severity, Stage stage, GateOutcome outcome,
      String means, String message, String action, Map<String, Integer> placeholderLines, int line,
      Template messageTemplate, Template actionTemplate, List<Template> toPass, Set<String> toPassOnly) {

    /** The evidence names its templates use. */
    public Set<String> placeholders() {
      return placeholderLines.keySet();
    }

    /** Whether it says what it would take to clear it. */
    public boolean hasToPass() {
      return toPass != null;
    }

    /** The severity for a pilot at {@code current}. */
    Severity severityAt(Stage current) {
      return stage == null ? severity : current.isAtOrAfter(stage) ? Severity.BLOCKER : Severity.WARNING;
    }
  }

  private final Map<String, Entry> entries;
  /** Entries the engine needs that the file does not define (the built-in wording): not in {@link #entries()}. */
  private final Map<String, Entry> builtIn;

  private Catalogue(Map<String, Entry> entries, Map<String, Entry> builtIn) {
    this.entries = entries;
    this.builtIn = builtIn;
  }

  /** The entry for {@code CODE} or {@code CODE.variant}, or null. */
  public Entry entry(String key) {
    Entry e = entries.get(key);
    return e != null ? e : builtIn.get(key);
  }

  /** Every entry, codes before their variants, in file order. */
  public Collection<Entry> entries() {
    return entries.values();
  }

  /** Reads and checks {@code file}; adds a problem per bad entry (with its line) and returns null if there was any. */
  public static Catalogue read(RuleFile file, List<RuleProblem> problems) {
    Properties props = new Properties();
    try {
      props.load(new StringReader(file.text()));
    } catch (IOException | IllegalArgumentException e) {
      problems.add(new RuleProblem(file.display(), 0, "cannot be parsed as a properties file: " + e.getMessage()));
      return null;
    }
    Map<String, Integer> lines = PolicyReader.lineNumbers(file.text());
    int before = problems.size();
    // key (CODE or CODE.variant) -> field -> value, in line order
    Map<String, Map<String, String>> raw = new TreeMap<>((a, b) -> {
      int c = Integer.compare(firstLine(lines, a), firstLine(lines, b));
      return c != 0 ? c : a.compareTo(b);
    });
    for (String k : props.stringPropertyNames()) {
      int toPass = k.indexOf(".toPass.");
      int dot = toPass > 0 ? toPass : k.lastIndexOf('.');
      String field = dot < 0 ? "" : k.substring(dot + 1);
      String key = dot < 0 ? k : k.substring(0, dot);
      String code = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
      if (!FIELDS.contains(field) || !code.matches("[A-Z][A-Z0-9_]*") || key.chars().filter(c -> c == '.').count() > 1) {
        problems.add(new RuleProblem(file.display(), lines.getOrDefault(k, 0), "'" + k + "' is not CODE.field or"
            + " CODE.variant.field with a field of " + new TreeMap<>(Map.of("f", FIELDS)).get("f")));
        continue;
      }
      raw.computeIfAbsent(key, x -> new LinkedHashMap<>()).put(field, props.getProperty(k).strip());
    }
    boolean definesWaiverExpired = raw.containsKey(WAIVER_EXPIRED);
    if (!definesWaiverExpired && problems.size() == before) {
      // the engine reports it: a catalogue without it gets the built-in wording
      Properties builtIn = new Properties();
      try {
        builtIn.load(new StringReader(WAIVER_EXPIRED_DEFAULT));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      Map<String, String> fields = new LinkedHashMap<>();
      builtIn.stringPropertyNames().forEach(k -> fields.put(k.substring(k.indexOf('.') + 1), builtIn.getProperty(k)));
      raw.put(WAIVER_EXPIRED, fields);
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, String>> e : raw.entrySet()) {
      String key = e.getKey();
      String code = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
      Map<String, String> f = new LinkedHashMap<>(raw.getOrDefault(code, Map.of()));
      if (!key.equals(code)) {
        if (!raw.containsKey(code)) {
          problems.add(new RuleProblem(file.display(), firstLine(lines, key), "variant " + key + " of a code the"
              + " catalogue does not define: define " + code + ".rootCause first"));
          continue;
        }
        f.putAll(e.getValue());
        if (e.getValue().containsKey("severity")) {
          f.remove("stage");
        } else if (e.getValue().containsKey("stage")) {
          f.remove("severity");
        }
      }
      Entry entry = entry(file, key, code, f, lines, problems);
      if (entry != null) {
        entries.put(key, entry);
      }
    }
    Map<String, Entry> builtIns = new LinkedHashMap<>();
    if (!definesWaiverExpired && entries.containsKey(WAIVER_EXPIRED)) {
      builtIns.put(WAIVER_EXPIRED, entries.remove(WAIVER_EXPIRED));
    }
    return problems.size() == before ? new Catalogue(entries, builtIns) : null;
  }

  private static Entry entry(RuleFile file, String key, String code, Map<String, String> f, Map<String, Integer> lines,
      List<RuleProblem> problems) {
    int line = firstLine(lines, key);
    int start = problems.size();
    RootCause rootCause = parse(RootCause.class, f.get("rootCause"), key + ".rootCause", file, lines, problems, false);
    Severity severity = parse(Severity.class, f.get("severity"), key + ".severity", file, lines, problems, true);
    Stage stage = parse(Stage.class, f.get("stage"), key + ".stage", file, lines, problems, true);
    String outcomeText = f.getOrDefault("outcome", "none");
    GateOutcome outcome = outcomeText.equals("none") ? null
        : parse(GateOutcome.class, outcomeText, key + ".outcome", file, lines, problems, false);
    String message = f.get("message");
    if (message == null || message.isEmpty()) {
      problems.add(new RuleProblem(file.display(), line, key + " has no message template"));
    }
    if ((severity == null) == (stage == null) && problems.size() == start) {
      problems.add(new RuleProblem(file.display(), line, key + " needs either a severity or the stage whose output"
          + " it is (BLOCKER from that stage on, WARNING before), not " + (severity == null ? "neither" : "both")));
    }
    if (problems.size() > start) {
      return null;
    }
    // the pairs Finding refuses, refused here at the catalogue's line instead of when a rule fires
    for (Severity s : stage == null ? List.of(severity) : List.of(Severity.BLOCKER, Severity.WARNING)) {
      String illegal = illegal(s, stage == null || s == Severity.WARNING ? outcome : outcome == null ? GateOutcome.HOLD
          : outcome);
      if (illegal != null) {
        problems.add(new RuleProblem(file.display(), lines.getOrDefault(key + ".outcome", line), key + ": " + illegal));
        return null;
      }
    }
    List<String> toPassParts = TO_PASS.stream().filter(f::containsKey).toList();
    if (!toPassParts.isEmpty() && toPassParts.size() < TO_PASS.size()) {
      List<String> lacking = TO_PASS.stream().filter(p -> !f.containsKey(p)).map(p -> key + "." + p).toList();
      problems.add(new RuleProblem(file.display(), fieldLine(lines, key, code, toPassParts.get(0), line), key
          + " has " + key + "." + toPassParts.get(0) + " but not " + String.join(" and ", lacking)
          + ": a toPass needs current, required and text"));
      return null;
    }
    Map<String, Integer> placeholders = new LinkedHashMap<>();
    Set<String> toPassOnly = new LinkedHashSet<>();
    List<String> fields = new ArrayList<>(List.of("message", "action"));
    fields.addAll(toPassParts);
    for (String field : fields) {
      String template = f.get(field);
      if (template != null) {
        int at = fieldLine(lines, key, code, field, line);
        String rest = PLACEHOLDER.matcher(template).replaceAll("");
        if (rest.indexOf('{') >= 0 || rest.indexOf('}') >= 0) {
          problems.add(new RuleProblem(file.display(), at, key + "." + field
              + " has a brace that opens no placeholder the catalogue knows ({name}, {name%}, {name#},"
              + " {name?one|other}) in '" + template + "'"));
          return null;
        }
        if (template.isBlank() && field.startsWith("toPass.")) {
          problems.add(new RuleProblem(file.display(), at, key + "." + field + " is empty: say it in a few words"));
          return null;
        }
        Matcher m = NAME.matcher(template);
        while (m.find()) {
          if (placeholders.putIfAbsent(m.group(1), at) == null && field.startsWith("toPass.")) {
            toPassOnly.add(m.group(1));
          }
        }
      }
    }
    if (code.equals(WAIVER_EXPIRED)) {
      // no rule binds its evidence: the engine does, so the names are checked here
      for (Map.Entry<String, Integer> p : placeholders.entrySet()) {
        if (!WAIVER_EXPIRED_EVIDENCE.contains(p.getKey())) {
          problems.add(new RuleProblem(file.display(), p.getValue(), key + " uses {" + p.getKey() + "}, which the"
              + " engine does not bind for it; it binds " + new java.util.TreeSet<>(WAIVER_EXPIRED_EVIDENCE)));
          return null;
        }
      }
      if (outcome != null || severity != Severity.WARNING && severity != Severity.INFO) {
        problems.add(new RuleProblem(file.display(), line, key + " is reported by the engine beside the finding that"
            + " is back, which decides: it must be a WARNING or INFO with no outcome"));
        return null;
      }
    }
    List<Template> toPass = toPassParts.isEmpty() ? null
        : TO_PASS.stream().map(p -> Template.parse(f.get(p))).toList();
    return new Entry(key, code, rootCause, severity, stage, outcome, f.get("means"), message, f.get("action"),
        java.util.Collections.unmodifiableMap(placeholders), line, message == null ? null : Template.parse(message),
        f.get("action") == null ? null : Template.parse(f.get("action")), toPass, Set.copyOf(toPassOnly));
  }

  /** The line of {@code key.field}, else of the code's field it inherits, else {@code line}. */
  private static int fieldLine(Map<String, Integer> lines, String key, String code, String field, int line) {
    return lines.getOrDefault(key + "." + field, lines.getOrDefault(code + "." + field, line));
  }

  private static String illegal(Severity severity, GateOutcome outcome) {
    if (severity == Severity.BLOCKER && outcome == GateOutcome.GO) {
      return "a BLOCKER cannot call for GO";
    }
    if (severity != Severity.BLOCKER && (outcome == GateOutcome.DIAGNOSE || outcome == GateOutcome.KILL)) {
      return "only a BLOCKER can call for " + outcome + ", but this is " + severity;
    }
    if (outcome == GateOutcome.GO && severity != Severity.INFO) {
      return "only an INFO finding can call for GO, but this is " + severity;
    }
    return null;
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String key, RuleFile file,
      Map<String, Integer> lines, List<RuleProblem> problems, boolean optional) {
    if (value == null) {
      if (!optional) {
        problems.add(new RuleProblem(file.display(), firstLine(lines, key.substring(0, key.lastIndexOf('.'))),
            key + " is required"));
      }
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      List<String> names = new ArrayList<>();
      for (E c : type.getEnumConstants()) {
        names.add(c.name());
      }
      problems.add(new RuleProblem(file.display(), lines.getOrDefault(key, 0), key + " must be one of " + names
          + " but was '" + value + "'"));
      return null;
    }
  }

  /** The line of the first field of {@code key} ({@code CODE} or {@code CODE.variant}). */
  private static int firstLine(Map<String, Integer> lines, String key) {
    int best = Integer.MAX_VALUE;
    for (Map.Entry<String, Integer> e : lines.entrySet()) {
      String k = e.getKey();
      if (k.startsWith(key + ".") && k.indexOf('.', key.length() + 1) < 0) {
        best = Math.min(best, e.getValue());
      }
    }
    return best == Integer.MAX_VALUE ? 0 : best;
  }

  /** {@code template} with its placeholders filled from {@code evidence}; null for a null template. */
  static String render(Template template, Map<String, Object> evidence) {
    return template == null ? null : template.render(evidence);
  }
}
