package dev.pilotgate.internal.engine;

import dev.pilotgate.ruleset.RuleProblem;
import java.util.List;
import java.util.TreeSet;

/** Checks each {@code findings.add} call of the rules against the catalogue, at the call's file and line. */
final class FindingCalls {
  private FindingCalls() {}

  static void check(Catalogue catalogue, List<RuleChecker.FindingCall> calls, List<RuleProblem> problems) {
    for (RuleChecker.FindingCall call : calls) {
      Catalogue.Entry entry = catalogue.entry(call.code());
      if (entry == null) {
        TreeSet<String> known = new TreeSet<>();
        catalogue.entries().forEach(e -> known.add(e.key()));
        known.remove(Catalogue.WAIVER_EXPIRED); // the engine's
        problems.add(new RuleProblem(call.file(), call.line(), "reports finding '" + call.code()
            + "', which the finding catalogue does not define; add it to " + Catalogue.FILE
            + " (root cause, severity or stage, outcome, message, action) or use one of " + known));
        continue;
      }
      TreeSet<String> unbound = new TreeSet<>(entry.placeholders());
      unbound.removeAll(call.names());
      if (!unbound.isEmpty()) {
        int line = unbound.stream().mapToInt(n -> entry.placeholderLines().get(n)).min().orElse(entry.line());
        boolean toPass = entry.toPassOnly().containsAll(unbound);
        problems.add(new RuleProblem(call.file(), call.line(), "reports finding '" + call.code() + "' without "
            + String.join(", ", unbound) + ", which its " + (toPass ? "toPass" : "message or action") + " ("
            + Catalogue.FILE + " line " + (toPass ? line : entry.line()) + ") uses: bind "
            + (unbound.size() == 1 ? "it" : "them") + " in the call"));
      }
    }
  }
}
