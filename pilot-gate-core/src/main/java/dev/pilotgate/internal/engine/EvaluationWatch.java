package dev.pilotgate.internal.engine;

import dev.pilotgate.decision.Readiness;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;

/**
 * The time limit of one evaluation ({@code engine.maxEvaluationMillis}), counted in CPU time of the
 * evaluating thread where the JVM measures it (else wall-clock time), so that a busy machine or a
 * garbage collection does not stop a normal evaluation. One shared daemon thread looks at the
 * running evaluations every {@value #SWEEP_MILLIS} ms (registering one costs a set insertion, not a
 * timer task and a thread wake-up per evaluation) and halts the session of one past its budget,
 * which stops it before the next rule fires; the evaluation then fails naming the rules that were
 * firing. A rule's own code cannot loop (the checker refuses loops and recursion), so a session
 * stops at the next firing. Also counts firings per rule, for that message.
 *
 * <p>What one step may cost is bounded by the number of facts (see {@link SingleFacts}): once the
 * pilot's facts are in, a rule's insert that would pass {@code engine.maxFacts}, or add a second
 * fact of a {@link SingleFacts} type, fails with {@link FactLimitException}. Used by the evaluating
 * thread, except {@link #check}, which the sweeping thread calls.
 */
final class EvaluationWatch extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
  static final long SWEEP_MILLIS = 25;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final boolean CPU_TIME = cpuTime();
  private static final Set<EvaluationWatch> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    ScheduledThreadPoolExecutor sweeper = new ScheduledThreadPoolExecutor(1, r -> {
      Thread thread = new Thread(r, "pilot-gate-evaluation-timer");
      thread.setDaemon(true);
      return thread;
    });
    sweeper.scheduleWithFixedDelay(() -> RUNNING.forEach(EvaluationWatch::check), SWEEP_MILLIS, SWEEP_MILLIS,
        TimeUnit.MILLISECONDS);
  }

  private final KieSession session;
  private final Map<String, Integer> fired = new HashMap<>();
  private volatile String running;
  private volatile boolean expired;
  private volatile long haltedAtNanos;
  private long thread;
  private long startNanos;
  private long startCpu;
  private long budgetNanos;
  private boolean stopped; // guarded by this
  private long maxFacts = Long.MAX_VALUE;
  private long given;
  private int readiness;

  EvaluationWatch(KieSession session) {
    this.session = session;
  }

  private static boolean cpuTime() {
    try {
      return THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    } catch (UnsupportedOperationException e) {
      return false;
    }
  }

  /** Starts the clock, on the evaluating thread: after {@code millis} of its CPU time the session is halted. */
  void start(long millis) {
    budgetNanos = TimeUnit.MILLISECONDS.toNanos(millis);
    thread = Thread.currentThread().getId();
    startCpu = CPU_TIME ? THREADS.getCurrentThreadCpuTime() : 0;
    startNanos = System.nanoTime();
    RUNNING.add(this);
  }

  /** Stops the clock; true when the budget was spent (the session was halted). */
  boolean stop() {
    RUNNING.remove(this);
    synchronized (this) {
      stopped = true;
    }
    return expired;
  }

  private synchronized void check() {
    if (stopped || expired || System.nanoTime() - startNanos < budgetNanos) {
      return; // ended, already halted, or not even that much time has passed
    }
    if (CPU_TIME) {
      long used = THREADS.getThreadCpuTime(thread) - startCpu;
      if (used >= 0 && used < budgetNanos) {
        return; // waited more than it worked
      }
    }
    haltedAtNanos = System.nanoTime();
    expired = true;
    session.halt();
  }

  /** How long ago the session was halted for its time limit, in wall-clock nanoseconds; -1 when it was not. */
  long haltedForNanos() {
    return expired ? System.nanoTime() - haltedAtNanos : -1;
  }

  @Override
  public void beforeMatchFired(BeforeMatchFiredEvent event) {
    String rule = event.getMatch().getRule().getName();
    running = rule;
    fired.merge(rule, 1, Integer::sum);
  }

  /** From now on, inserts are checked against {@code maxFacts} and {@link SingleFacts}. */
  void limitFacts(long maxFacts) {
    this.maxFacts = maxFacts;
    this.given = session.getFactCount();
  }

  @Override
  public void objectInserted(ObjectInsertedEvent event) {
    Object fact = event.getObject();
    if (fact instanceof Readiness) {
      if (++readiness > 1) {
        throw new FactLimitException(running, "stated readiness a second time; the rules must state it exactly once");
      }
    } else if (SingleFacts.isSingle(fact.getClass())) {
      throw new FactLimitException(running, "inserted a " + fact.getClass().getSimpleName() + ", of which an evaluation"
          + " has one, given by the engine: a rule inserts findings, readiness and its own declared types");
    }
    if (session.getFactCount() > maxFacts) {
      throw new FactLimitException(running, "inserted more facts than engine.maxFacts (" + maxFacts + ") allows"
          + " in one evaluation (the engine gave " + given + ", the rules added " + (session.getFactCount() - given)
          + "); rules may be inserting facts without end, or else raise engine.maxFacts in the policy");
    }
  }

  @Override
  public void objectUpdated(ObjectUpdatedEvent event) {
    // updates do not add facts
  }

  @Override
  public void objectDeleted(ObjectDeletedEvent event) {
    // deletes do not add facts
  }

  /** A rule's insert past {@code engine.maxFacts}, or of a {@link SingleFacts} type. */
  static final class FactLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String rule;

    FactLimitException(String rule, String message) {
      super(message, null, false, false);
      this.rule = rule;
    }

    String rule() {
      return rule;
    }
  }

  /** The rule firing now (or last); null before any fired. */
  String running() {
    return running;
  }

  /** The rule firing at the deadline, else the one fired most; null when none fired. */
  String blamed() {
    String r = running;
    return r != null ? r : mostFiredRule();
  }

  /** The rule fired most (of equals, the first by name); null when none fired. */
  String mostFiredRule() {
    return fired.entrySet().stream()
        .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(
            Comparator.reverseOrder())))
        .map(Map.Entry::getKey).orElse(null);
  }

  /** "'A' 1200 times, 'B' 3 times" for the three rules fired most. */
  String mostFired() {
    return fired.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(3)
        .map(e -> "'" + e.getKey() + "' " + e.getValue() + (e.getValue() == 1 ? " time" : " times"))
        .collect(Collectors.joining(", "));
  }
}
