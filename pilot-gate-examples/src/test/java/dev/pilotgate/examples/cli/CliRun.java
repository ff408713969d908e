package dev.pilotgate.examples.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/** One in-process run of the command line: its exit code, stdout and stderr. */
record CliRun(int exitCode, String out, String err) {

  static CliRun of(String... args) {
    Charset charset = PilotGateCli.outputCharset();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, charset); PrintStream e = new PrintStream(err, true, charset)) {
      code = PilotGateCli.run(o, e, args);
    }
    return new CliRun(code, out.toString(charset), err.toString(charset));
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
  }
}
