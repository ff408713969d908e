package dev.pilotgate.examples.cli;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.ruleset.RuleSetException;
import dev.pilotgate.examples.service.GateService;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: runs the embedding HTTP service ({@link GateService}) until stopped:
 * {@code POST /evaluate}, {@code GET /rules/status}, {@code GET /health}.
 *
 * <p>The limits on slow and large clients ({@code --header-timeout}, {@code --body-timeout},
 * {@code --idle-timeout}, {@code --max-connections}, {@code --max-body-bytes}) are
 * {@link GateService.Builder}'s, with its defaults.
 *
 * <p>On start it prints one line on stdout,
 * {@code pilot-gate service on http://HOST:PORT (rules VERSION from SOURCE); Ctrl-C to stop}.
 * Rules that cannot be loaded, or an address that cannot be bound, exit 2 with the problem
 * on stderr.
 *
 * <p>Stopping: as {@code watch}, the command runs on the calling thread until that thread is
 * interrupted; a shutdown hook interrupts it on Ctrl-C or SIGTERM and waits while the service
 * closes (the server, its threads and the rules watcher). Exit code 0.
 */
@Command(
    name = "serve",
    description = "Runs the HTTP service: POST /evaluate, GET /rules/status, GET /health; until Ctrl-C.",
    sortOptions = false)
final class ServeCommand implements Callable<Integer> {
  /** How long the shutdown hook waits for the service to close. */
  private static final long CLOSE_WAIT_SECONDS = 10;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + GateService.DEFAULT_PORT,
      description = "The port to listen on; 0 lets the system choose a free one. Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = GateService.DEFAULT_BIND,
      description = "The address to listen on; 0.0.0.0 for every interface. Default: ${DEFAULT-VALUE} (this machine only).")
  String bind;

  @Option(names = "--rules", paramLabel = "DIR",
      description = "Directory with the .drl files, policy.properties and scenarios/ to use and watch for edits."
          + " Default: the bundled rules.")
  Path rules;

  @Mixin
  TrustedRulesOption trust;

  @Option(names = "--header-timeout", paramLabel = "MS", converter = WatchCommand.Millis.class,
      defaultValue = "" + 10_000,
      description = "How long, in milliseconds, a request's line and headers may take to arrive; then the"
          + " connection is closed without an answer. Default: ${DEFAULT-VALUE}.")
  Duration headerTimeout;

  @Option(names = "--body-timeout", paramLabel = "MS", converter = WatchCommand.Millis.class,
      defaultValue = "" + 30_000,
      description = "How long, in milliseconds, a request's body may take to arrive after its headers; then 408."
          + " Default: ${DEFAULT-VALUE}.")
  Duration bodyTimeout;

  @Option(names = "--idle-timeout", paramLabel = "MS", converter = WatchCommand.Millis.class,
      defaultValue = "" + 30_000,
      description = "How long, in milliseconds, a connection may stay silent before it is closed (408 while a body"
          + " is awaited). Default: ${DEFAULT-VALUE}.")
  Duration idleTimeout;

  @Option(names = "--max-connections", paramLabel = "N", defaultValue = "" + GateService.DEFAULT_MAX_CONNECTIONS,
      description = "The most connections open at once; more wait to be accepted. Default: ${DEFAULT-VALUE}.")
  int maxConnections;

  @Option(names = "--max-body-bytes", paramLabel = "N", defaultValue = "" + GateService.DEFAULT_MAX_BODY_BYTES,
      description = "The largest request body, in bytes; a larger one gets 413. Default: ${DEFAULT-VALUE}.")
  int maxBodyBytes;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean debug = PilotGateCli.debug(spec);

    if (port < 0 || port > 65_535) {
      err.println("error: --port must be 0-65535 but was " + port);
      return PilotGateCli.EXIT_BAD_INPUT;
    }
    if (maxConnections < 1) {
      err.println("error: --max-connections must be positive but was " + maxConnections);
      return PilotGateCli.EXIT_BAD_INPUT;
    }
    if (maxBodyBytes < 1) {
      err.println("error: --max-body-bytes must be positive but was " + maxBodyBytes);
      return PilotGateCli.EXIT_BAD_INPUT;
    }
    GateService service = GateService.builder().port(port).bind(bind).rulesDirectory(rules)
        .trustedRules(trust.trusted)
        .headerTimeout(headerTimeout).bodyTimeout(bodyTimeout).idleTimeout(idleTimeout)
        .maxConnections(maxConnections).maxBodyBytes(maxBodyBytes)
        .build();
    int bound;
    try {
      bound = service.start();
    } catch (RuleSetException e) {
      ErrorReport.ruleProblems(err, e, debug);
      return PilotGateCli.EXIT_BAD_INPUT;
    } catch (IOException e) {
      err.println("error: cannot listen on " + bind + ":" + port + ": " + e.getMessage());
      if (debug) {
        e.printStackTrace(err);
      }
      return PilotGateCli.EXIT_BAD_INPUT;
    }
    GateEvaluator evaluator = service.evaluator();
    String host = bind.contains(":") ? "[" + bind + "]" : bind;
    out.println("pilot-gate service on http://" + host + ":" + bound
        + " (rules " + evaluator.rulesVersion() + " from " + evaluator.rulesSource() + "); Ctrl-C to stop");
    out.flush();

    Thread worker = Thread.currentThread();
    CountDownLatch closed = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      worker.interrupt();
      try {
        closed.await(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "pilot-gate-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      new CountDownLatch(1).await(); // until interrupted
    } catch (InterruptedException stop) {
      Thread.currentThread().interrupt();
    } finally {
      // Clear the interrupt while closing, so that close() can wait for the server and the
      // rules watcher to end; then keep it for whoever runs this thread.
      boolean interrupted = Thread.interrupted();
      service.close();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      closed.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it is waiting for the latch just released
      }
    }
    out.println("pilot-gate service stopped");
    out.flush();
    return PilotGateCli.EXIT_OK;
  }
}
