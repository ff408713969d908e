package dev.pilotgate.internal.engine;

import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.model.Pilot;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

/**
 * Many evaluations on one rule set, spread over the cores: the pilots are cut into chunks,
 * each evaluated in order by one thread of the fork-join pool (the common pool, or the pool
 * of the calling task, as a parallel stream does), writing its decisions into their places.
 * The rule set is held once for the whole batch by the caller; each evaluation takes a reused
 * session ({@link SessionPool}) as a single one does. Stateless; safe from any thread.
 */
public final class Batch {
  /** Chunks per thread: enough to even out pilots of unequal cost by work stealing. */
  private static final int CHUNKS_PER_THREAD = 8;

  private Batch() {}

  /**
   * The decisions for {@code pilots}, in their order; {@code finish} completes each decision
   * as the single-pilot path does. If some pilots fail, every pilot is still tried, then the
   * failure of the first failing pilot in input order is thrown, the others suppressed in it.
   */
  public static List<GateDecision> evaluate(CompiledRuleSet rules, Pilot[] pilots, LocalDate asOf,
      BiFunction<GateDecision, Pilot, GateDecision> finish, boolean isolated) {
    int n = pilots.length;
    GateDecision[] decisions = new GateDecision[n];
    RuntimeException[] failures = new RuntimeException[n];
    int threads = ForkJoinPool.getCommonPoolParallelism() + 1; // the caller works too
    int chunks = Math.min(n, threads * CHUNKS_PER_THREAD);
    if (threads == 1 || n < 2) {
      evaluateRange(rules, pilots, asOf, finish, isolated, decisions, failures, 0, n);
    } else {
      IntStream.range(0, chunks).parallel().forEach(c -> evaluateRange(rules, pilots, asOf, finish, isolated,
          decisions, failures, (int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks)));
    }
    RuntimeException first = null;
    for (RuntimeException f : failures) {
      if (f == null) {
        continue;
      }
      if (first == null) {
        first = f;
      } else {
        first.addSuppressed(f);
      }
    }
    if (first != null) {
      throw first;
    }
    return Collections.unmodifiableList(Arrays.asList(decisions));
  }

  private static void evaluateRange(CompiledRuleSet rules, Pilot[] pilots, LocalDate asOf,
      BiFunction<GateDecision, Pilot, GateDecision> finish, boolean isolated, GateDecision[] decisions,
      RuntimeException[] failures, int from, int to) {
    for (int i = from; i < to; i++) {
      try {
        GateDecision decision = isolated ? Isolation.evaluate(rules, pilots[i], asOf, null)
            : Evaluation.evaluate(rules, pilots[i], asOf);
        decisions[i] = finish.apply(decision, pilots[i]);
      } catch (RuntimeException e) {
        failures[i] = e;
      }
    }
  }
}
