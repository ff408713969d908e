package dev.pilotgate.internal.engine;

import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.ruleset.GateEvaluationException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hard stop: evaluations on worker threads that the caller abandons when the rules do not yield
 * to the time limit. The limit ({@link EvaluationWatch}) halts a session between two engine steps;
 * one step (a join, a condition calling a method over a long list) cannot be interrupted, and its
 * cost is bounded by the checker only in comparisons, not in what one comparison costs. So the caller
 * waits for the decision on another thread; once the session was halted and has not stopped within
 * another {@code engine.maxEvaluationMillis}, the caller gets a {@link GateEvaluationException} and
 * goes on, while the worker runs on until its step ends (a JVM cannot stop a thread safely).
 *
 * <p>Abandoned workers still use a core each, so at most {@link #MAX_ABANDONED} may run at once;
 * past that, an evaluation fails at once rather than pile up more. Costs one thread hand-off per
 * evaluation (tens of microseconds). Workers are daemon threads, reused, ended after
 * {@value #KEEP_ALIVE_SECONDS} s idle. Thread-safe.
 */
public final class Isolation {
  private static final Logger LOG = LoggerFactory.getLogger(Isolation.class);
  /** How many abandoned evaluations may still run before new ones are refused: one per core, at least 2. */
  public static final int MAX_ABANDONED = Math.max(2, Runtime.getRuntime().availableProcessors());
  private static final long KEEP_ALIVE_SECONDS = 30;
  private static final AtomicInteger ABANDONED = new AtomicInteger();
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final ThreadPoolExecutor WORKERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE,
      KEEP_ALIVE_SECONDS, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
        Thread thread = new Thread(r, "pilot-gate-evaluation-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      });

  private Isolation() {}

  /** How many abandoned evaluations are still running now. */
  public static int abandoned() {
    return ABANDONED.get();
  }

  /**
   * {@link Evaluation#evaluate(CompiledRuleSet, Pilot, LocalDate, List)} on a worker, abandoned as the class
   * comment says; {@code firedRules} (may be null) is filled by the worker and read after it ends.
   */
  public static GateDecision evaluate(CompiledRuleSet rules, Pilot pilot, LocalDate asOf, List<String> firedRules) {
    int running = ABANDONED.get();
    if (running >= MAX_ABANDONED) {
      throw new GateEvaluationException(pilot.id(), null, rules.version(), running + " earlier evaluations that did"
          + " not stop at engine.maxEvaluationMillis are still running (at most " + MAX_ABANDONED + " may); "
          + "refusing more until one ends: fix or remove the rule whose conditions are too costly", null);
    }
    AtomicReference<EvaluationWatch> started = new AtomicReference<>();
    Task task = new Task(rules, pilot, asOf, firedRules, started);
    Future<GateDecision> future;
    try {
      future = WORKERS.submit(task::run);
    } catch (RejectedExecutionException e) {
      throw new IllegalStateException("cannot start an evaluation thread", e);
    }
    long graceNanos = TimeUnit.MILLISECONDS.toNanos(rules.maxEvaluationMillis());
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return future.get(EvaluationWatch.SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          EvaluationWatch watch = started.get();
          if (watch != null && watch.haltedForNanos() > graceNanos && task.abandon()) {
            LOG.error("abandoned the evaluation of pilot '{}' under rules {}: halted at engine.maxEvaluationMillis"
                + " ({} ms), it did not stop within as long again; its thread runs on until its step ends"
                + " ({} abandoned now)", pilot.id(), rules.version(), rules.maxEvaluationMillis(), ABANDONED.get());
            throw EvaluationFailures.abandoned(rules, pilot, watch);
          }
        } catch (InterruptedException e) {
          interrupted = true; // the decision is still wanted: the limit bounds the wait, so finish it
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException r) {
            throw r;
          }
          if (cause instanceof Error error) {
            throw error;
          }
          throw new IllegalStateException(cause);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** One evaluation on a worker; counts itself out of the abandoned ones when it finally ends. */
  private static final class Task {
    private final CompiledRuleSet rules;
    private final Pilot pilot;
    private final LocalDate asOf;
    private final List<String> firedRules;
    private final AtomicReference<EvaluationWatch> started;
    private boolean done; // guarded by this
    private boolean abandoned; // guarded by this

    Task(CompiledRuleSet rules, Pilot pilot, LocalDate asOf, List<String> firedRules,
        AtomicReference<EvaluationWatch> started) {
      this.rules = rules;
      this.pilot = pilot;
      this.asOf = asOf;
      this.firedRules = firedRules;
      this.started = started;
    }

    GateDecision run() {
      try {
        return Evaluation.evaluate(rules, pilot, asOf, firedRules, started);
      } finally {
        synchronized (this) {
          done = true;
          if (abandoned) {
            ABANDONED.decrementAndGet();
          }
        }
      }
    }

    /** True when the caller may go: the task is now counted as abandoned; false when it has just ended. */
    synchronized boolean abandon() {
      if (done) {
        return false;
      }
      abandoned = true;
      ABANDONED.incrementAndGet();
      return true;
    }
  }
}
