package dev.pilotgate.io;

/**
 * One problem in a pilot document (or a scenario file).
 *
 * @param source  the file (or other named source) the problem is in, or {@code null} when it is the
 *                source of the exception that carries it
 * @param path    the field path, e.g. {@code successCriteria[0].baseline}; empty for the whole document
 * @param value   the offending value as written in the document, or {@code null} when it is absent
 *                (a missing field) or not a single value
 * @param message what is wrong and what would be right; it quotes the value where one was given
 * @param line    1-based line in the document, or 0 when unknown
 */
public record DocumentProblem(String source, String path, String value, String message, int line) {
  public DocumentProblem {
    path = path == null ? "" : path;
    java.util.Objects.requireNonNull(message, "message");
  }

  /** A problem of the exception's own source, without a quoted value. */
  public DocumentProblem(String path, String message, int line) {
    this(null, path, null, message, line);
  }

  /** A problem of the exception's own source: {@code path}, the value as written (or null), what is wrong, the line. */
  public static DocumentProblem of(String path, String value, String message, int line) {
    return new DocumentProblem(null, path, value, message, line);
  }

  /** This problem, placed in {@code source} unless it already names one. */
  public DocumentProblem in(String source) {
    return this.source != null ? this : new DocumentProblem(source, path, value, message, line);
  }

  /** {@code path: message}, or the message alone for the whole document. */
  @Override
  public String toString() {
    return (path.isEmpty() ? "" : path + ": ") + message;
  }
}
