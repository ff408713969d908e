package dev.pilotgate.internal.engine;

import dev.pilotgate.internal.text.EditDistance;
import dev.pilotgate.policy.Policy;
import dev.pilotgate.ruleset.RuleProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The policy keys a rule set needs are the ones its rules read: each key a rule reads that the
 * policy (with its defaults) lacks is a load error at the rule's file and line, with the nearest
 * defined key as a hint; a key the policy file defines that neither a rule nor the analysis reads
 * is a warning (most often a typo, or a rule that was removed). Stateless.
 */
final class PolicyKeys {
  private PolicyKeys() {}

  static void check(RuleFile policyFile, Policy policy, List<RuleChecker.PolicyUse> uses, List<RuleProblem> problems,
      List<RuleProblem> warnings) {
    Set<String> read = new HashSet<>(PolicyReader.DEFAULTS.keySet());
    // One problem per missing key and file, at its first use: the same typo read four times is one fix.
    Map<List<String>, List<RuleChecker.PolicyUse>> missing = new LinkedHashMap<>();
    for (RuleChecker.PolicyUse use : uses) {
      read.add(use.key());
      if (!policy.keys().contains(use.key())) {
        missing.computeIfAbsent(List.of(use.file(), use.key()), k -> new ArrayList<>()).add(use);
      }
    }
    missing.forEach((fileAndKey, at) -> {
      RuleChecker.PolicyUse first = at.get(0);
      String also = at.size() == 1 ? "" : " (read again at line" + (at.size() == 2 ? " " : "s ")
          + at.stream().skip(1).map(u -> String.valueOf(u.line())).collect(Collectors.joining(", ")) + ")";
      problems.add(new RuleProblem(first.file(), first.line(), "reads policy key '" + first.key() + "'" + also
          + ", which " + policyFile.display() + " does not define" + hint(first.key(), policy.keys())
          + ": add it to the policy (with a comment saying what it means) or correct the key"));
    });
    Map<String, Integer> lines = PolicyReader.lineNumbers(policyFile.text());
    lines.keySet().stream().filter(k -> !read.contains(k)).sorted().forEach(k -> warnings.add(new RuleProblem(
        policyFile.display(), lines.get(k), "key " + k + " is read by no rule" + hint(k, read)
            + "; remove it, or correct the key or the rule that should read it")));
  }

  /** "; did you mean 'x'?" for the closest key within a few edits, else empty. */
  private static String hint(String key, Set<String> keys) {
    return keys.stream().filter(k -> !k.equals(key))
        .min(Comparator.comparingInt((String k) -> EditDistance.between(key, k)).thenComparing(k -> k))
        .filter(k -> EditDistance.between(key, k) <= Math.max(2, key.length() / 5))
        .map(k -> " (did you mean '" + k + "'?)").orElse("");
  }
}
