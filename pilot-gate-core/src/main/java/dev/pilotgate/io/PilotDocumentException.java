package dev.pilotgate.io;

import dev.pilotgate.error.PilotGateException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A pilot document (or a portfolio of them, or a scenario file) could not be read. Names the
 * file and, for each problem, the field path and line; nothing of the document is returned.
 * {@link PilotReader} throws its subclass {@link PilotValidationException}.
 */
public sealed class PilotDocumentException extends PilotGateException permits PilotValidationException {
  private static final long serialVersionUID = 1L;
  private final String source;
  private final transient List<DocumentProblem> problems;

  public PilotDocumentException(String source, List<DocumentProblem> problems) {
    super(format(source, problems));
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  /** One line per problem: {@code FILE[:LINE]: PATH: MESSAGE}. */
  static String format(String source, List<DocumentProblem> problems) {
    return problems.stream()
        .map(p -> (p.source() != null ? p.source() : source) + (p.line() > 0 ? ":" + p.line() : "") + ": " + p)
        .collect(Collectors.joining("\n"));
  }

  /** The file (or other named source) the problems are in; for problems in several files, the portfolio. */
  public String source() {
    return source;
  }

  /** Every problem found; each names its own file in {@link DocumentProblem#source()} when that is not {@link #source()}. */
  public List<DocumentProblem> problems() {
    return problems;
  }
}
