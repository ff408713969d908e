package dev.pilotgate.internal.engine;

import dev.pilotgate.facts.Findings;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.Stage;
import dev.pilotgate.policy.Policy;
import dev.pilotgate.ruleset.RuleProblem;
import dev.pilotgate.ruleset.RuleSetException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A rule set compiled once into a Drools {@link KieBase}, with its policy, version and
 * source. {@link KieBase} creates sessions safely from many threads.
 *
 * <p>Each build is its own KieModule with a unique release id, so builds never share the
 * default id (concurrent builds would mix packages), and the module is removed from the
 * KIE repository once its base exists, so repeated builds do not accumulate there.
 *
 * <p>Lifetime: a rule set starts with one reference (its owner's). Evaluations
 * {@link #tryAcquire()} and {@link #release()} it; {@link #retire()} drops the owner's
 * reference. The Drools container is disposed when the last reference goes, never under a
 * running evaluation, so a reloaded-away rule set leaves nothing behind.
 */
public final class CompiledRuleSet {
  private static final Logger LOG = LoggerFactory.getLogger(CompiledRuleSet.class);
  private static final AtomicLong BUILDS = new AtomicLong();
  // The folder matches the bundled rules' package, so Drools does not warn about a mismatch.
  /** The global through which rules may read the policy: {@code global dev.pilotgate.policy.Policy policy;}. */
  public static final String POLICY_GLOBAL = "policy";
  /** The global through which rules report findings: {@code global dev.pilotgate.facts.Findings findings;}. */
  public static final String FINDINGS_GLOBAL = "findings";
  private static final String KIE_FOLDER = "dev/pilotgate/rules/";
  private static final String RESOURCE_ROOT = "src/main/resources/" + KIE_FOLDER;

  private final KieContainer container;
  private final KieBase kieBase;
  private final SessionPool sessions;
  private final RuleSource source;
  private final AtomicInteger references = new AtomicInteger(1);
  private final Policy policy;
  private final String version;
  private final String origin;
  private final int maxFirings;
  private final int maxEvaluationMillis;
  private final int maxFacts;
  private final boolean policyGlobal;
  private final List<RuleProblem> warnings;
  private final Catalogue catalogue;
  private final boolean findingsGlobal;

  private CompiledRuleSet(KieContainer container, KieBase kieBase, RuleSource source, Policy policy, String version,
      String origin, boolean policyGlobal, List<RuleProblem> warnings, Catalogue catalogue, boolean findingsGlobal) {
    this.container = container;
    this.catalogue = catalogue;
    this.findingsGlobal = findingsGlobal;
    this.warnings = List.copyOf(warnings);
    this.policyGlobal = policyGlobal;
    this.kieBase = kieBase;
    this.sessions = new SessionPool(kieBase, Runtime.getRuntime().availableProcessors() * 2);
    this.source = source;
    this.policy = policy;
    this.version = version;
    this.origin = origin;
    this.maxFirings = policy.getInt("engine.maxRuleFirings");
    this.maxEvaluationMillis = policy.getInt("engine.maxEvaluationMillis");
    this.maxFacts = policy.getInt("engine.maxFacts");
  }

  /**
   * Checks {@code source}'s rules against the allowlist ({@link RuleChecker}), then compiles them; throws
   * {@link RuleSetException} with every problem, each with file and line.
   */
  public static CompiledRuleSet compile(RuleSource source) {
    return compile(source, false);
  }

  /**
   * As {@link #compile(RuleSource)}; with {@code trusted}, what the checker refuses is allowed (and
   * logged at WARN at every load): the rules may then run any Java in this JVM. Policy keys and
   * finding calls are still checked.
   */
  public static CompiledRuleSet compile(RuleSource source, boolean trusted) {
    List<RuleProblem> problems = new ArrayList<>();
    Policy policy = PolicyReader.read(source.policyFile(), problems);
    // Rules are code: what they may use is checked before Drools compiles (or loads) anything of them.
    RuleChecker.Result checked = RuleChecker.inspect(source);
    if (trusted) {
      LOG.warn("rule set {}: trusted rules, the rule checker is off ({} use(s) it would refuse): these rules may run"
          + " any Java in this JVM, with its permissions", source.origin(), checked.problems().size());
    } else {
      problems.addAll(checked.problems());
    }
    List<RuleProblem> warnings = new ArrayList<>();
    if (policy != null) {
      PolicyKeys.check(source.policyFile(), policy, checked.policyKeys(), problems, warnings);
    }
    Catalogue catalogue = Catalogue.read(source.catalogueFile(), problems);
    if (catalogue != null) {
      FindingCalls.check(catalogue, checked.findingCalls(), problems);
    }
    if (!problems.isEmpty()) {
      throw new RuleSetException(source.origin(), problems);
    }
    for (RuleProblem w : warnings) {
      LOG.warn("rule set {}: {}", source.origin(), w);
    }

    KieServices ks = KieServices.get();
    String version = source.version();
    ReleaseId releaseId = ks.newReleaseId("dev.pilotgate.ruleset",
        "rules-" + version + "-" + BUILDS.incrementAndGet(), "1.0.0");
    KieFileSystem kfs = ks.newKieFileSystem();
    kfs.generateAndWritePomXML(releaseId);
    for (RuleFile f : source.drlFiles()) {
      kfs.write(RESOURCE_ROOT + f.name(), f.content());
    }
    KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
    List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
    for (Message m : errors) {
      // Drools follows every parse error with this line-less echo; the parse error says it all.
      if (errors.size() > 1 && m.getText().contains("Parser returned a null Package")) {
        continue;
      }
      problems.add(new RuleProblem(display(source, m.getPath()), Math.max(m.getLine(), 0), oneLine(m.getText())));
    }
    if (!problems.isEmpty()) {
      ks.getRepository().removeKieModule(releaseId);
      throw new RuleSetException(source.origin(), problems);
    }
    KieContainer container = ks.newKieContainer(releaseId);
    try {
      KieBase base = container.getKieBase();
      String policyType = policyGlobalType(base);
      if (policyType != null && !policyType.equals(Policy.class.getName())) {
        // the catch below disposes the container
        throw new RuleSetException(source.origin(), List.of(new RuleProblem(source.origin(), 0,
            "global '" + POLICY_GLOBAL + "' is the policy and must be declared 'global " + Policy.class.getName()
                + " " + POLICY_GLOBAL + "', not of type " + policyType)));
      }
      boolean policyGlobal = policyType != null;
      String findingsType = globalType(base, FINDINGS_GLOBAL);
      if (findingsType != null && !findingsType.equals(Findings.class.getName())) {
        throw new RuleSetException(source.origin(), List.of(new RuleProblem(source.origin(), 0,
            "global '" + FINDINGS_GLOBAL + "' reports findings and must be declared 'global " + Findings.class.getName()
                + " " + FINDINGS_GLOBAL + "', not of type " + findingsType)));
      }
      LOG.debug("compiled rule set {} from {} ({} files)", version, source.origin(), source.drlFiles().size());
      return new CompiledRuleSet(container, base, source, policy, version, source.origin(), policyGlobal, warnings,
          catalogue, findingsType != null);
    } catch (RuntimeException e) {
      container.dispose();
      throw e;
    } finally {
      ks.getRepository().removeKieModule(releaseId);
    }
  }

  /** Drools messages span lines (with a caret line under the expression); one line reads better in a log. */
  private static String oneLine(String text) {
    return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.equals("^"))
        .reduce((a, b) -> a + " " + b).orElse("");
  }

  private static String display(RuleSource source, String kiePath) {
    if (kiePath == null) {
      return source.origin();
    }
    // Drools names a file by its path in the module, with or without src/main/resources/.
    String name = kiePath.startsWith(RESOURCE_ROOT) ? kiePath.substring(RESOURCE_ROOT.length())
        : kiePath.startsWith(KIE_FOLDER) ? kiePath.substring(KIE_FOLDER.length()) : kiePath;
    return source.drlFiles().stream().filter(f -> f.name().equals(name))
        .map(RuleFile::display).findFirst().orElse(name);
  }

  /** The type the rules declare the global {@value #POLICY_GLOBAL} with, or null when they do not declare it. */
  public static String policyGlobalType(KieBase base) {
    return globalType(base, POLICY_GLOBAL);
  }

  /** The type the rules declare global {@code name} with, or null when they do not declare it. */
  static String globalType(KieBase base, String name) {
    for (KiePackage pkg : base.getKiePackages()) {
      for (Global g : pkg.getGlobalVariables()) {
        if (g.getName().equals(name)) {
          return g.getType();
        }
      }
    }
    return null;
  }

  /**
   * Gives a session what the rules see besides the facts: the policy as a fact (for rules matching
   * {@code Policy()}) and, when the rules declare it, as the global {@value #POLICY_GLOBAL} (no join:
   * cheaper, see docs/benchmarks.md); and, when they declare {@value #FINDINGS_GLOBAL}, a sink that
   * turns their {@code findings.add} calls into findings for a pilot at {@code stage}, named after
   * the rule {@code watch} sees firing. A pooled session gets a new sink at its next evaluation.
   */
  void bind(KieSession session, Pilot pilot, EvaluationWatch watch) {
    bind(session, pilot, watch, null);
  }

  /** As {@link #bind(KieSession, Pilot, EvaluationWatch)}, with the pilot's {@code waivers} applied to each finding. */
  void bind(KieSession session, Pilot pilot, EvaluationWatch watch, Waivers waivers) {
    session.insert(policy);
    if (policyGlobal) {
      session.setGlobal(POLICY_GLOBAL, policy);
    }
    if (findingsGlobal()) {
      session.setGlobal(FINDINGS_GLOBAL, new FindingSink(catalogue(), session, pilot, watch::running, waivers));
    }
  }

  /** Takes a reference for an evaluation; false when the rule set is already disposed (then read the current one again). */
  public boolean tryAcquire() {
    while (true) {
      int n = references.get();
      if (n <= 0) {
        return false;
      }
      if (references.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }

  /** Returns a reference taken with {@link #tryAcquire()}. */
  public void release() {
    if (references.decrementAndGet() == 0) {
      dispose();
    }
  }

  /** Drops the owner's reference: the rule set is disposed once no evaluation uses it. Idempotent per owner. */
  public void retire() {
    release();
  }

  /** Whether the rule set has been disposed. */
  public boolean disposed() {
    return references.get() <= 0;
  }

  private void dispose() {
    sessions.close();
    container.dispose();
    LOG.debug("disposed rule set {}", version);
  }

  /** The files the rule set was compiled from. */
  public RuleSource source() {
    return source;
  }

  /** Every rule's name, sorted. */
  public List<String> ruleNames() {
    return kieBase.getKiePackages().stream().flatMap(p -> p.getRules().stream())
        .map(org.kie.api.definition.rule.Rule::getName).sorted().toList();
  }

  public KieBase kieBase() {
    return kieBase;
  }

  /** Reusable sessions over {@link #kieBase()}, for evaluations while the rule set is held. */
  SessionPool sessions() {
    return sessions;
  }

  /** What loaded but looks wrong (e.g. a policy key no rule reads), each with file and line; logged at WARN on load. */
  public List<RuleProblem> warnings() {
    return warnings;
  }

  /** The finding catalogue the rules' {@code findings.add} calls are built from. */
  public Catalogue catalogue() {
    return catalogue;
  }

  /** Whether the rules declare the {@value #FINDINGS_GLOBAL} global. */
  boolean findingsGlobal() {
    return findingsGlobal;
  }

  public Policy policy() {
    return policy;
  }

  public String version() {
    return version;
  }

  public String origin() {
    return origin;
  }

  public int maxFirings() {
    return maxFirings;
  }

  /** {@code engine.maxFacts}: the most facts one evaluation may hold, the pilot's and the rules' inserts. */
  public int maxFacts() {
    return maxFacts;
  }

  /** {@code engine.maxEvaluationMillis}: how long one evaluation may take before it is stopped. */
  public int maxEvaluationMillis() {
    return maxEvaluationMillis;
  }
}
