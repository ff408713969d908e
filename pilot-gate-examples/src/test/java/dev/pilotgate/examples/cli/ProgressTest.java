package dev.pilotgate.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress line of long runs: drawn in a terminal only, on stderr only, and cleared. */
class ProgressTest {

  @Test
  void drawnInPlaceAndCleared_whenInTerminalAndLong() {
    StringWriter text = new StringWriter();
    Progress progress = Progress.of(new PrintWriter(text), "pilots", 21, true);

    for (int i = 0; i < 21; i++) {
      progress.step();
    }
    progress.done();

    String drawn = text.toString();
    assertThat(progress.shown()).isTrue();
    assertThat(drawn).startsWith("\rdeciding 1/21 pilots")
        .contains("\rdeciding 21/21 pilots")
        .doesNotContain("\n")
        .endsWith("\r" + " ".repeat("deciding 21/21 pilots".length()) + "\r");
  }

  @Test
  void silent_whenNotInTerminal_orShort() {
    StringWriter pipe = new StringWriter();
    Progress notTerminal = Progress.of(new PrintWriter(pipe), "pilots", 500, false);
    Progress shortRun = Progress.of(new PrintWriter(pipe), "pilots", Progress.THRESHOLD, true);

    for (int i = 0; i < 500; i++) {
      notTerminal.step();
    }
    for (int i = 0; i < Progress.THRESHOLD; i++) {
      shortRun.step();
    }
    notTerminal.done();
    shortRun.done();

    assertThat(notTerminal.shown()).isFalse();
    assertThat(shortRun.shown()).isFalse();
    assertThat(pipe.toString()).isEmpty();
  }

  @Test
  void evaluate_longPortfolio_noProgressOutsideATerminal(@TempDir Path dir) throws IOException {
    Path portfolio = longPortfolio(dir, 25);

    CliRun run = CliRun.of("evaluate", "--as-of", "2026-06-01", portfolio.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).as("a test is no terminal").isEmpty();
    assertThat(run.out()).contains("25 pilots as of 2026-06-01: 25 GO");
  }

  @Test
  void evaluate_longPortfolio_progressOnStderrInATerminal_stdoutUntouched(@TempDir Path dir) throws IOException {
    Path portfolio = longPortfolio(dir, 25);
    Charset charset = PilotGateCli.outputCharset();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code;
    try (PrintStream o = new PrintStream(out, true, charset); PrintStream e = new PrintStream(err, true, charset)) {
      code = PilotGateCli.run(o, e, true, "evaluate", "--as-of", "2026-06-01", "--format", "json", portfolio.toString());
    }

    assertThat(code).isZero();
    assertThat(err.toString(charset)).contains("\rdeciding 25/25 pilots").endsWith("\r").doesNotContain("\n");
    assertThat(out.toString(charset)).startsWith("[").doesNotContain("deciding");
  }

  /** {@code count} copies of the example pilot that passes its data audit, each with its own id. */
  private static Path longPortfolio(Path dir, int count) throws IOException {
    String pilot = Files.readString(Path.of("pilots", "invoice-matching.yaml"));
    for (int i = 1; i <= count; i++) {
      String id = String.format("invoice-matching-%02d", i);
      Files.writeString(dir.resolve(id + ".yaml"), pilot.replaceFirst("(?m)^id: invoice-matching$", "id: " + id));
    }
    return dir;
  }
}
