package dev.pilotgate.internal.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * The time limit of one evaluation ({@code engine.maxEvaluationMillis}), counted in CPU time of the
 * evaluating thread where the JVM measures it (else wall-clock time), so that a busy machine or a
 * garbage collection does not stop a normal evaluation: when the budget may be spent, a shared
 * daemon thread looks at the CPU time used, waits for the rest if some is left, or halts the
 * session, which stops it before the next rule fires; the evaluation then fails naming the rules
 * that were firing. Also counts firings per rule, for that message. A rule's
 * own code cannot loop (the checker refuses loops and recursion), so a session stops at the next
 * firing. Used by the evaluating thread, except {@link #expire}, which the timer thread calls.
 */
final class EvaluationWatch extends DefaultAgendaEventListener {
  private static final ScheduledThreadPoolExecutor TIMER = timer();

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final boolean CPU_TIME = cpuTime();

  private final KieSession session;
  private long thread;
  private long startCpu;
  private long budgetNanos;
  private final Map<String, Integer> fired = new HashMap<>();
  private volatile String running;
  private volatile boolean expired;
  private ScheduledFuture<?> deadline; // guarded by this, as is stopped
  private boolean stopped;

  EvaluationWatch(KieSession session) {
    this.session = session;
  }

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
      Thread thread = new Thread(r, "pilot-gate-evaluation-timer");
      thread.setDaemon(true);
      return thread;
    });
    t.setRemoveOnCancelPolicy(true); // most evaluations end long before their deadline
    return t;
  }

  private static boolean cpuTime() {
    try {
      return THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    } catch (UnsupportedOperationException e) {
      return false;
    }
  }

  /** Starts the clock, on the evaluating thread: after {@code millis} of its CPU time the session is halted. */
  synchronized void start(long millis) {
    budgetNanos = TimeUnit.MILLISECONDS.toNanos(millis);
    if (CPU_TIME) {
      thread = Thread.currentThread().getId();
      startCpu = THREADS.getCurrentThreadCpuTime();
    }
    deadline = TIMER.schedule(this::expire, millis, TimeUnit.MILLISECONDS);
  }

  /** Stops the clock; true when the deadline had passed (the session was halted). */
  boolean stop() {
    synchronized (this) {
      stopped = true;
      if (deadline != null) {
        deadline.cancel(false);
      }
    }
    return expired;
  }

  private synchronized void expire() {
    if (stopped) {
      return; // the evaluation ended; its session may already serve another
    }
    if (CPU_TIME) {
      long used = THREADS.getThreadCpuTime(thread) - startCpu;
      long left = budgetNanos - used;
      if (used >= 0 && left > 0) { // waited more than it worked: look again when the rest may be spent
        deadline = TIMER.schedule(this::expire, Math.max(left, TimeUnit.MILLISECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
        return;
      }
    }
    expired = true;
    session.halt();
  }

  @Override
  public void beforeMatchFired(BeforeMatchFiredEvent event) {
    String rule = event.getMatch().getRule().getName();
    running = rule;
    fired.merge(rule, 1, Integer::sum);
  }

  /** The rule firing at the deadline, else the one fired most; null when none fired. */
  String blamed() {
    String r = running;
    return r != null ? r : fired.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
        .orElse(null);
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
