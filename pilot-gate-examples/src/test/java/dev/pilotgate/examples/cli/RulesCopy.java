package dev.pilotgate.examples.cli;

import dev.pilotgate.BundledRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies the bundled rule set (from the classpath) into a directory, as an operator would before editing it. */
final class RulesCopy {
  private RulesCopy() {}

  /**
   * Writes the bundled rule set (rules, policy, catalogue) into {@code dir}, and with
   * {@code withScenarios} the scenario files too (under {@code dir/scenarios/}).
   *
   * @return the copy's rules version (the bundled rules' own when {@code withScenarios})
   */
  static String into(Path dir, boolean withScenarios) throws IOException {
    BundledRules.copyTo(dir, withScenarios);
    return BundledRules.version(withScenarios);
  }

  /** Copies the bundled scenarios alone into {@code dir/scenarios} (the rules go to a sibling folder) and returns that folder. */
  static Path scenariosOnly(Path dir) throws IOException {
    Path rules = dir.resolve("bundled");
    BundledRules.copyTo(rules, true);
    return Files.move(rules.resolve("scenarios"), dir.resolve("scenarios"));
  }

  /** Replaces the one line {@code key=...} of the policy in {@code dir} with {@code key=value}. */
  static void setPolicy(Path dir, String key, String value) throws IOException {
    Path policy = dir.resolve("policy.properties");
    String text = Files.readString(policy);
    String edited = text.replaceFirst("(?m)^" + java.util.regex.Pattern.quote(key) + "=.*$", key + "=" + value);
    if (edited.equals(text)) {
      throw new IllegalArgumentException("no line " + key + "=... in " + policy);
    }
    Files.writeString(policy, edited);
  }
}
