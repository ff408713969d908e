package dev.pilotgate.error;

/**
 * The root of every exception pilot-gate throws for a problem it can name: an invalid model
 * value ({@code model.InvalidFieldException}), a pilot document that cannot be read or is
 * invalid ({@code io.PilotDocumentException}), a rule set that cannot be loaded
 * ({@code ruleset.RuleSetException}), or rules that fail on a pilot
 * ({@code ruleset.GateEvaluationException}). Catch this to handle all of them; each subclass
 * carries its own context (file and line, field path, pilot, rule, rules version).
 *
 * <p>Messages are for people: they name what was wrong and where, never a raw engine trace.
 * A {@code NullPointerException} or {@code IllegalArgumentException} for a wrong argument of
 * an API call is a programming error and not one of these.
 *
 * <p>Immutable once thrown. Stable: new subclasses may be added.
 */
public abstract class PilotGateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected PilotGateException(String message) {
    super(message);
  }

  protected PilotGateException(String message, Throwable cause) {
    super(message, cause);
  }
}
