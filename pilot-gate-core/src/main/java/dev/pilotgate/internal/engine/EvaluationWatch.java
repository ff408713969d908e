package dev.pilotgate.internal.engine;

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
 * The time limit of one evaluation ({@code engine.maxEvaluationMillis}): at the deadline a shared
 * daemon thread halts the session, which stops it before the next rule fires; the evaluation then
 * fails naming the rules that were firing. Also counts firings per rule, for that message. A rule's
 * own code cannot loop (the checker refuses loops and recursion), so a session stops at the next
 * firing. Used by the evaluating thread, except {@link #expire}, which the timer thread calls.
 */
final class EvaluationWatch extends DefaultAgendaEventListener {
  private static final ScheduledThreadPoolExecutor TIMER = timer();

  private final KieSession session;
  private final Map<String, Integer> fired = new HashMap<>();
  private volatile String running;
  private volatile boolean expired;
  private ScheduledFuture<?> deadline;

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

  /** Starts the clock: {@code millis} from now the session is halted. */
  void start(long millis) {
    deadline = TIMER.schedule(this::expire, millis, TimeUnit.MILLISECONDS);
  }

  /** Stops the clock; true when the deadline had passed (the session was halted). */
  boolean stop() {
    if (deadline != null) {
      deadline.cancel(false);
    }
    return expired;
  }

  private void expire() {
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
