package dev.pilotgate.live;

import dev.pilotgate.internal.engine.RuleFile;
import dev.pilotgate.internal.engine.RuleSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Test rule directories: the bundled rules copied out, and edits to them. */
final class RuleDirs {
  private RuleDirs() {}

  /** Writes the bundled rules, policy and finding catalogue (not the scenarios) into {@code dir}. */
  static Path copyBundled(Path dir) {
    RuleSource bundled = RuleSource.bundled(RuleDirs.class.getClassLoader());
    try {
      for (RuleFile f : bundled.drlFiles()) {
        Files.write(dir.resolve(f.name()), f.content());
      }
      Files.write(dir.resolve(RuleSource.POLICY_FILE), bundled.policyFile().content());
      Files.write(dir.resolve(bundled.catalogueFile().name()), bundled.catalogueFile().content());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  /** Replaces {@code key}'s value in the policy file of {@code dir}. */
  static void setPolicy(Path dir, String key, String value) {
    Path policy = dir.resolve(RuleSource.POLICY_FILE);
    try {
      String text = Files.readString(policy);
      String updated = text.replaceAll("(?m)^" + java.util.regex.Pattern.quote(key) + "=.*$", key + "=" + value);
      if (updated.equals(text) && !text.contains(key + "=" + value)) {
        throw new IllegalArgumentException("no key " + key);
      }
      write(policy, updated);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes through a temporary file and a move, as careful editors do, so a reader never sees half. */
  static void write(Path file, String content) {
    try {
      Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
      Files.writeString(tmp, content);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The version the directory's rules and policy would have. */
  static String versionOf(Path dir) {
    return RuleSource.fromDirectory(dir).version();
  }

  /** Polls {@code condition} every 20 ms until it holds or {@code limit} passes; returns whether it held. */
  static boolean await(Duration limit, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(20);
    }
    return condition.getAsBoolean();
  }
}
