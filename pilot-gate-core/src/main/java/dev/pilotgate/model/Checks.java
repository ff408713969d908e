package dev.pilotgate.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules for the model's values, in one place: each compact constructor runs its values
 * through one {@code Checks}, which collects every problem, and {@link #done()} throws them
 * together as one {@link InvalidFieldException}. The document reader gets its value problems
 * from the same constructors, so a rule is written once. Messages name the field, quote the
 * value and say what would be right. Not thread-safe; one per constructor call.
 */
final class Checks {
  private List<FieldProblem> problems;

  /** Adds a problem about {@code field}, compared with the {@code related} fields. */
  void problem(String field, String problem, String... related) {
    if (problems == null) {
      problems = new ArrayList<>(2);
    }
    problems.add(new FieldProblem(field, problem, Arrays.asList(related)));
  }

  /** Throws every collected problem as one {@link InvalidFieldException}; does nothing when there is none. */
  void done() {
    if (problems != null) {
      throw new InvalidFieldException(problems);
    }
  }

  <T> T required(T value, String field, String expected) {
    if (value == null) {
      problem(field, "is required (" + expected + ")");
    }
    return value;
  }

  <E extends Enum<E>> E required(E value, String field, E[] allowed) {
    return required(value, field, "one of " + Arrays.toString(allowed));
  }

  LocalDate requiredDate(LocalDate value, String field) {
    required(value, field, "an ISO date, YYYY-MM-DD");
    return date(value, field);
  }

  /**
   * {@code value} when it is {@code null} or in the years {@link Pilot#FIRST_YEAR} to
   * {@link Pilot#LAST_YEAR}; otherwise a problem, and {@code null}, so that it takes part in no
   * comparison.
   */
  LocalDate date(LocalDate value, String field) {
    if (value != null && (value.getYear() < Pilot.FIRST_YEAR || value.getYear() > Pilot.LAST_YEAR)) {
      problem(field, "must be a date in the years " + Pilot.FIRST_YEAR + " to " + Pilot.LAST_YEAR + " but was " + value);
      return null;
    }
    return value;
  }

  String requiredText(String value, String field) {
    if (value == null) {
      problem(field, "is required (a non-blank text)");
    } else if (value.isBlank()) {
      problem(field, "must not be blank but was '" + value + "'");
    }
    return value;
  }

  Double rate(Double value, String field) {
    if (value != null && isFinite(value, field) && (value < 0 || value > 1)) {
      problem(field, "must be between 0 and 1 but was " + value);
    }
    return value;
  }

  Double nonNegative(Double value, String field) {
    if (value != null && isFinite(value, field) && value < 0) {
      problem(field, "must not be negative but was " + value);
    }
    return value;
  }

  int nonNegative(int value, String field) {
    if (value < 0) {
      problem(field, "must not be negative but was " + value);
    }
    return value;
  }

  /** Whether {@code value} is finite; adds a problem when it is not. */
  boolean isFinite(double value, String field) {
    if (!Double.isFinite(value)) {
      problem(field, "must be a finite number but was " + value);
      return false;
    }
    return true;
  }

  void finite(double value, String field) {
    isFinite(value, field);
  }

  Double finite(Double value, String field) {
    if (value != null) {
      isFinite(value.doubleValue(), field);
    }
    return value;
  }

  /**
   * Copies a list into an unmodifiable one; {@code null} becomes empty. A {@code null} element
   * is a problem; it is kept in place so later checks see the same indexes (and must skip it).
   */
  <T> List<T> list(List<T> values, String field) {
    if (values == null || values.isEmpty()) {
      return List.of();
    }
    List<T> copy = new ArrayList<>(values);
    for (int i = 0; i < copy.size(); i++) {
      if (copy.get(i) == null) {
        problem(field + "[" + i + "]", "is required (an element of the list; remove the empty entry)");
      }
    }
    return Collections.unmodifiableList(copy);
  }

  /** Copies a map, keeping the document's order; {@code null} becomes empty; blank keys and {@code null} values are problems. */
  <V> Map<String, V> map(Map<String, V> values, String field) {
    if (values == null || values.isEmpty()) {
      return Map.of();
    }
    Map<String, V> copy = new LinkedHashMap<>();
    values.forEach((k, v) -> {
      if (k == null || k.isBlank()) {
        problem(field, "has a blank key; name each entry");
      } else if (v == null) {
        problem(field + "." + k, "is required (a value for the entry)");
      }
      copy.put(k, v);
    });
    return Collections.unmodifiableMap(copy);
  }

  /** A problem when {@code first} is after {@code second}; both dates are named with their values. */
  void notAfter(LocalDate first, LocalDate second, String field, String otherField) {
    if (first != null && second != null && first.isAfter(second)) {
      problem(field, "(" + first + ") must not be after " + otherField + " (" + second + ")", otherField);
    }
  }

  /**
   * A problem for each user id in {@code values} that repeats an earlier one (compared as
   * {@link UserIds#key(String)} does), naming the earlier entry, and its value when it is written
   * differently.
   */
  void uniqueUsers(List<String> values, String field, String what) {
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      if (v == null || v.isBlank()) {
        continue;
      }
      Integer earlier = first.putIfAbsent(UserIds.key(v), i);
      if (earlier != null) {
        String other = values.get(earlier);
        problem(field + "[" + i + "]", "repeats '" + v + "' (also " + field + "[" + earlier + "]"
            + (other.equals(v) ? "" : " '" + other + "'; user names are compared trimmed and ignoring case")
            + "); list each " + what + " once");
      }
    }
  }
}
