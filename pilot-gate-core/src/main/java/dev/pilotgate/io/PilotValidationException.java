package dev.pilotgate.io;

import java.util.List;

/**
 * What {@link PilotReader} throws when documents are not valid pilots: every problem of every
 * document at once, each with its file, line, field path, the value as written and what would
 * be right. Covers malformed or hostile documents (too large, too deeply nested, YAML aliases or
 * tags), wrong types, unknown fields and enum names, missing required fields, values the model
 * refuses (a rate outside [0, 1], a negative count, a date out of order, ...), unreadable files
 * and, for a portfolio, pilot ids used twice. Nothing of an invalid document is returned.
 *
 * <p>A {@link PilotDocumentException}, so code that catches that keeps working. Unchecked.
 */
public final class PilotValidationException extends PilotDocumentException {
  private static final long serialVersionUID = 1L;

  /**
   * @param source   the file the problems are in, or a name for the portfolio when they are in several
   *                 (then each problem names its file)
   * @param problems at least one
   */
  public PilotValidationException(String source, List<DocumentProblem> problems) {
    super(source, problems);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("problems must not be empty");
    }
  }
}
