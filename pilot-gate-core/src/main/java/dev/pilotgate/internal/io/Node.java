package dev.pilotgate.internal.io;

import java.util.List;
import java.util.Map;

/**
 * A parsed document value that remembers its line: what the validator and binder walk, so that
 * every problem can name where it is. Built by {@link DocumentParser}; immutable once built.
 */
public sealed interface Node permits Node.Obj, Node.Arr, Node.Scalar {
  /** 1-based line the value starts on, or 0 when unknown. */
  int line();

  /** How the value reads in a message: {@code 'text'}, {@code 4.5}, {@code true}, {@code a list}, {@code an object}. */
  String describe();

  /** The value as written for a scalar, else {@code null}. */
  default String text() {
    return null;
  }

  /** One field of an object, with the line of its key. */
  record Field(String key, int line, Node value) {}

  /** An object (a YAML mapping), fields in document order. */
  record Obj(int line, Map<String, Field> fields) implements Node {
    @Override
    public String describe() {
      return "an object";
    }
  }

  /** A list (a YAML sequence). */
  record Arr(int line, List<Node> items) implements Node {
    @Override
    public String describe() {
      return "a list";
    }
  }

  /** What a scalar was written as. {@code BAD_NUMBER} is YAML's {@code .nan} or {@code .inf}, which no field takes. */
  enum Kind { TEXT, INTEGER, FLOAT, BOOLEAN, NULL, BAD_NUMBER }

  /** A single value; {@code number} is set for {@link Kind#INTEGER} and {@link Kind#FLOAT}. */
  record Scalar(int line, Kind kind, String text, Number number) implements Node {
    @Override
    public String describe() {
      return switch (kind) {
        case TEXT -> "'" + text + "'";
        case NULL -> "null";
        default -> text;
      };
    }
  }
}
