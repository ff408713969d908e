package dev.pilotgate.io;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A pilot document (or a portfolio of them) could not be read. Names the file and, for
 * each problem, the field path and line; nothing of the document is returned.
 */
public final class PilotDocumentException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String source;
  private final transient List<DocumentProblem> problems;

  public PilotDocumentException(String source, List<DocumentProblem> problems) {
    super(problems.stream()
        .map(p -> source + (p.line() > 0 ? ":" + p.line() : "") + ": " + p)
        .collect(Collectors.joining("\n")));
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  /** The file (or other named source) the problems are in. */
  public String source() {
    return source;
  }

  /** Every problem found. */
  public List<DocumentProblem> problems() {
    return problems;
  }
}
