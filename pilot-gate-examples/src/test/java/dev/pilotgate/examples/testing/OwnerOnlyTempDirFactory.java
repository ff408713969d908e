package dev.pilotgate.examples.testing;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Every {@code @TempDir} of these tests (see {@code junit-platform.properties}): a temporary directory
 * inside another one, both owner-only ({@code rwx------}, as {@link Files#createTempDirectory} makes
 * them on POSIX), instead of one directly in the world-writable {@code /tmp}. A rules directory is
 * refused when a parent of it, up to the first that only its owner may write, may be written by
 * others (docs/security.md); a rules directory that is a plain {@code @TempDir} has {@code /tmp} as
 * that parent. Here the walk stops at the outer directory, as it stops at an operator's home or
 * {@code /srv}. The inner directory is deleted by JUnit, the outer one on {@link #close()}.
 */
public final class OwnerOnlyTempDirFactory implements TempDirFactory {
  private Path outer;

  @Override
  public Path createTempDirectory(AnnotatedElementContext elementContext, ExtensionContext extensionContext)
      throws IOException {
    outer = Files.createTempDirectory("junit-home");
    return Files.createTempDirectory(outer, "junit");
  }

  @Override
  public void close() throws IOException {
    if (outer != null) {
      try {
        Files.deleteIfExists(outer);
      } catch (DirectoryNotEmptyException kept) {
        // the inner directory was kept (CleanupMode): keep its parent too
      }
    }
  }
}
