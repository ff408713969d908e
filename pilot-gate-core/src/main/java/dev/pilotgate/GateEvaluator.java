package dev.pilotgate;

import dev.pilotgate.policy.Policy;
import dev.pilotgate.ruleset.RuleProblem;
import dev.pilotgate.ruleset.RuleSetEvent;
import dev.pilotgate.ruleset.RuleSetException;
import dev.pilotgate.ruleset.RuleSetListener;
import dev.pilotgate.ruleset.RuleSetStatus;
import dev.pilotgate.ruleset.GateEvaluationException;
import dev.pilotgate.decision.DecisionWarning;
import dev.pilotgate.decision.Explanation;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.internal.analysis.Analysis;
import dev.pilotgate.internal.engine.Batch;
import dev.pilotgate.internal.engine.Evaluation;
import dev.pilotgate.internal.engine.Isolation;
import dev.pilotgate.internal.engine.LiveRuleSet;
import dev.pilotgate.internal.engine.RulePermissions;
import dev.pilotgate.internal.engine.RuleSource;
import dev.pilotgate.internal.watch.DirectoryWatcher;
import dev.pilotgate.io.PilotValidator;
import dev.pilotgate.model.Pilot;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Decides stage gates for AI pilots with Drools rules and a policy of thresholds.
 *
 * <pre>{@code
 * GateEvaluator evaluator = GateEvaluator.create();          // the bundled rules
 * GateDecision decision = evaluator.evaluate(pilot);         // as of today
 * }</pre>
 *
 * <p>The rules are compiled when the evaluator is built; a rule set that does not compile,
 * whose policy is incomplete, or (for a directory) whose scenarios fail, throws
 * {@link RuleSetException} naming every problem with file and line.
 *
 * <p>A rules directory can be <em>watched</em> ({@link Builder#watch(boolean)}): when its
 * content changes and then stays the same for the debounce period, the whole directory is
 * built into a new rule set and, if it compiles, its policy is complete and its scenarios
 * pass, swapped in atomically; otherwise the previous rule set keeps deciding and the
 * failure is reported through {@link #status()}, the {@link RuleSetListener} and the log.
 * {@link #reload()} does the same on demand.
 *
 * <p>Thread-safe: {@code evaluate} may be called from any number of threads, also during a
 * reload; each call runs in its own rule session (sessions are reset and reused, never shared)
 * on one rule-set version, which its decision names in {@link GateDecision#rulesVersion()}.
 * {@link #evaluateAll} decides a whole portfolio on all cores. {@link #close()} stops watching
 * and releases the rules.
 *
 * <p>Defaults: the bundled rules; "today" from the system clock in the system time zone; not
 * watched; debounce 300 ms; poll every 2 s while watched; a directory's scenarios verified; a
 * directory that anyone but its owner may write to refused ({@link Builder#allowGroupWritableRules});
 * a directory's rules evaluated on worker threads abandoned past the time limit
 * ({@link Builder#isolatedEvaluation}).
 */
public final class GateEvaluator implements AutoCloseable {
  private final LiveRuleSet rules;
  private final DirectoryWatcher watcher;
  private final Clock clock;
  private final boolean isolated;

  private GateEvaluator(LiveRuleSet rules, DirectoryWatcher watcher, Clock clock, boolean isolated) {
    this.rules = rules;
    this.watcher = watcher;
    this.clock = clock;
    this.isolated = isolated;
  }

  /** An evaluator over the bundled rule set and policy. */
  public static GateEvaluator create() {
    return builder().build();
  }

  /**
   * An evaluator over the {@code *.drl} files and {@code policy.properties} in
   * {@code directory} (not its subdirectories), verified by the scenarios under its
   * {@code scenarios/} folder if there is one. Not watched; see {@link Builder#watch(boolean)}.
   *
   * @throws RuleSetException if the directory is unreadable or others may write to it, a rule does not compile, the
   *     policy is incomplete or a scenario fails
   */
  public static GateEvaluator fromDirectory(Path directory) {
    return builder().rulesDirectory(directory).build();
  }

  /** A builder for the options; see {@link Builder}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The decision for {@code pilot} as of today (from the builder's clock).
   *
   * @throws GateEvaluationException if the rules fail on this pilot
   */
  public GateDecision evaluate(Pilot pilot) {
    return evaluate(pilot, LocalDate.now(clock));
  }

  /**
   * The decision for {@code pilot} as of {@code asOf}: the same inputs and rules always give
   * the same decision.
   *
   * @throws GateEvaluationException if the rules fail on this pilot
   */
  public GateDecision evaluate(Pilot pilot, LocalDate asOf) {
    Objects.requireNonNull(pilot, "pilot");
    Objects.requireNonNull(asOf, "asOf");
    return withWarnings(rules.withRules(r -> isolated ? Isolation.evaluate(r, pilot, asOf, null)
        : Evaluation.evaluate(r, pilot, asOf)), pilot, asOf);
  }

  /**
   * The decisions for {@code pilots} as of {@code asOf}, in the order of {@code pilots}; each is
   * the decision {@link #evaluate(Pilot, LocalDate)} gives. For portfolios: the pilots are decided
   * in parallel, on the common fork-join pool as a parallel stream is (called from a task of your
   * own {@link java.util.concurrent.ForkJoinPool}, on that pool), and all on one version of the
   * rules, which every decision names, even when a reload activates another meanwhile.
   * Thread-safe.
   *
   * @return the decisions, unmodifiable, one per pilot in input order
   * @throws NullPointerException if {@code pilots}, one of them (named by its index) or {@code asOf} is null
   * @throws GateEvaluationException if the rules fail on a pilot: every pilot is still tried, then
   *     the failure of the first failing pilot in input order is thrown, the others' suppressed in it
   */
  public List<GateDecision> evaluateAll(Collection<? extends Pilot> pilots, LocalDate asOf) {
    Objects.requireNonNull(pilots, "pilots");
    Objects.requireNonNull(asOf, "asOf");
    Pilot[] batch = pilots.toArray(new Pilot[0]);
    for (int i = 0; i < batch.length; i++) {
      if (batch[i] == null) {
        throw new NullPointerException("pilots[" + i + "]");
      }
    }
    return rules.withRules(r -> Batch.evaluate(r, batch, asOf, (d, p) -> withWarnings(d, p, asOf), isolated));
  }

  /**
   * The decision for {@code pilot} as of {@code asOf}, with the names of the rules that fired,
   * in order: for rule authors asking "why". Slower than {@link #evaluate(Pilot, LocalDate)}.
   *
   * @throws GateEvaluationException if the rules fail on this pilot
   */
  public Explanation explain(Pilot pilot, LocalDate asOf) {
    Objects.requireNonNull(pilot, "pilot");
    Objects.requireNonNull(asOf, "asOf");
    return rules.withRules(r -> {
      List<String> fired = new ArrayList<>();
      GateDecision decision = isolated ? Isolation.evaluate(r, pilot, asOf, fired)
          : Evaluation.evaluate(r, pilot, asOf, fired);
      return new Explanation(withWarnings(decision, pilot, asOf), fired);
    });
  }

  /**
   * The facts the rules see for {@code pilot} as of {@code asOf}, besides the policy: the pilot and its
   * parts (model records), and the facts derived from them once, in plain Java, under the active policy
   * ({@code dev.pilotgate.facts}, {@link dev.pilotgate.decision.MetricTrend},
   * {@link dev.pilotgate.decision.AdoptionSnapshot}). For rule authors asking "what does my rule match?",
   * and for yardsticks that decide the same pilots without the rules. Thread-safe.
   *
   * @return the facts, unmodifiable, in the order they are inserted into a rule session
   */
  public List<Object> facts(Pilot pilot, LocalDate asOf) {
    Objects.requireNonNull(pilot, "pilot");
    Objects.requireNonNull(asOf, "asOf");
    return List.copyOf(Analysis.facts(pilot, asOf, rules.current().policy()));
  }

  /** Records dated after {@code asOf} were ignored by the analysis; the decision says so (docs/rules.md). */
  private static GateDecision withWarnings(GateDecision decision, Pilot pilot, LocalDate asOf) {
    List<DecisionWarning> warnings = PilotValidator.recordsAfter(pilot, asOf);
    return warnings.isEmpty() ? decision : decision.withWarnings(warnings);
  }

  /**
   * Builds the rules source again and activates it if it is good (see the class comment).
   * Returns at once with {@code null} when the rule set (rules, policy, catalogue and scenarios: its
   * {@link #rulesVersion()}) has not changed.
   *
   * @return what happened: activated, or rejected with the problems; or {@code null} for no change
   */
  public RuleSetEvent reload() {
    return rules.reload();
  }

  /** What rules are deciding now, and how the last reload went. */
  public RuleSetStatus status() {
    return rules.status();
  }

  /** The names of every rule in the active rule set, sorted. */
  public List<String> ruleNames() {
    return rules.current().ruleNames();
  }

  /**
   * The short content hash of the active rule set (its rules, policy, finding catalogue and scenarios);
   * every decision carries the one that made it.
   */
  public String rulesVersion() {
    return rules.current().version();
  }

  /**
   * What the active rule set loaded with but looks wrong, each with file and line: a policy key that no
   * rule reads (a typo, or a rule that was removed). Also logged at WARN when the rules load. Empty when
   * nothing looks wrong.
   */
  public List<RuleProblem> warnings() {
    return rules.current().warnings();
  }

  /** The policy the active rules compare against. */
  public Policy policy() {
    return rules.current().policy();
  }

  /** Where the rules are loaded from: a directory, or {@code classpath:dev/pilotgate/rules}. */
  public String rulesSource() {
    return rules.current().origin();
  }

  /** Stops watching and releases the rules once running evaluations end; later calls to {@code evaluate} fail. */
  @Override
  public void close() {
    if (watcher != null) {
      watcher.close();
    }
    rules.close();
  }

  @Override
  public String toString() {
    return "GateEvaluator[rules " + rulesVersion() + " from " + rulesSource() + "]";
  }

  /**
   * Options for a {@link GateEvaluator}; {@link #build()} copies them, so one builder can
   * make several evaluators. Each option may be set once: a second call throws
   * {@link IllegalStateException} naming it, since it would silently undo the first. Not
   * thread-safe.
   */
  public static final class Builder {
    // null until set: each setting may be made once (a second would silently undo the first)
    private Path rulesDirectory;
    private Clock clock;
    private Boolean watch;
    private Duration debounce;
    private Duration pollInterval;
    private RuleSetListener listener;
    private Boolean verifyScenarios;
    private Boolean allowWorldWritableRules;
    private Boolean allowGroupWritableRules;
    private Boolean trustedRules;
    private Boolean isolatedEvaluation;

    private Builder() {}

    /** Load rules from this directory instead of the bundled ones. Default: the bundled rules. */
    public Builder rulesDirectory(Path directory) {
      once("rulesDirectory", rulesDirectory, directory);
      this.rulesDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /** The clock that says what "today" is for {@link GateEvaluator#evaluate(Pilot)}. Default: system clock and zone. */
    public Builder clock(Clock clock) {
      once("clock", this.clock, clock);
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Whether to watch the rules directory and reload on change. Default: false. Needs {@link #rulesDirectory}. */
    public Builder watch(boolean watch) {
      once("watch", this.watch, watch);
      this.watch = watch;
      return this;
    }

    /**
     * How long the directory's content must stay unchanged before a reload, so that a file
     * saved in several writes is read whole. Default: 300 ms.
     */
    public Builder debounce(Duration debounce) {
      once("debounce", this.debounce, debounce);
      this.debounce = positive(debounce, "debounce");
      return this;
    }

    /**
     * How often to look for changes while watching, for file systems that deliver no file
     * events (network and container mounts). Default: 2 s.
     */
    public Builder pollInterval(Duration pollInterval) {
      once("pollInterval", this.pollInterval, pollInterval);
      this.pollInterval = positive(pollInterval, "pollInterval");
      return this;
    }

    /** Told of every reload: activated or rejected. Default: none. */
    public Builder listener(RuleSetListener listener) {
      once("listener", this.listener, listener);
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Whether a rules directory's scenarios ({@code scenarios/*.yaml}) must pass before its
     * rules are activated. Default: true. (The bundled rules' scenarios run in their build.)
     */
    public Builder verifyScenarios(boolean verify) {
      once("verifyScenarios", this.verifyScenarios, verify);
      this.verifyScenarios = verify;
      return this;
    }

    /**
     * Whether to load a rules directory that any user of the machine may write to. Default: false: a
     * rules directory is refused with a {@link RuleSetException} when it, a parent of it up to the first
     * that only its owner may write, a {@code .drl}, the policy, the finding catalogue, {@code scenarios/}
     * or a scenario file has the POSIX "others may write" permission, or (unless
     * {@link #allowGroupWritableRules}) the "group may write" permission: rules are code, and whoever can
     * write them decides the gates. {@code true} turns the permission checks off altogether (group and
     * world), so allow it only where the file system's permissions do not mean that (e.g. a single-user
     * container). A rule set file that is a symbolic link leading outside the directory is refused either
     * way. Permissions are not checked on file systems without POSIX permissions. See docs/security.md.
     *
     * @throws IllegalStateException if it was set before on this builder
     */
    public Builder allowWorldWritableRules(boolean allow) {
      once("allowWorldWritableRules", allowWorldWritableRules, allow);
      this.allowWorldWritableRules = allow;
      return this;
    }

    /**
     * Whether the rules are trusted: the rule checker, which refuses everything in a rule file
     * beyond the model, the facts, the policy and plain Java values (docs/security.md), is off, and
     * the rules may run any Java in this JVM with its permissions: files, network, threads,
     * reflection, {@code System.exit}. For operators who need that and control who writes the rules.
     * Logged at WARN at every load. Policy keys, finding codes and scenarios are still checked,
     * and the time limit still applies. Default: false.
     *
     * @throws IllegalStateException if it was set before on this builder
     */
    public Builder trustedRules(boolean trusted) {
      once("trustedRules", trustedRules, trusted);
      this.trustedRules = trusted;
      return this;
    }

    /**
     * Whether each evaluation runs on a worker thread that the caller abandons when the rules do not
     * stop at their time limit. The limit ({@code engine.maxEvaluationMillis}) halts rules between two
     * engine steps; one step cannot be interrupted, and a condition that calls a method over a long list
     * or text for every pair of facts can make one step last far longer than the limit (docs/security.md).
     * Isolated, the caller gets a {@link GateEvaluationException} once the rules were halted and did not
     * stop within as long again, and goes on; the worker runs on until its step ends, using a core. At
     * most one abandoned evaluation per core (at least 2) may still run; while that many do, evaluations
     * fail at once. Costs one thread hand-off per evaluation (tens of microseconds).
     *
     * <p>Default: true for a rules directory (its files may be written by others than the host's
     * developers), false for the bundled rules, whose conditions are this library's own and bounded.
     *
     * @throws IllegalStateException if it was set before on this builder
     */
    public Builder isolatedEvaluation(boolean isolated) {
      once("isolatedEvaluation", isolatedEvaluation, isolated);
      this.isolatedEvaluation = isolated;
      return this;
    }

    /**
     * Whether to load a rules directory whose paths the owning group may write to (the POSIX "group may
     * write" permission on the directory, a parent up to the first that only its owner may write, or a
     * file of the rule set): for a rules directory shared by a team through a group. Default: false, such
     * a directory is refused with a {@link RuleSetException}. World-writable paths are still refused; see
     * {@link #allowWorldWritableRules}.
     *
     * @throws IllegalStateException if it was set before on this builder
     */
    public Builder allowGroupWritableRules(boolean allow) {
      once("allowGroupWritableRules", allowGroupWritableRules, allow);
      this.allowGroupWritableRules = allow;
      return this;
    }

    /** Refuses a second setting of {@code option}: the first would be silently lost. */
    private static void once(String option, Object first, Object again) {
      if (first != null) {
        throw new IllegalStateException(option + " is set twice (first to " + first + ", then to " + again
            + "); set each option once");
      }
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive but was " + d);
      }
      return d;
    }

    /**
     * Loads and compiles the rules, and starts watching if asked.
     *
     * @throws RuleSetException with every problem if the rules cannot be loaded
     * @throws IllegalStateException if watching is asked for without a rules directory
     */
    public GateEvaluator build() {
      boolean watch = Boolean.TRUE.equals(this.watch);
      boolean verifyScenarios = !Boolean.FALSE.equals(this.verifyScenarios);
      Duration debounce = this.debounce != null ? this.debounce : Duration.ofMillis(300);
      Duration pollInterval = this.pollInterval != null ? this.pollInterval : Duration.ofSeconds(2);
      Clock clock = this.clock != null ? this.clock : Clock.systemDefaultZone();
      if (watch && rulesDirectory == null) {
        throw new IllegalStateException("watch(true) needs a rulesDirectory: the bundled rules do not change");
      }
      Path dir = rulesDirectory;
      RulePermissions.Writers writers = Boolean.TRUE.equals(allowWorldWritableRules) ? RulePermissions.Writers.ANYONE
          : Boolean.TRUE.equals(allowGroupWritableRules) ? RulePermissions.Writers.GROUP : RulePermissions.Writers.OWNER;
      boolean trusted = Boolean.TRUE.equals(trustedRules);
      // Taken before loading, so that an edit made while the rules load is seen as a change.
      byte[] before = watch ? DirectoryWatcher.fingerprint(dir) : null;
      LiveRuleSet live = dir == null
          ? LiveRuleSet.load(() -> RuleSource.bundled(GateEvaluator.class.getClassLoader()), false, listener,
              Clock.systemUTC(), trusted)
          : LiveRuleSet.load(() -> RuleSource.fromDirectory(dir, writers), verifyScenarios, listener,
              Clock.systemUTC(), trusted);
      DirectoryWatcher watcher = null;
      if (watch) {
        watcher = DirectoryWatcher.start(dir, before, debounce, pollInterval, live::reload);
        live.watching(true);
      }
      boolean isolated = isolatedEvaluation != null ? isolatedEvaluation : dir != null;
      return new GateEvaluator(live, watcher, clock, isolated);
    }
  }
}
