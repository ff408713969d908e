package dev.pilotgate.io;

/**
 * One problem in a pilot document.
 *
 * @param path    the field path, e.g. {@code successCriteria[0].baseline}; empty for the whole document
 * @param message what is wrong and, where it helps, what would be right
 * @param line    1-based line in the document, or 0 when unknown
 */
public record DocumentProblem(String path, String message, int line) {
  @Override
  public String toString() {
    return (path.isEmpty() ? "" : path + ": ") + message;
  }
}
