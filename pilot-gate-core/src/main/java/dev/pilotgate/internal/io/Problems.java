package dev.pilotgate.internal.io;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The problems found in one document, in the order found, at most {@code max} of them listed
 * (a summary line says how many more). Remembers every path a problem was reported at, so
 * that a problem that only follows from another one (a "required" field whose value had the
 * wrong type) can be left out. Not thread-safe.
 */
public final class Problems {
  private final int max;
  private final List<Problem> listed = new ArrayList<>();
  private final Set<String> touched = new HashSet<>();
  private final Set<String> unbound = new HashSet<>();
  private int count;
  private boolean fatal;

  public Problems(int max) {
    this.max = max;
  }

  /** Adds a problem at {@code path} (empty for the whole document). */
  public void add(String path, String value, String message, int line) {
    count++;
    if (listed.size() < max) {
      listed.add(new Problem(path, value, message, line));
    }
    mark(touched, path);
  }

  /** Adds a problem about a value that could not be read at all (wrong type, missing): no check can use it. */
  public void addUnbound(String path, String value, String message, int line) {
    add(path, value, message, line);
    mark(unbound, path);
  }

  /** Whether the value at {@code path} (or inside it) could not be read. */
  public boolean unbound(String path) {
    return unbound.contains(path);
  }

  private static void mark(Set<String> set, String path) {
    for (String p = path; ; p = parent(p)) {
      if (!set.add(p) || p.isEmpty()) {
        break;
      }
    }
  }

  /** Adds a problem after which the document cannot be read further (malformed, hostile). */
  public void fatal(String path, String message, int line) {
    add(path, null, message, line);
    fatal = true;
  }

  /** Whether a fatal problem stopped the reading. */
  public boolean isFatal() {
    return fatal;
  }

  /** Whether a problem was reported at {@code path} or inside it. */
  public boolean touches(String path) {
    return touched.contains(path);
  }

  /** How many problems were added so far (listed or not). */
  public int count() {
    return count;
  }

  public boolean isEmpty() {
    return count == 0;
  }

  /** One problem as found; the public reader turns it into its own problem type. */
  public record Problem(String path, String value, String message, int line) {}

  /** Builds the public problem type from a {@link Problem}'s parts; keeps this package below the public readers. */
  @FunctionalInterface
  public interface Factory<T> {
    T create(String path, String value, String message, int line);
  }

  /** The listed problems, with a last line for those beyond the limit, each made by {@code factory}. */
  public <T> List<T> list(Factory<T> factory) {
    List<T> all = new ArrayList<>();
    for (Problem p : listed) {
      all.add(factory.create(p.path(), p.value(), p.message(), p.line()));
    }
    if (count > listed.size()) {
      all.add(factory.create("", null, "and " + (count - listed.size())
          + " more problems not listed; fix the ones above first", 0));
    }
    return all;
  }

  /** {@code a.b[2]} → {@code a.b}; {@code a.b} → {@code a}; {@code a} → empty. */
  static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut <= 0 ? "" : path.substring(0, cut);
  }

  static String child(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  static String index(String path, int i) {
    return path + "[" + i + "]";
  }
}
