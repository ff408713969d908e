package dev.pilotgate.ruleset;

/**
 * One problem in a rule set: the file, the line (0 when the problem is not tied to a
 * line) and what is wrong. {@link #toString()} gives {@code file:line: message}.
 *
 * @param file    the file's path or name as it was loaded
 * @param line    1-based line, or 0 when unknown
 * @param message what is wrong
 */
public record RuleProblem(String file, int line, String message) {
  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
  }
}
