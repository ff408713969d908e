package dev.pilotgate.examples.cli;

import dev.pilotgate.ruleset.GateEvaluationException;
import dev.pilotgate.GateEvaluator;
import dev.pilotgate.ruleset.RuleSetEvent;
import dev.pilotgate.ruleset.RuleSetException;
import dev.pilotgate.io.DecisionJson;
import dev.pilotgate.io.PilotDocumentException;
import dev.pilotgate.io.PilotReader;
import dev.pilotgate.model.Pilot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code watch}: decides the gate of every pilot and prints one JSON line per pilot
 * ({@link DecisionJson#toJsonLine}, with the {@code rulesVersion} that decided), now and again
 * whenever a new rule set is activated or a pilot document changes; runs until stopped.
 *
 * <p>The rules directory is watched by the library ({@link GateEvaluator.Builder#watch}): an
 * edit is built whole and, when it compiles, its policy is complete and its scenarios pass,
 * swapped in; a rejected edit prints one stderr line per problem, {@code FILE:LINE: message},
 * and the last good rules keep deciding. The rules must be valid at start, else exit 2 as
 * {@code validate} does.
 *
 * <p>The pilot documents are polled every {@code --poll} period by content (so network and
 * container mounts work too) and re-read once a change has held still for {@code --debounce}.
 * A document that cannot be read prints its problem on stderr; the others are still decided.
 * Without {@code --as-of} the day is today, and every pilot is decided again when the date
 * changes.
 *
 * <p>Stopping: the command runs on the calling thread until that thread is interrupted; it
 * then closes the evaluator (which stops the rules watcher) and returns exit code 0. A
 * shutdown hook interrupts it on Ctrl-C or SIGTERM and waits for that close. A host or test
 * that runs {@link PilotGateCli#run} on a thread of its own stops it with
 * {@link Thread#interrupt()}.
 */
@Command(
    name = "watch",
    description = "Prints one JSON line per pilot, again whenever new rules are activated or a pilot document"
        + " changes; runs until Ctrl-C.",
    sortOptions = false)
final class WatchCommand implements Callable<Integer> {
  /** How long the shutdown hook waits for the evaluator to close. */
  private static final long CLOSE_WAIT_SECONDS = 10;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--rules", paramLabel = "DIR", required = true,
      description = "Directory with the .drl files, policy.properties and scenarios/ to use and watch.")
  Path rules;

  @Mixin
  TrustedRulesOption trust;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = EvaluateCommand.IsoDate.class,
      description = "The day to decide for. Default: today, decided again when the date changes.")
  LocalDate asOf;

  @Option(names = "--debounce", paramLabel = "MS", defaultValue = "300", converter = Millis.class,
      description = "How long, in milliseconds, a change must hold still before it is read. Default: ${DEFAULT-VALUE}.")
  Duration debounce;

  @Option(names = "--poll", paramLabel = "MS", defaultValue = "2000", converter = Millis.class,
      description = "How often, in milliseconds, to look for changes: in the pilot documents, and in the rules"
          + " where the file system sends no events. Default: ${DEFAULT-VALUE}.")
  Duration poll;

  @Parameters(arity = "1..*", paramLabel = "FILE|DIR",
      description = "Pilot documents (.yaml, .yml, .json), or directories of them, to decide and watch.")
  List<Path> inputs;

  @Spec
  CommandSpec spec;

  private PrintWriter out;
  private PrintWriter err;
  private boolean debug;
  private final PilotReader reader = PilotReader.create();

  @Override
  public Integer call() {
    out = spec.commandLine().getOut();
    err = spec.commandLine().getErr();
    debug = PilotGateCli.debug(spec);

    // Told on the rules watcher's thread; handled on this one, so all output comes from one thread.
    BlockingQueue<RuleSetEvent> ruleEvents = new LinkedBlockingQueue<>();
    GateEvaluator evaluator;
    try {
      evaluator = GateEvaluator.builder()
          .rulesDirectory(rules)
          .watch(true)
          .debounce(debounce)
          .pollInterval(poll)
          .listener(ruleEvents::add)
          .trustedRules(trust.trusted)
          .build();
    } catch (RuleSetException e) {
      ErrorReport.ruleProblems(err, e, debug);
      return PilotGateCli.EXIT_BAD_INPUT;
    }

    Thread worker = Thread.currentThread();
    CountDownLatch closed = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      worker.interrupt();
      try {
        closed.await(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "pilot-gate-watch-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      watch(evaluator, ruleEvents);
    } finally {
      // Clear the interrupt that stopped the watch while closing, so that close() can wait for
      // the rules watcher to end; then keep it for whoever runs this thread.
      boolean interrupted = Thread.interrupted();
      evaluator.close();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      out.flush();
      err.flush();
      closed.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it is waiting for the latch just released
      }
    }
    return PilotGateCli.EXIT_OK;
  }

  /** Decides, then waits for rule events and pilot changes until this thread is interrupted. */
  private void watch(GateEvaluator evaluator, BlockingQueue<RuleSetEvent> ruleEvents) {
    PortfolioSnapshot decided = PortfolioSnapshot.read(inputs);
    LocalDate day = day();
    decide(evaluator, decided, day);

    PortfolioSnapshot pending = null; // a change seen, not yet held still for the debounce period
    long pendingSince = 0;
    while (!Thread.currentThread().isInterrupted()) {
      long waitMillis = pending == null
          ? poll.toMillis()
          : Math.max(1, debounce.toMillis() - elapsedMillis(pendingSince));
      boolean rulesActivated = false;
      try {
        for (RuleSetEvent e = ruleEvents.poll(waitMillis, TimeUnit.MILLISECONDS); e != null; e = ruleEvents.poll()) {
          if (e.kind() == RuleSetEvent.Kind.ACTIVATED) {
            rulesActivated = true;
          } else {
            ErrorReport.ruleProblems(err, e.problems(), e.source() + ": the edited rules were rejected");
          }
        }
      } catch (InterruptedException stop) {
        Thread.currentThread().interrupt();
        return;
      }

      PortfolioSnapshot now = PortfolioSnapshot.read(inputs);
      if (Thread.currentThread().isInterrupted()) {
        return; // a read may have been cut short by the interrupt: not a change to report
      }
      boolean pilotsChanged = false;
      if (now.equals(decided)) {
        pending = null;
      } else if (!now.equals(pending)) {
        pending = now;
        pendingSince = System.nanoTime();
      } else if (elapsedMillis(pendingSince) >= debounce.toMillis()) {
        decided = now;
        pending = null;
        pilotsChanged = true;
      }

      LocalDate today = day();
      if (rulesActivated || pilotsChanged || !today.equals(day)) {
        day = today;
        decide(evaluator, decided, day);
      }
    }
  }

  /** Prints one JSON line per pilot, and each document's problem on stderr. */
  private void decide(GateEvaluator evaluator, PortfolioSnapshot portfolio, LocalDate day) {
    portfolio.problems().forEach(err::println);
    if (portfolio.files().isEmpty() && portfolio.problems().isEmpty()) {
      err.println("no pilot document (*.yaml, *.yml, *.json) in "
          + (inputs.size() == 1 ? inputs.get(0).toString() : inputs.toString()) + " yet");
    }
    Map<String, Path> seen = new HashMap<>();
    for (PortfolioSnapshot.Document doc : portfolio.files()) {
      if (doc.error() != null) {
        err.println(doc.file() + ": " + doc.error());
        continue;
      }
      Pilot pilot;
      try {
        pilot = reader.read(doc.content(), PilotReader.formatOf(doc.file()), doc.file().toString());
      } catch (PilotDocumentException e) {
        ErrorReport.documentProblems(err, e, debug);
        continue;
      }
      Path earlier = seen.putIfAbsent(pilot.id(), doc.file());
      if (earlier != null) {
        err.println(doc.file() + ": id: pilot id '" + pilot.id() + "' is already used by " + earlier
            + "; ids must be unique in a portfolio");
        continue;
      }
      try {
        out.println(DecisionJson.toJsonLine(evaluator.evaluate(pilot, day)));
      } catch (GateEvaluationException e) {
        err.println(doc.file() + ": " + e.getMessage().strip().replaceAll("\\s*\\R\\s*", " "));
        if (debug) {
          e.printStackTrace(err);
        }
      }
    }
    out.flush();
    err.flush();
  }

  private LocalDate day() {
    return asOf != null ? asOf : LocalDate.now();
  }

  private static long elapsedMillis(long sinceNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sinceNanos);
  }

  /** Parses a whole, positive number of milliseconds. */
  static final class Millis implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      long ms;
      try {
        ms = Long.parseLong(value.strip());
      } catch (NumberFormatException e) {
        throw new TypeConversionException("'" + value + "' is not a whole number of milliseconds");
      }
      if (ms <= 0) {
        throw new TypeConversionException("'" + value + "' must be a positive number of milliseconds");
      }
      return Duration.ofMillis(ms);
    }
  }
}
