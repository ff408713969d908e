package dev.pilotgate.examples.cli;

import dev.pilotgate.internal.engine.RuleFile;
import dev.pilotgate.internal.engine.RuleSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Copies the bundled rule set (from the classpath) into a directory, as an operator would before editing it. */
final class RulesCopy {
  private RulesCopy() {}

  /** The bundled rule set, read from the classpath. */
  static RuleSource bundled() {
    return RuleSource.bundled(RulesCopy.class.getClassLoader());
  }

  /**
   * Writes the bundled {@code .drl} files and {@code policy.properties} into {@code dir}, and
   * with {@code withScenarios} the scenario files too (under {@code dir/scenarios/}).
   *
   * @return what was copied (its {@link RuleSource#version()} is the copy's rules version)
   */
  static RuleSource into(Path dir, boolean withScenarios) throws IOException {
    RuleSource source = bundled();
    List<RuleFile> files = new ArrayList<>(source.drlFiles());
    files.add(source.policyFile());
    if (withScenarios) {
      files.addAll(source.scenarioFiles());
    }
    for (RuleFile f : files) {
      Path target = dir.resolve(f.name());
      Files.createDirectories(target.getParent());
      Files.write(target, f.content());
    }
    return source;
  }

  /** Replaces the one line {@code key=...} of the policy in {@code dir} with {@code key=value}. */
  static void setPolicy(Path dir, String key, String value) throws IOException {
    Path policy = dir.resolve(RuleSource.POLICY_FILE);
    String text = Files.readString(policy);
    String edited = text.replaceFirst("(?m)^" + java.util.regex.Pattern.quote(key) + "=.*$", key + "=" + value);
    if (edited.equals(text)) {
      throw new IllegalArgumentException("no line " + key + "=... in " + policy);
    }
    Files.writeString(policy, edited);
  }
}
