package dev.pilotgate.ruleset;

import dev.pilotgate.error.PilotGateException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A rule set could not be loaded: a {@code .drl} does not compile, or the policy file is
 * missing, has a missing key or a malformed value. Carries every problem found, each with
 * its file and line, and where the rule set came from.
 */
public final class RuleSetException extends PilotGateException {
  private static final long serialVersionUID = 1L;
  private final String source;
  private final transient List<RuleProblem> problems;

  public RuleSetException(String source, List<RuleProblem> problems) {
    super(format(source, problems));
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  /** Where the rule set came from (a directory, or {@code classpath:...}). */
  public String source() {
    return source;
  }

  /** Every problem found, in file order. */
  public List<RuleProblem> problems() {
    return problems;
  }

  private static String format(String source, List<RuleProblem> problems) {
    return "rule set " + source + " has " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
        + ":\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }
}
