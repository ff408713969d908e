package dev.pilotgate.internal.engine;

import dev.pilotgate.ruleset.GateEvaluationException;
import dev.pilotgate.ruleset.RuleProblem;
import dev.pilotgate.ruleset.RuleSetEvent;
import dev.pilotgate.ruleset.RuleSetException;
import dev.pilotgate.ruleset.RuleSetListener;
import dev.pilotgate.ruleset.RuleSetStatus;
import dev.pilotgate.decision.Explanation;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.io.PilotDocumentException;
import dev.pilotgate.scenario.Scenario;
import dev.pilotgate.scenario.ScenarioReader;
import dev.pilotgate.scenario.ScenarioResult;
import dev.pilotgate.scenario.ScenarioRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule set an evaluator decides with, and its replacement by a reload.
 *
 * <p>A reload builds a complete new rule set from the whole source (compile, policy, and the
 * source's scenarios, which must all pass), then swaps it in through one atomic reference.
 * A build that fails leaves the active rule set serving and is reported through the status,
 * the listener and the log. Each evaluation takes the active rule set once, holds a reference
 * to it while it runs, and so never mixes two versions; a replaced rule set is disposed when
 * its last evaluation ends. Reloads are serialized; evaluations never wait for them.
 */
public final class LiveRuleSet implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveRuleSet.class);

  private final Supplier<RuleSource> loader;
  private final boolean verifyScenarios;
  private final boolean trusted;
  private final RuleSetListener listener;
  private final Clock clock;
  private final AtomicReference<CompiledRuleSet> active = new AtomicReference<>();
  private final Object reloadLock = new Object();
  private volatile RuleSetStatus status;
  private volatile boolean watching;
  private volatile boolean closed;

  private LiveRuleSet(Supplier<RuleSource> loader, boolean verifyScenarios, RuleSetListener listener, Clock clock,
      boolean trusted) {
    this.loader = loader;
    this.trusted = trusted;
    this.verifyScenarios = verifyScenarios;
    this.listener = listener;
    this.clock = clock;
  }

  /**
   * Builds the first rule set; throws {@link RuleSetException} with every problem if it
   * cannot be activated.
   */
  public static LiveRuleSet load(Supplier<RuleSource> loader, boolean verifyScenarios, RuleSetListener listener,
      Clock clock) {
    return load(loader, verifyScenarios, listener, clock, false);
  }

  /** As {@link #load(Supplier, boolean, RuleSetListener, Clock)}; {@code trusted} turns the rule checker off (WARN at every load). */
  public static LiveRuleSet load(Supplier<RuleSource> loader, boolean verifyScenarios, RuleSetListener listener,
      Clock clock, boolean trusted) {
    LiveRuleSet live = new LiveRuleSet(loader, verifyScenarios, listener, clock, trusted);
    CompiledRuleSet first = live.build(loader.get());
    live.active.set(first);
    live.status = new RuleSetStatus(first.version(), clock.instant(), first.origin(), false, null, List.of(), 1, 0);
    return live;
  }

  /** Runs {@code work} on the active rule set, holding it so that a reload cannot dispose it meanwhile. */
  public <T> T withRules(Function<CompiledRuleSet, T> work) {
    while (true) {
      CompiledRuleSet rules = active.get();
      if (rules.tryAcquire()) {
        try {
          return work.apply(rules);
        } finally {
          rules.release();
        }
      }
      if (closed) {
        throw new IllegalStateException("the evaluator is closed");
      }
      // replaced and disposed between reading and acquiring: read the new one
    }
  }

  /** The rule set deciding now (for reading its version or policy; evaluate through {@link #withRules}). */
  public CompiledRuleSet current() {
    return active.get();
  }

  public RuleSetStatus status() {
    return status;
  }

  /** Marks the rule set as watched, for the status. */
  public void watching(boolean on) {
    this.watching = on;
    RuleSetStatus s = status;
    status = new RuleSetStatus(s.activeVersion(), s.activatedAt(), s.source(), on, s.lastAttemptAt(), s.lastError(),
        s.activations(), s.rejections());
  }

  /**
   * Reads the whole source again and activates it if it builds and its scenarios pass.
   *
   * @return the event, or {@code null} when the rule set's version is unchanged (nothing to do)
   */
  public RuleSetEvent reload() {
    synchronized (reloadLock) {
      if (closed) {
        return null;
      }
      RuleSetStatus before = status;
      CompiledRuleSet candidate;
      String version = null;
      try {
        RuleSource source = loader.get();
        version = source.version();
        if (version.equals(active.get().version())) {
          return null;
        }
        candidate = build(source);
      } catch (RuntimeException unexpected) {
        RuleSetException e = unexpected instanceof RuleSetException r ? r
            : new RuleSetException(before.source(), List.of(new RuleProblem(before.source(), 0,
                "the rules could not be built: " + unexpected)));
        Instant at = clock.instant();
        status = new RuleSetStatus(before.activeVersion(), before.activatedAt(), before.source(), watching, at,
            e.problems(), before.activations(), before.rejections() + 1);
        LOG.warn("rejected rules {} from {}; still serving {}:\n{}", version == null ? "" : version, e.source(),
            before.activeVersion(), e.getMessage());
        return tell(new RuleSetEvent(RuleSetEvent.Kind.REJECTED, version, at, e.source(), e.problems()));
      }
      CompiledRuleSet old = active.getAndSet(candidate);
      old.retire();
      Instant at = clock.instant();
      status = new RuleSetStatus(candidate.version(), at, candidate.origin(), watching, at, List.of(),
          before.activations() + 1, before.rejections());
      LOG.info("activated rules {} from {} (was {})", candidate.version(), candidate.origin(), old.version());
      return tell(new RuleSetEvent(RuleSetEvent.Kind.ACTIVATED, candidate.version(), at, candidate.origin(), List.of()));
    }
  }

  private RuleSetEvent tell(RuleSetEvent event) {
    if (listener != null) {
      try {
        listener.onEvent(event);
      } catch (RuntimeException e) {
        LOG.warn("rule set listener failed on {}", event, e);
      }
    }
    return event;
  }

  /** Compiles and, when asked, runs the source's scenarios against the candidate. */
  private CompiledRuleSet build(RuleSource source) {
    CompiledRuleSet candidate = CompiledRuleSet.compile(source, trusted);
    if (!verifyScenarios || source.scenarioFiles().isEmpty()) {
      return candidate;
    }
    List<RuleProblem> problems = verify(candidate, source);
    if (!problems.isEmpty()) {
      candidate.retire();
      throw new RuleSetException(source.origin(), problems);
    }
    return candidate;
  }

  /** Every way the source's scenarios fail on {@code candidate}, each naming the scenario's file and line. */
  static List<RuleProblem> verify(CompiledRuleSet candidate, RuleSource source) {
    List<RuleProblem> problems = new ArrayList<>();
    ScenarioReader reader = ScenarioReader.create();
    for (RuleFile file : source.scenarioFiles()) {
      List<Scenario> scenarios;
      try {
        Path parent = Path.of(file.display()).getParent();
        scenarios = reader.read(file.text(), file.display(), parent);
      } catch (PilotDocumentException e) {
        e.problems().forEach(p -> problems.add(new RuleProblem(file.display(), p.line(), p.toString())));
        continue;
      }
      for (Scenario s : scenarios) {
        try {
          List<String> fired = new ArrayList<>();
          // isolated: a candidate's costly condition must not hold the reload (or the watcher) past the limit
          GateDecision decision = Isolation.evaluate(candidate, s.pilot(), s.asOf(), fired);
          ScenarioResult result = ScenarioRunner.compare(s, new Explanation(decision, fired));
          if (!result.passed()) {
            problems.add(new RuleProblem(file.display(), s.line(),
                "scenario '" + s.name() + "' fails: " + String.join("; ", result.problems())));
          }
        } catch (GateEvaluationException e) {
          problems.add(new RuleProblem(file.display(), s.line(), "scenario '" + s.name() + "' fails: " + e.getMessage()));
        }
      }
    }
    return problems;
  }

  @Override
  public void close() {
    synchronized (reloadLock) {
      if (!closed) {
        closed = true;
        active.get().retire();
      }
    }
  }
}
