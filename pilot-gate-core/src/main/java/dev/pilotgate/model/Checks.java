package dev.pilotgate.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Argument checks shared by the model's compact constructors. Messages name the field and quote the value. */
final class Checks {
  private Checks() {}

  static <T> T required(T value, String field) {
    if (value == null) {
      throw new InvalidFieldException(field, "is required");
    }
    return value;
  }

  static String requiredText(String value, String field) {
    required(value, field);
    if (value.isBlank()) {
      throw new InvalidFieldException(field, "must not be blank");
    }
    return value;
  }

  static Double rate(Double value, String field) {
    if (value != null) {
      finite(value, field);
      if (value < 0 || value > 1) {
        throw new InvalidFieldException(field, "must be between 0 and 1 but was " + value);
      }
    }
    return value;
  }

  static Double nonNegative(Double value, String field) {
    if (value != null) {
      finite(value, field);
      if (value < 0) {
        throw new InvalidFieldException(field, "must not be negative but was " + value);
      }
    }
    return value;
  }

  static int nonNegative(int value, String field) {
    if (value < 0) {
      throw new InvalidFieldException(field, "must not be negative but was " + value);
    }
    return value;
  }

  static double finite(double value, String field) {
    if (!Double.isFinite(value)) {
      throw new InvalidFieldException(field, "must be a finite number but was " + value);
    }
    return value;
  }

  /** Copies a list into an unmodifiable one; {@code null} becomes empty; {@code null} elements are refused. */
  static <T> List<T> list(List<T> values, String field) {
    if (values == null || values.isEmpty()) {
      return List.of();
    }
    List<T> copy = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      copy.add(required(values.get(i), field + "[" + i + "]"));
    }
    return Collections.unmodifiableList(copy);
  }

  /** Copies a map, keeping the document's order; {@code null} becomes empty. */
  static <V> Map<String, V> map(Map<String, V> values, String field) {
    if (values == null || values.isEmpty()) {
      return Map.of();
    }
    Map<String, V> copy = new LinkedHashMap<>();
    values.forEach((k, v) -> {
      requiredText(k, field + " key");
      copy.put(k, required(v, field + "." + k));
    });
    return Collections.unmodifiableMap(copy);
  }

  static void notAfter(java.time.LocalDate first, java.time.LocalDate second, String field, String otherField) {
    if (first != null && second != null && first.isAfter(second)) {
      throw new InvalidFieldException(field, "(" + first + ") must not be after " + otherField + " (" + second + ")");
    }
  }
}
