package dev.pilotgate.model;

import java.util.List;
import java.util.Objects;

/**
 * One value a model constructor refused.
 *
 * @param field   the refused component, relative to the record that refused it (e.g. {@code duplicateRate},
 *                {@code earlyAdopters[2]}, {@code successCriteria[0].deadlineOn})
 * @param problem what is wrong and what would be right, without the field name
 *                (e.g. {@code "must be between 0 and 1 but was 1.5"})
 * @param related other fields of the same record the value was compared with (e.g. {@code eligibleUsers}
 *                for {@code deployedUsers}); a reader drops the problem when one of them is itself invalid,
 *                since it then only follows from that other problem
 */
public record FieldProblem(String field, String problem, List<String> related) {
  public FieldProblem {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(problem, "problem");
    related = related == null ? List.of() : List.copyOf(related);
  }

  public FieldProblem(String field, String problem) {
    this(field, problem, List.of());
  }

  @Override
  public String toString() {
    return field + " " + problem;
  }
}
