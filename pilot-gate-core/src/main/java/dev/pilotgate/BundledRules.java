package dev.pilotgate;

import dev.pilotgate.internal.engine.RuleFile;
import dev.pilotgate.internal.engine.RuleSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
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
   * naming it, leaving the files already written. On POSIX file systems the files are written
   * rw-r--r-- and the folders it creates rwxr-xr-x, whatever the process's umask, so that the copy
   * passes the evaluator's check of who may write a rules directory.
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
      createOwnerWritable(directory, target.getParent());
      Files.write(target, f.content(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      ownerWritable(target, "rw-r--r--");
      written.add(target);
    }
    return List.copyOf(written);
  }

  /**
   * Creates {@code dir} and the folders up to it below {@code root} (and {@code root} itself if absent)
   * as rwxr-xr-x: with a umask of 002 (common where each user has a group of their own) they would
   * be group-writable, and the evaluator refuses a rules directory its group may write.
   */
  private static void createOwnerWritable(Path root, Path dir) throws IOException {
    List<Path> missing = new ArrayList<>();
    for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
      missing.add(0, p);
      if (p.equals(root)) {
        break;
      }
    }
    for (Path p : missing) {
      Files.createDirectory(p);
      ownerWritable(p, "rwxr-xr-x");
    }
  }

  private static void ownerWritable(Path path, String permissions) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: nothing to set, and nothing the evaluator checks
    }
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
