package dev.pilotgate.internal.io;

import dev.pilotgate.internal.text.EditDistance;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.Waiver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the codes a pilot's waivers name against the bundled finding catalogue
 * ({@code dev/pilotgate/rules/findings.properties}): the code must be one the catalogue defines,
 * must not call for KILL (a KILL is never waived), and must hold the gate somewhere (a BLOCKER, a
 * stage's output, or a call for HOLD or DIAGNOSE in the code or one of its variants): a finding that
 * never holds the gate needs no waiver. Read once; thread-safe.
 */
final class WaiverCodes {
  private static final String RESOURCE = "dev/pilotgate/rules/findings.properties";
  private static volatile Map<String, String> verdicts;

  private WaiverCodes() {}

  /** Adds a problem at {@code path.waivers[i].code} for each waiver whose code cannot be waived; {@code root} is the pilot's node. */
  static void check(Pilot pilot, Node.Obj root, String base, Problems out) {
    if (pilot.waivers().isEmpty()) {
      return;
    }
    Map<String, String> known = verdicts();
    for (int i = 0; i < pilot.waivers().size(); i++) {
      Waiver w = pilot.waivers().get(i);
      String relative = "waivers[" + i + "].code";
      String path = Problems.child(base, relative);
      Node at = RecordBinder.find(root, relative);
      int line = at == null ? 0 : at.line();
      String verdict = known.get(w.code());
      if (verdict == null) {
        out.add(path, w.code(), "must be a finding code of the catalogue but was '" + w.code() + "'"
            + suggestion(w.code(), known.keySet()), line);
      } else if (verdict.equals("KILL")) {
        out.add(path, w.code(), "cannot waive " + w.code() + ": it calls for KILL, and a finding that calls for KILL"
            + " is never waived", line);
      } else if (verdict.equals("NEVER_HOLDS")) {
        out.add(path, w.code(), "needs no waiver: " + w.code() + " never holds the gate (it only warns or informs)",
            line);
      }
    }
  }

  private static String suggestion(String code, Set<String> codes) {
    return codes.stream()
        .filter(c -> EditDistance.between(c, code) <= Math.max(2, code.length() / 6))
        .min(Comparator.comparingInt((String c) -> EditDistance.between(c, code)).thenComparing(c -> c))
        .map(c -> "; did you mean " + c + "?")
        .orElse("; the codes are listed in docs/rules.md");
  }

  /** Code to "KILL", "NEVER_HOLDS" or "WAIVABLE". */
  private static Map<String, String> verdicts() {
    Map<String, String> v = verdicts;
    if (v == null) {
      v = read();
      verdicts = v;
    }
    return v;
  }

  private static Map<String, String> read() {
    Properties props = new Properties();
    try (InputStream in = WaiverCodes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath; is pilot-gate-rules a dependency?");
      }
      props.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // key (CODE or CODE.variant) -> field -> value
    Map<String, Map<String, String>> raw = new HashMap<>();
    for (String k : props.stringPropertyNames()) {
      int toPass = k.indexOf(".toPass.");
      int dot = toPass > 0 ? toPass : k.lastIndexOf('.');
      if (dot > 0) {
        raw.computeIfAbsent(k.substring(0, dot), x -> new HashMap<>()).put(k.substring(dot + 1), props.getProperty(k).strip());
      }
    }
    Map<String, String> out = new HashMap<>();
    for (String key : new TreeSet<>(raw.keySet())) {
      String code = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
      Map<String, String> f = new HashMap<>(raw.getOrDefault(code, Map.of()));
      Map<String, String> own = raw.get(key);
      f.putAll(own);
      if (!key.equals(code) && own.containsKey("severity")) {
        f.remove("stage");
      }
      String outcome = f.getOrDefault("outcome", "none");
      if (key.equals(code) && outcome.equals("KILL")) {
        out.put(code, "KILL");
        continue;
      }
      boolean holds = f.containsKey("stage") && !f.containsKey("severity") || "BLOCKER".equals(f.get("severity"))
          || outcome.equals("HOLD") || outcome.equals("DIAGNOSE");
      String before = out.get(code);
      if (!"KILL".equals(before)) {
        out.put(code, holds || "WAIVABLE".equals(before) ? "WAIVABLE" : "NEVER_HOLDS");
      }
    }
    out.putIfAbsent("WAIVER_EXPIRED", "NEVER_HOLDS");
    return Map.copyOf(out);
  }
}
