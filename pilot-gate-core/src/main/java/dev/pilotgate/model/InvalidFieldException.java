package dev.pilotgate.model;

import dev.pilotgate.error.PilotGateException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by the model's constructors when values are missing or out of range: every problem
 * of the record at once, each in {@link #problems()}.
 *
 * <p>{@link #field()} and {@link #problem()} describe the first problem. Field names are
 * relative to the record that refused them (for example {@code duplicateRate}); readers prefix
 * them with the document path (for example {@code dataSources[0].duplicateRate}).
 */
public final class InvalidFieldException extends PilotGateException {
  private static final long serialVersionUID = 1L;
  private final transient List<FieldProblem> problems;

  public InvalidFieldException(String field, String problem) {
    this(List.of(new FieldProblem(field, problem)));
  }

  /** @param problems at least one */
  public InvalidFieldException(List<FieldProblem> problems) {
    super(problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; ")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("problems must not be empty");
    }
    this.problems = List.copyOf(problems);
  }

  /** The name of the first refused component, relative to the record that refused it. */
  public String field() {
    return problems.get(0).field();
  }

  /** What is wrong with the first refused component, without the field name (for example {@code "is required"}). */
  public String problem() {
    return problems.get(0).problem();
  }

  /** Every problem of the record, in the order of its components. */
  public List<FieldProblem> problems() {
    return problems;
  }
}
