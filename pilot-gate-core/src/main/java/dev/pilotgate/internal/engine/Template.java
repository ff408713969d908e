package dev.pilotgate.internal.engine;

import dev.pilotgate.format.Numbers;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A catalogue message or action, parsed once when the catalogue is read, so that rendering a
 * finding is a walk over its parts with one StringBuilder (no pattern matching per finding):
 * literal text, {@code {name}}, {@code {name%}}, {@code {name#}} and {@code {name?one|other}}, whose
 * branches are templates too. The syntax is checked by {@link Catalogue}. Immutable, thread-safe.
 */
final class Template {
  private sealed interface Part permits Text, Value, Choice {}

  private record Text(String text) implements Part {}

  private record Value(String name, char kind) implements Part {}

  private record Choice(String name, Template one, Template other) implements Part {}

  private final Part[] parts;
  private final int length;

  private Template(List<Part> parts, int length) {
    this.parts = parts.toArray(new Part[0]);
    this.length = length;
  }

  /** {@code source} parsed; braces are assumed well formed (the catalogue refuses other templates first). */
  static Template parse(String source) {
    List<Part> parts = new ArrayList<>();
    int i = 0;
    StringBuilder text = new StringBuilder();
    while (i < source.length()) {
      char c = source.charAt(i);
      if (c != '{') {
        text.append(c);
        i++;
        continue;
      }
      int end = closing(source, i);
      if (text.length() > 0) {
        parts.add(new Text(text.toString()));
        text.setLength(0);
      }
      String inner = source.substring(i + 1, end);
      int q = inner.indexOf('?');
      if (q > 0) {
        String branches = inner.substring(q + 1);
        int bar = bar(branches);
        parts.add(new Choice(inner.substring(0, q), parse(branches.substring(0, bar)),
            parse(branches.substring(bar + 1))));
      } else {
        char last = inner.charAt(inner.length() - 1);
        boolean kind = last == '%' || last == '#';
        parts.add(new Value(kind ? inner.substring(0, inner.length() - 1) : inner, kind ? last : ' '));
      }
      i = end + 1;
    }
    if (text.length() > 0) {
      parts.add(new Text(text.toString()));
    }
    return new Template(parts, source.length());
  }

  /** The index of the brace closing the one at {@code open}, counting nested ones. */
  private static int closing(String s, int open) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      if (s.charAt(i) == '{') {
        depth++;
      } else if (s.charAt(i) == '}' && --depth == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("unclosed brace in " + s);
  }

  /** The first {@code |} outside nested braces. */
  private static int bar(String s) {
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
      } else if (c == '|' && depth == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("no | in " + s);
  }

  /** The text with the placeholders filled from {@code evidence}. */
  String render(Map<String, Object> evidence) {
    StringBuilder out = new StringBuilder(length + 32);
    renderInto(out, evidence);
    return out.toString();
  }

  private void renderInto(StringBuilder out, Map<String, Object> evidence) {
    for (Part p : parts) {
      if (p instanceof Text t) {
        out.append(t.text());
      } else if (p instanceof Value v) {
        Object value = evidence.get(v.name());
        switch (v.kind()) {
          case '%' -> out.append(value instanceof Number n ? Numbers.percent(n.doubleValue()) : text(value));
          case '#' -> out.append(value instanceof Collection<?> c ? Integer.toString(c.size()) : text(value));
          default -> out.append(text(value));
        }
      } else if (p instanceof Choice ch) {
        Object value = evidence.get(ch.name());
        // a count chooses singular or plural; any other value, whether it is there at all
        boolean one = value instanceof Number n ? n.doubleValue() == 1
            : value instanceof Collection<?> c ? c.size() == 1
            : value != null && !value.toString().isBlank();
        (one ? ch.one() : ch.other()).renderInto(out, evidence);
      }
    }
  }

  /** A value as messages write it: numbers to three significant digits, whole ones exactly, lists joined with commas. */
  static String text(Object v) {
    if (v == null) {
      return "none";
    }
    if (v instanceof Double || v instanceof Float) {
      return Numbers.number(((Number) v).doubleValue());
    }
    if (v instanceof Collection<?> c) {
      StringBuilder b = new StringBuilder();
      for (Object o : c) {
        b.append(b.length() == 0 ? "" : ", ").append(text(o));
      }
      return b.length() == 0 ? "none" : b.toString();
    }
    if (v instanceof TemporalAccessor || v instanceof Number || v instanceof CharSequence) {
      return v.toString();
    }
    if (v instanceof Enum<?> e) {
      return e.name();
    }
    return String.valueOf(v);
  }
}
