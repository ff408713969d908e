package dev.pilotgate.internal.io;

import dev.pilotgate.internal.text.EditDistance;
import dev.pilotgate.model.FieldProblem;
import dev.pilotgate.model.InvalidFieldException;
import dev.pilotgate.model.Pilot;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Binds {@link Node}s to records, collecting every problem instead of stopping at the first.
 *
 * <p>The shape comes from the records themselves: a document field per record component, of
 * the component's type (text, ISO date, number, whole number, true/false, enum name, list,
 * map, nested record). The value rules (ranges, required parts, dates in order, duplicates)
 * come from the records' constructors, which collect all their problems in one
 * {@link InvalidFieldException}: the constructors are the single source of truth for the
 * rules and stay the last line of defence. A value of the wrong type is passed to its
 * constructor as absent, and a constructor problem that only follows from a problem already
 * reported (that field, or a field it was compared with) is left out.
 *
 * <p>Numbers must be written in plain decimal ({@link NumberSyntax}): YAML 1.1's hexadecimal, octal,
 * binary and underscored forms are refused, with the decimal to write instead.
 *
 * <p>An absent field is {@code null}; an absent {@code boolean} is {@code false}; an absent
 * number of a primitive type is a problem ("is required"), except the ones with a documented
 * default in {@link #DEFAULTED}. Nothing is half-built: a record with any problem in it or
 * under it is not returned. Thread-safe.
 */
public final class RecordBinder {
  /** Primitive number components that may be left out, with the value then read (which the record documents). */
  private static final Map<String, Object> DEFAULTED = Map.of("UsageRecord.sessions", 1);

  /** Marks a value that could not be bound. */
  private static final Object INVALID = new Object();

  /**
   * A record that was built although something in it is invalid (that part left out): not to be
   * returned, but its parent's constructor still sees it, so that checks across records (a
   * criterion's deadline against the launch) report their problems in the same pass.
   */
  private record Partial(Object value) {}

  private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
    @Override
    protected RecordShape computeValue(Class<?> type) {
      return RecordShape.of(type);
    }
  };

  private RecordBinder() {}

  /**
   * The record of {@code type} at {@code node}, or {@code null} when there were problems (added to
   * {@code out}) or the node is absent/null.
   */
  public static <T> T bind(Class<T> type, Node node, String path, Problems out) {
    Object v = value(type, node, path, out);
    return v == INVALID || v instanceof Partial ? null : type.cast(v);
  }

  /** Whether {@code v} is whole; {@link #usable(Object)} gives what a parent may pass on. */
  private static boolean whole(Object v) {
    return v != INVALID && !(v instanceof Partial);
  }

  private static Object usable(Object v) {
    return v == INVALID ? null : v instanceof Partial p ? p.value() : v;
  }

  private static Object value(Type type, Node node, String path, Problems out) {
    if (node == null || node instanceof Node.Scalar s && s.kind() == Node.Kind.NULL) {
      return null;
    }
    Class<?> raw = raw(type);
    if (raw.isRecord()) {
      return record(raw, node, path, out);
    }
    if (raw == List.class) {
      if (!(node instanceof Node.Arr arr)) {
        return wrong(path, node, "a list (- item lines, or [a, b])", out);
      }
      Type element = typeArgument(type, 0);
      List<Object> items = new ArrayList<>(arr.items().size());
      boolean ok = true;
      for (int i = 0; i < arr.items().size(); i++) {
        Object item = value(element, arr.items().get(i), Problems.index(path, i), out);
        ok &= whole(item);
        items.add(usable(item));
      }
      return ok ? items : new Partial(items);
    }
    if (raw == Map.class) {
      if (!(node instanceof Node.Obj obj)) {
        return wrong(path, node, "an object of name: value entries", out);
      }
      Type valueType = typeArgument(type, 1);
      Map<String, Object> map = new LinkedHashMap<>();
      boolean ok = true;
      for (Node.Field f : obj.fields().values()) {
        Object v = value(valueType, f.value(), Problems.child(path, f.key()), out);
        ok &= whole(v);
        map.put(f.key(), usable(v));
      }
      return ok ? map : new Partial(map);
    }
    if (!(node instanceof Node.Scalar s)) {
      return wrong(path, node, expected(raw), out);
    }
    return scalar(raw, s, path, out);
  }

  private static Object scalar(Class<?> raw, Node.Scalar s, String path, Problems out) {
    if (s.kind() == Node.Kind.BAD_NUMBER) {
      out.addUnbound(path, s.text(), "must be a finite number but was " + s.text(), s.line());
      return INVALID;
    }
    if (raw == String.class) {
      if (s.kind() != Node.Kind.TEXT) {
        out.addUnbound(path, s.text(), "must be a text but was " + s.text() + ": quote it ('" + s.text() + "') if it is meant as text",
            s.line());
        return INVALID;
      }
      return s.text();
    }
    if (raw == LocalDate.class) {
      if (s.kind() == Node.Kind.TEXT) {
        try {
          return LocalDate.parse(s.text());
        } catch (DateTimeParseException e) {
          // falls through to the problem
        }
      }
      out.addUnbound(path, s.text(), "must be an ISO date (YYYY-MM-DD) but was " + s.describe(), s.line());
      return INVALID;
    }
    if ((raw == Double.class || raw == double.class || raw == Integer.class || raw == int.class)
        && (s.kind() == Node.Kind.INTEGER || s.kind() == Node.Kind.FLOAT || s.kind() == Node.Kind.TEXT)) {
      String notDecimal = NumberSyntax.problem(s.text());
      if (notDecimal != null) {
        out.addUnbound(path, s.text(), notDecimal, s.line());
        return INVALID;
      }
    }
    if (raw == Double.class || raw == double.class) {
      if (s.kind() == Node.Kind.INTEGER || s.kind() == Node.Kind.FLOAT) {
        return s.number().doubleValue();
      }
      out.addUnbound(path, s.text(), "must be a number but was " + s.describe()
          + (s.kind() == Node.Kind.TEXT ? ": write the number without quotes" : ""), s.line());
      return INVALID;
    }
    if (raw == Integer.class || raw == int.class) {
      if (s.kind() == Node.Kind.INTEGER && fitsInt(s.number())) {
        return s.number().intValue();
      }
      String why = s.kind() == Node.Kind.INTEGER ? " (too large)" : "";
      out.addUnbound(path, s.text(), "must be a whole number but was " + s.describe() + why, s.line());
      return INVALID;
    }
    if (raw == Boolean.class || raw == boolean.class) {
      if (s.kind() == Node.Kind.BOOLEAN) {
        return Boolean.parseBoolean(s.text().toLowerCase(Locale.ROOT))
            || s.text().equalsIgnoreCase("yes") || s.text().equalsIgnoreCase("on") || s.text().equalsIgnoreCase("y");
      }
      out.addUnbound(path, s.text(), "must be true or false but was " + s.describe(), s.line());
      return INVALID;
    }
    if (raw.isEnum()) {
      Object[] constants = raw.getEnumConstants();
      if (s.kind() == Node.Kind.TEXT) {
        for (Object c : constants) {
          if (((Enum<?>) c).name().equals(s.text())) {
            return c;
          }
        }
      }
      String hint = "";
      for (Object c : constants) {
        if (s.text() != null && ((Enum<?>) c).name().equalsIgnoreCase(s.text().replace('-', '_').replace(' ', '_'))) {
          hint = "; did you mean " + ((Enum<?>) c).name() + "?";
        }
      }
      out.addUnbound(path, s.text(), "must be one of " + Arrays.toString(constants) + " but was " + s.describe() + hint,
          s.line());
      return INVALID;
    }
    throw new IllegalStateException("no binding for " + raw + " at " + path);
  }

  private static Object record(Class<?> type, Node node, String path, Problems out) {
    RecordShape shape = SHAPES.get(type);
    if (!(node instanceof Node.Obj obj)) {
      return wrong(path, node, "an object with the fields " + shape.names(), out);
    }
    boolean ok = true;
    for (Node.Field f : obj.fields().values()) {
      if (!shape.index.containsKey(f.key())) {
        ok = false;
        out.addUnbound(Problems.child(path, f.key()), f.value().text(), "unknown field; known fields here: "
            + shape.names() + suggestion(f.key(), shape), f.line());
      }
    }
    Object[] args = new Object[shape.components.length];
    for (int i = 0; i < args.length; i++) {
      RecordComponent c = shape.components[i];
      Node.Field f = obj.fields().get(c.getName());
      String childPath = Problems.child(path, c.getName());
      Object v = f == null ? null : value(c.getGenericType(), f.value(), childPath, out);
      if (!whole(v)) {
        ok = false;
        v = usable(v);
      }
      if (v == null && c.getType().isPrimitive()) {
        Object documented = DEFAULTED.get(type.getSimpleName() + "." + c.getName());
        v = documented != null ? documented : primitiveDefault(c.getType());
        boolean absent = f == null || f.value() instanceof Node.Scalar s && s.kind() == Node.Kind.NULL;
        if (absent && c.getType() != boolean.class && documented == null) {
          ok = false;
          out.addUnbound(childPath, null, "is required (" + expected(c.getType()) + ")", obj.line());
        }
      }
      args[i] = v;
    }
    try {
      Object built = shape.constructor.newInstance(args);
      if (ok && built instanceof Pilot pilot) {
        // a waiver's code is checked against the finding catalogue, which no constructor knows
        int before = out.count();
        WaiverCodes.check(pilot, obj, path, out);
        ok = out.count() == before;
      }
      return ok ? built : new Partial(built);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof InvalidFieldException invalid) {
        for (FieldProblem p : invalid.problems()) {
          String full = Problems.child(path, p.field());
          if (out.touches(full) || p.related().stream().anyMatch(r -> out.unbound(Problems.child(path, r)))) {
            continue; // follows from a problem already reported
          }
          Node at = find(obj, p.field());
          out.add(full, at == null ? null : at.text(), p.problem(), at == null ? obj.line() : at.line());
        }
      } else if (cause instanceof IllegalArgumentException iae) {
        out.add(path, null, iae.getMessage(), obj.line());
      } else {
        out.add(path, null, "cannot be built: " + cause, obj.line());
      }
      return INVALID;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + type.getName(), e);
    }
  }

  /** The node at a field path relative to {@code obj} ({@code a.b[2].c}), or {@code null}. */
  static Node find(Node.Obj obj, String relative) {
    Node at = obj;
    for (String part : relative.split("\\.")) {
      String name = part;
      int bracket = part.indexOf('[');
      if (bracket >= 0) {
        name = part.substring(0, bracket);
      }
      if (!name.isEmpty()) {
        if (!(at instanceof Node.Obj o) || !o.fields().containsKey(name)) {
          return null;
        }
        at = o.fields().get(name).value();
      }
      while (bracket >= 0) {
        int close = part.indexOf(']', bracket);
        if (close < 0 || !(at instanceof Node.Arr a)) {
          return null;
        }
        int i;
        try {
          i = Integer.parseInt(part.substring(bracket + 1, close));
        } catch (NumberFormatException e) {
          return null;
        }
        if (i < 0 || i >= a.items().size()) {
          return null;
        }
        at = a.items().get(i);
        bracket = part.indexOf('[', close);
      }
    }
    return at;
  }

  private static Object wrong(String path, Node node, String expected, Problems out) {
    if (path.isEmpty()) {
      out.addUnbound(path, node.text(), "is not a document of the expected shape: expected " + expected + " but found "
          + node.describe(), node.line());
    } else {
      out.addUnbound(path, node.text(), "must be " + expected + " but was " + node.describe(), node.line());
    }
    return INVALID;
  }

  private static String expected(Class<?> raw) {
    if (raw == String.class) {
      return "a text";
    }
    if (raw == LocalDate.class) {
      return "an ISO date, YYYY-MM-DD";
    }
    if (raw == Double.class || raw == double.class) {
      return "a number";
    }
    if (raw == Integer.class || raw == int.class) {
      return "a whole number";
    }
    if (raw == Boolean.class || raw == boolean.class) {
      return "true or false";
    }
    if (raw.isEnum()) {
      return "one of " + Arrays.toString(raw.getEnumConstants());
    }
    return "a " + raw.getSimpleName();
  }

  private static boolean fitsInt(Number n) {
    if (n instanceof BigInteger b) {
      return b.bitLength() < 32;
    }
    if (n instanceof BigDecimal) {
      return false;
    }
    long v = n.longValue();
    return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
  }

  private static Object primitiveDefault(Class<?> type) {
    if (type == boolean.class) {
      return false;
    }
    if (type == int.class) {
      return 0;
    }
    if (type == long.class) {
      return 0L;
    }
    return 0.0;
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    throw new IllegalStateException("unsupported type " + type);
  }

  private static Type typeArgument(Type type, int i) {
    if (type instanceof ParameterizedType p) {
      return p.getActualTypeArguments()[i];
    }
    throw new IllegalStateException("raw collection type " + type);
  }

  /** "; did you mean 'x'?" for a near miss (case, or one or two letters off), else empty. */
  private static String suggestion(String key, RecordShape shape) {
    return shape.index.keySet().stream()
        .filter(name -> name.equalsIgnoreCase(key) || distance(name.toLowerCase(Locale.ROOT), key.toLowerCase(Locale.ROOT)) <= 2)
        .min(Comparator.comparingInt(name -> distance(name, key)))
        .map(name -> "; did you mean " + name + "?")
        .orElse("");
  }

  /** The edit distance, cut short at 3 where the lengths alone show it is more than 2. */
  private static int distance(String a, String b) {
    return Math.abs(a.length() - b.length()) > 2 ? 3 : EditDistance.between(a, b);
  }

  /** A record type's components, in order, and its canonical constructor. */
  private record RecordShape(RecordComponent[] components, Map<String, Integer> index, Constructor<?> constructor,
                             String names) {
    static RecordShape of(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      Map<String, Integer> index = new LinkedHashMap<>();
      for (int i = 0; i < components.length; i++) {
        index.put(components[i].getName(), i);
      }
      try {
        Constructor<?> ctor = type.getDeclaredConstructor(
            Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        ctor.setAccessible(true);
        String names = index.keySet().stream().sorted().collect(Collectors.joining(", "));
        return new RecordShape(components, index, ctor, names);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("no canonical constructor on " + type, e);
      }
    }
  }
}
