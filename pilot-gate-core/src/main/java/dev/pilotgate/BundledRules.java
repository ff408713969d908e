package dev.pilotgate;

import dev.pilotgate.internal.engine.RuleFile;
import dev.pilotgate.internal.engine.RuleSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule set that ships in {@code pilot-gate-rules}: the {@code .drl} files, {@code policy.properties},
 * the finding catalogue {@code findings.properties} and the scenarios that pin them. An operator's own
 * rules directory usually starts as a copy of it ({@link #copyTo}), which {@link GateEvaluator#fromDirectory}
 * then reads and, when watched, reloads on every edit.
 *
 * <p>Stateless and thread-safe. Stable since 0.1.
 */
public final class BundledRules {
  private BundledRules() {}

  /**
   * Writes the bundled rule set into {@code directory} (created if absent), and with
   * {@code withScenarios} the scenario files under {@code directory/scenarios/}. An existing file is
   * never overwritten: the copy stops at it with {@link java.nio.file.FileAlreadyExistsException}
   * naming it, leaving the files already written.
   *
   * @return the files written, in the order written
   * @throws IOException when a file exists already or cannot be written
   */
  public static List<Path> copyTo(Path directory, boolean withScenarios) throws IOException {
    RuleSource source = RuleSource.bundled(BundledRules.class.getClassLoader());
    List<RuleFile> files = new ArrayList<>(source.drlFiles());
    files.add(source.policyFile());
    files.add(source.catalogueFile());
    if (withScenarios) {
      files.addAll(source.scenarioFiles());
    }
    List<Path> written = new ArrayList<>();
    for (RuleFile f : files) {
      Path target = directory.resolve(f.name());
      Files.createDirectories(target.getParent());
      Files.write(target, f.content(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      written.add(target);
    }
    return List.copyOf(written);
  }

  /**
   * The rules version of the bundled rule set: what {@link GateEvaluator#create()} reports as
   * {@link GateEvaluator#rulesVersion()}, and so does a directory holding an unedited copy with its
   * scenarios ({@code copyTo(directory, true)}). Reads the files, compiles nothing.
   */
  public static String version() {
    return version(true);
  }

  /**
   * The rules version of an unedited copy made by {@link #copyTo copyTo(directory, withScenarios)}: the
   * scenarios are part of a rule set's version, so a copy without them has another version than
   * {@link #version()}. Reads the files, compiles nothing.
   */
  public static String version(boolean withScenarios) {
    RuleSource source = RuleSource.bundled(BundledRules.class.getClassLoader());
    return withScenarios ? source.version()
        : new RuleSource(source.origin(), source.drlFiles(), source.policyFile(), List.of(), source.catalogueFile())
            .version();
  }
}
