package dev.pilotgate;

import dev.pilotgate.decision.Explanation;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.internal.engine.CompiledRuleSet;
import dev.pilotgate.internal.engine.Evaluation;
import dev.pilotgate.internal.engine.RuleSource;
import dev.pilotgate.model.Pilot;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * <p>The rules are compiled once, when the evaluator is built; a rule set that does not
 * compile, or whose policy is incomplete, throws {@link RuleSetException} naming every
 * problem with file and line. After that, {@code evaluate} is thread-safe: each call runs
 * in its own short-lived rule session over the same compiled rules.
 *
 * <p>Defaults: the rules bundled in {@code pilot-gate-rules}; "today" from the system
 * clock in the system time zone.
 */
public final class GateEvaluator {
  private final CompiledRuleSet rules;
  private final Clock clock;

  private GateEvaluator(CompiledRuleSet rules, Clock clock) {
    this.rules = rules;
    this.clock = clock;
  }

  /** An evaluator over the bundled rule set and policy. */
  public static GateEvaluator create() {
    return builder().build();
  }

  /**
   * An evaluator over the {@code *.drl} files and {@code policy.properties} in
   * {@code directory} (not its subdirectories).
   *
   * @throws RuleSetException if the directory is unreadable, a rule does not compile, or the policy is incomplete
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
    return Evaluation.evaluate(rules, pilot, asOf);
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
    List<String> fired = new ArrayList<>();
    GateDecision decision = Evaluation.evaluate(rules, pilot, asOf, fired);
    return new Explanation(decision, fired);
  }

  /** The names of every rule in the rule set, sorted. */
  public List<String> ruleNames() {
    return rules.ruleNames();
  }

  /** The short content hash of the rules and policy; every decision carries it. */
  public String rulesVersion() {
    return rules.version();
  }

  /** The policy the rules compare against. */
  public Policy policy() {
    return rules.policy();
  }

  /** Where the rules were loaded from: a directory, or {@code classpath:dev/pilotgate/rules}. */
  public String rulesSource() {
    return rules.origin();
  }

  @Override
  public String toString() {
    return "GateEvaluator[rules " + rules.version() + " from " + rules.origin() + "]";
  }

  /**
   * Options for a {@link GateEvaluator}; {@link #build()} copies them, so one builder can
   * make several evaluators. Not thread-safe.
   */
  public static final class Builder {
    private Path rulesDirectory;
    private Clock clock = Clock.systemDefaultZone();

    private Builder() {}

    /** Load rules from this directory instead of the bundled ones. Default: the bundled rules. */
    public Builder rulesDirectory(Path directory) {
      this.rulesDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /** The clock that says what "today" is for {@link GateEvaluator#evaluate(Pilot)}. Default: system clock and zone. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Loads and compiles the rules.
     *
     * @throws RuleSetException with every problem if the rules cannot be loaded
     */
    public GateEvaluator build() {
      RuleSource source = rulesDirectory == null
          ? RuleSource.bundled(GateEvaluator.class.getClassLoader())
          : RuleSource.fromDirectory(rulesDirectory);
      return new GateEvaluator(CompiledRuleSet.compile(source), clock);
    }
  }
}
