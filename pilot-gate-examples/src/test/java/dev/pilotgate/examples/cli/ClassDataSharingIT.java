package dev.pilotgate.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class data sharing archive that {@code package} builds ({@code target/pilot-gate.jsa},
 * made by {@code src/build/AppCdsArchive.java}), used the way a user launches the CLI: a real
 * {@code java} process on {@code target/pilot-gate.jar}.
 *
 * <p>An integration test (failsafe, {@code integration-test} phase), because the archive exists
 * only after {@code package}. It is skipped, with the reason the build gave, only when the build
 * did not make the archive ({@code -Dpilotgate.cds.skip}, or a JVM that could not write it), and
 * fails instead in CI.
 */
class ClassDataSharingIT {
  private static final Path TARGET = Path.of("target");
  private static final Path JAR = TARGET.resolve("pilot-gate.jar");
  private static final Path ARCHIVE = TARGET.resolve("pilot-gate.jsa");
  private static final String SHARED = "source: shared objects file";

  @TempDir
  Path tmp;

  @Test
  void evaluate_withTheArchive_loadsPilotGateAndDroolsClassesFromIt() throws Exception {
    assumeArchiveBuilt();
    Path classLog = tmp.resolve("class-load.log");

    // -Xshare:on: the JVM refuses to start, rather than silently run without the archive.
    Run run = java("-Xshare:on", "-XX:SharedArchiveFile=" + ARCHIVE,
        "-Xlog:class+load=info:file=" + classLog,
        "-jar", JAR.toString(), "evaluate", "--as-of", "2026-06-01", "pilots/invoice-capture.yaml");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).as(run.toString())
        .contains("DIAGNOSE  invoice-capture")
        .contains("LOW_SUSTAINED_USAGE")
        .contains("1 pilot as of 2026-06-01: 0 GO, 0 HOLD, 1 DIAGNOSE, 0 KILL");
    List<String> loads = Files.readAllLines(classLog, StandardCharsets.UTF_8);
    assertThat(loads)
        .anyMatch(line -> line.contains(" dev.pilotgate.examples.cli.PilotGateCli " + SHARED))
        .anyMatch(line -> line.contains(" dev.pilotgate.GateEvaluator " + SHARED))
        .anyMatch(line -> line.contains(" org.kie.api.KieServices " + SHARED))
        .anyMatch(line -> line.contains(" org.drools.compiler.builder.impl.KnowledgeBuilderImpl " + SHARED))
        .anyMatch(line -> line.contains(" org.drools.core.impl.RuleBaseFactory " + SHARED));
    // Most classes come from the archive; the rest are mainly ecj (a signed jar, which CDS
    // leaves out) and the classes Drools generates for the rules.
    long shared = loads.stream().filter(line -> line.contains(SHARED)).count();
    assertThat(shared).as("classes from the archive, of %d", loads.size())
        .isGreaterThan(loads.size() * 3 / 4);
  }

  @Test
  void evaluate_withAnArchiveOfAnotherJar_fallsBackSilently() throws Exception {
    assumeArchiveBuilt();
    // The same jar under another path: to the JVM, a class path that does not match the one
    // the archive was made with (as when the jar is moved); the archive is not used, without a
    // word. (A jar rebuilt in place fails the JVM's size and time check instead, also silently.)
    Path copy = Files.createDirectories(tmp.resolve("copy"));
    Files.copy(JAR, copy.resolve("pilot-gate.jar"));
    Path lib = Files.createDirectories(copy.resolve("lib"));
    try (Stream<Path> jars = Files.list(TARGET.resolve("lib"))) {
      for (Path jar : (Iterable<Path>) jars::iterator) {
        Files.copy(jar, lib.resolve(jar.getFileName()));
      }
    }
    Path classLog = tmp.resolve("class-load.log");

    Run run = java("-XX:SharedArchiveFile=" + ARCHIVE, "-Xlog:class+load=info:file=" + classLog,
        "-jar", copy.resolve("pilot-gate.jar").toString(), "evaluate", "--as-of", "2026-06-01",
        "pilots/invoice-capture.yaml");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("1 pilot as of 2026-06-01: 0 GO, 0 HOLD, 1 DIAGNOSE, 0 KILL");
    // the launcher's own notes (JAVA_TOOL_OPTIONS set by a CI runner) are not warnings
    assertThat(run.err().lines().filter(line -> !line.startsWith("Picked up ") && !line.startsWith("NOTE: Picked up ")))
        .as("no warning").isEmpty();
    assertThat(Files.readAllLines(classLog, StandardCharsets.UTF_8)).noneMatch(line -> line.contains(SHARED));
  }

  /**
   * Skips when the build made no archive, with the build's reason; in CI (environment variable
   * {@code CI} set, as {@code .ci/run} does) fails instead, since there the build must make it.
   */
  private static void assumeArchiveBuilt() throws IOException {
    Path result = TARGET.resolve("cds").resolve("result.txt");
    String reason = Files.exists(result) ? Files.readString(result, StandardCharsets.UTF_8).strip()
        : "the build did not run src/build/AppCdsArchive.java";
    String missing = !Files.isRegularFile(ARCHIVE) ? "no " + ARCHIVE + ": " + reason
        : Files.getLastModifiedTime(ARCHIVE).compareTo(Files.getLastModifiedTime(JAR)) < 0
            ? ARCHIVE + " is older than " + JAR + " (-Dpilotgate.cds.skip?)" : null;
    String ci = System.getenv("CI");
    if (missing != null && ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
      fail("CI is set: " + missing);
    }
    assumeTrue(missing == null, missing);
  }

  private Run java(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(args));
    Path out = tmp.resolve("stdout.txt");
    Path err = tmp.resolve("stderr.txt");
    Process process = new ProcessBuilder(command)
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .start();
    process.getOutputStream().close();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("timed out: " + command);
    }
    return new Run(command, process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  private record Run(List<String> command, int exitCode, String out, String err) {
    @Override
    public String toString() {
      return String.join(" ", command) + "\nexit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }
}
