package dev.pilotgate.examples.cli;

import dev.pilotgate.ruleset.GateEvaluationException;
import dev.pilotgate.ruleset.RuleProblem;
import dev.pilotgate.ruleset.RuleSetException;
import dev.pilotgate.io.DocumentProblem;
import dev.pilotgate.io.PilotDocumentException;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints the library's errors for people: one problem a line, each naming the file (and
 * line) first, as compilers do; the stack trace only with {@code --debug}.
 */
final class ErrorReport {
  private ErrorReport() {}

  /** A pilot document that cannot be read: {@code error: FILE[:LINE]: PATH: MESSAGE}, one a problem. */
  static void pilotDocument(PrintWriter err, PilotDocumentException e, boolean debug) {
    List<DocumentProblem> problems = e.problems();
    if (problems == null || problems.isEmpty()) {
      err.println("error: " + e.source() + ": " + e.getMessage());
    }
    for (DocumentProblem p : problems == null ? List.<DocumentProblem>of() : problems) {
      // in a portfolio each problem names its own file
      String file = p.source() != null && !p.source().isBlank() ? p.source() : e.source();
      err.println("error: " + file + (p.line() > 0 ? ":" + p.line() : "") + ": " + p);
    }
    trace(err, e, debug);
  }

  /** A rule set that cannot be loaded: a heading, then {@code error: FILE[:LINE]: MESSAGE}, one a problem. */
  static void ruleSet(PrintWriter err, RuleSetException e, boolean debug) {
    List<RuleProblem> problems = e.problems();
    int count = problems == null ? 0 : problems.size();
    err.println("error: the rule set " + e.source() + " cannot be loaded ("
        + count + (count == 1 ? " problem" : " problems") + "):");
    if (count == 0) {
      err.println("error: " + e.getMessage());
    }
    for (RuleProblem p : problems == null ? List.<RuleProblem>of() : problems) {
      err.println("error: " + oneLine(p.toString()));
    }
    trace(err, e, debug);
  }

  /**
   * A rule set that cannot be loaded, as a compiler reports: exactly one line per problem,
   * {@code FILE:LINE: MESSAGE} ({@code FILE: MESSAGE} when the problem has no line), and
   * nothing else but the stack trace with {@code --debug}. For {@code validate} and
   * {@code watch}, whose stderr is read by editors and log collectors.
   */
  static void ruleProblems(PrintWriter err, RuleSetException e, boolean debug) {
    ruleProblems(err, e.problems(), e.getMessage());
    trace(err, e, debug);
  }

  /** One line per problem, {@code FILE:LINE: MESSAGE}; {@code fallback} when there is none. */
  static void ruleProblems(PrintWriter err, List<RuleProblem> problems, String fallback) {
    if (problems == null || problems.isEmpty()) {
      err.println(oneLine(fallback));
    }
    for (RuleProblem p : problems == null ? List.<RuleProblem>of() : problems) {
      err.println(oneLine(p.toString()));
    }
    err.flush();
  }

  /** A pilot document that cannot be read, one line per problem: {@code FILE[:LINE]: PATH: MESSAGE}. */
  static void documentProblems(PrintWriter err, PilotDocumentException e, boolean debug) {
    List<DocumentProblem> problems = e.problems();
    if (problems == null || problems.isEmpty()) {
      err.println(e.source() + ": " + oneLine(e.getMessage()));
    }
    for (DocumentProblem p : problems == null ? List.<DocumentProblem>of() : problems) {
      err.println(e.source() + (p.line() > 0 ? ":" + p.line() : "") + ": " + oneLine(p.toString()));
    }
    trace(err, e, debug);
  }

  /** Pilots the rules failed on: one line each, naming the pilot, the rule and the rule set. */
  static void evaluation(PrintWriter err, List<GateEvaluationException> failures, String rulesSource, boolean debug) {
    err.println("error: the rules in " + rulesSource + " failed on "
        + failures.size() + (failures.size() == 1 ? " pilot" : " pilots") + "; nothing was decided:");
    for (GateEvaluationException e : failures) {
      err.println("error: " + oneLine(e.getMessage()));
    }
    if (debug) {
      failures.forEach(e -> e.printStackTrace(err));
    }
    err.flush();
  }

  private static void trace(PrintWriter err, Exception e, boolean debug) {
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
  }

  /** Compiler messages can span lines; keep one problem on one line so each line names its file. */
  private static String oneLine(String message) {
    return message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
