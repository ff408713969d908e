package dev.pilotgate.examples.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code pilot-gate} command line (docs/cli.md: commands, options, output and exit codes).
 *
 * <pre>
 * java -jar pilot-gate.jar evaluate [--rules DIR] [--as-of YYYY-MM-DD] [--format text|json|html] [--output FILE] FILE|DIR...
 * java -jar pilot-gate.jar test     [--rules DIR] [--coverage] [--verbose] SCENARIO_FILE|DIR...
 * java -jar pilot-gate.jar validate --rules DIR
 * java -jar pilot-gate.jar watch    --rules DIR [--as-of YYYY-MM-DD] [--debounce MS] [--poll MS] FILE|DIR...
 * java -jar pilot-gate.jar serve    [--port PORT] [--bind ADDRESS] [--rules DIR]
 * </pre>
 *
 * <p>Exit codes: {@value #EXIT_OK} done; {@value #EXIT_SCENARIO_FAILED} {@code test} ran and
 * some scenario failed; {@value #EXIT_BAD_INPUT} bad input, bad rules or a usage error, with
 * a message on stderr naming the file (and, for a {@code .drl}, the line);
 * {@value #EXIT_INTERNAL_ERROR} an unexpected internal error. Stack traces are printed only
 * with {@code --debug}.
 *
 * <p>{@link #main} exits the JVM; {@link #run} does the same work without exiting, for tests
 * and for hosts that embed the command line.
 */
@Command(
    name = "pilot-gate",
    mixinStandardHelpOptions = true,
    versionProvider = PilotGateCli.ManifestVersion.class,
    description = "Decides stage gates for AI pilots with Drools rules and an editable policy.",
    subcommands = {EvaluateCommand.class, TestCommand.class, ValidateCommand.class, InitCommand.class,
        WatchCommand.class, ServeCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:done",
        "1:test ran and some scenario failed",
        "2:bad input, bad rules or a usage error (the message names the file)",
        "3:internal error (run with --debug for the stack trace)"})
public final class PilotGateCli implements Callable<Integer> {
  /** The command did its work. */
  public static final int EXIT_OK = 0;
  /** {@code test} ran and at least one scenario failed. */
  public static final int EXIT_SCENARIO_FAILED = 1;
  /** A pilot document, the rules, or the command line is wrong; stderr says which file. */
  public static final int EXIT_BAD_INPUT = 2;
  /** Something failed that is not the input's fault. */
  public static final int EXIT_INTERNAL_ERROR = 3;

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Print the stack trace of an error, not only its message.")
  boolean debug;

  @Spec
  CommandSpec spec;

  /** Whether stderr is a terminal, so progress lines may be drawn on it: set by {@link #main} only. */
  private boolean terminal;

  /** Runs the command line and exits the JVM with its exit code. */
  public static void main(String... args) {
    System.exit(run(System.out, System.err, Progress.inTerminal(), args));
  }

  /**
   * Runs the command line without exiting: output goes to {@code out}, messages to
   * {@code err}, both encoded in {@link #outputCharset()}.
   *
   * @return the exit code
   */
  public static int run(PrintStream out, PrintStream err, String... args) {
    return run(out, err, false, args);
  }

  /** {@link #run(PrintStream, PrintStream, String...)}; with {@code terminal}, long runs draw progress on stderr. */
  static int run(PrintStream out, PrintStream err, boolean terminal, String... args) {
    Charset charset = outputCharset();
    PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, charset), true);
    PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, charset), true);
    try {
      CommandLine cmd = commandLine(outWriter, errWriter);
      ((PilotGateCli) cmd.getCommand()).terminal = terminal;
      return cmd.execute(args);
    } finally {
      outWriter.flush();
      errWriter.flush();
    }
  }

  /** The configured command line, writing to the given writers. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    PilotGateCli root = new PilotGateCli();
    CommandLine cmd = new CommandLine(root);
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setExecutionExceptionHandler(PilotGateCli::unexpected);
    // Usage errors (unknown option, bad date) keep picocli's message and exit 2 (its USAGE code).
    return cmd;
  }

  /** Without a subcommand: show the usage and fail, since nothing was asked. */
  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println("Missing a subcommand.");
    spec.commandLine().usage(err);
    return EXIT_BAD_INPUT;
  }

  /** Whether stderr is a terminal (progress lines may be drawn on it); false unless run from {@link #main}. */
  static boolean terminal(CommandSpec anyCommand) {
    return anyCommand.root().userObject() instanceof PilotGateCli root && root.terminal;
  }

  /** Whether {@code --debug} was given, before or after the subcommand's name. */
  static boolean debug(CommandSpec anyCommand) {
    return isDebug(anyCommand.root().commandLine().getParseResult());
  }

  private static int unexpected(Exception e, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    err.println("error: internal error: " + e);
    if (isDebug(parseResult)) {
      e.printStackTrace(err);
    } else {
      err.println("Run with --debug for the stack trace.");
    }
    err.flush();
    return EXIT_INTERNAL_ERROR;
  }

  private static boolean isDebug(ParseResult parseResult) {
    for (ParseResult r = parseResult; r != null; r = r.subcommand()) {
      if (r.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The charset the console expects: {@code stdout.encoding} (Java 19+), else
   * {@code sun.stdout.encoding} (a Windows console), else the default charset.
   */
  public static Charset outputCharset() {
    for (String key : new String[] {"stdout.encoding", "sun.stdout.encoding"}) {
      String name = System.getProperty(key);
      if (name != null && Charset.isSupported(name)) {
        return Charset.forName(name);
      }
    }
    return Charset.defaultCharset();
  }

  /** The version from the jar manifest, when run from the jar. */
  static final class ManifestVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = PilotGateCli.class.getPackage().getImplementationVersion();
      return new String[] {"pilot-gate " + (version == null ? "(development build)" : version)};
    }
  }
}
