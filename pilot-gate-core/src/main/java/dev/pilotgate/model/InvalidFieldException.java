package dev.pilotgate.model;

/**
 * Thrown by the model's constructors when a value is missing or out of range.
 *
 * <p>{@link #field()} is the name of the offending component relative to the record that
 * refused it (for example {@code duplicateRate}); readers prefix it with the document path
 * (for example {@code dataSources[0].duplicateRate}).
 */
public final class InvalidFieldException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String field;
  private final String problem;

  public InvalidFieldException(String field, String problem) {
    super(field + " " + problem);
    this.field = field;
    this.problem = problem;
  }

  /** The name of the refused component, relative to the record that refused it. */
  public String field() {
    return field;
  }

  /** What is wrong with it, without the field name (for example {@code "is required"}). */
  public String problem() {
    return problem;
  }
}
