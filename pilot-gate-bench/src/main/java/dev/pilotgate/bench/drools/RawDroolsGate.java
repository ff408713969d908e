package dev.pilotgate.bench.drools;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.policy.Policy;
import dev.pilotgate.bench.floor.Decisions;
import dev.pilotgate.bench.floor.DerivedFacts;
import dev.pilotgate.decision.Finding;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.decision.Readiness;
import dev.pilotgate.model.Pilot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.StatelessKieSession;

/**
 * One evaluation on a {@link DroolsBuild}'s base, as the core's evaluation does it (the
 * pilot's facts and the policy inserted, all rules fired, findings and readiness read back),
 * with a choice of session kind. Used to compare build kinds and session kinds on equal terms.
 *
 * <p>For rules whose actions insert {@link Finding} facts themselves, as the frozen rules do
 * ({@code FrozenRules}): the bundled rules report through the {@code findings} global and pilot-gate's
 * finding catalogue, which this harness does not have, so a base that declares that global is
 * refused. The derived facts and the policy come from an evaluator over the same rules
 * ({@link GateEvaluator#facts}, {@link GateEvaluator#policy}). Thread-safe.
 */
public final class RawDroolsGate {
  public enum SessionKind {
    /** {@code kieBase.newKieSession()}, disposed after use: what the core did before. */
    NEW,
    /** {@code container.newKieSessionsPool(n)}: sessions reset and reused. */
    POOLED,
    /** {@code kieBase.newStatelessKieSession().execute(facts)}, results through a listener. */
    STATELESS
  }

  /** The global the rules may read the policy through: {@code global dev.pilotgate.policy.Policy policy;}. */
  static final String POLICY_GLOBAL = "policy";
  /** The global the bundled rules report findings through, which this harness cannot serve. */
  static final String FINDINGS_GLOBAL = "findings";

  private final DroolsBuild build;
  private final GateEvaluator rules;
  private final Policy policy;
  private final SessionKind kind;
  private final KieSessionsPool pool;
  private final int maxFirings;
  /** Whether the rules read the policy through the global, as the bundled ones do; then it is set. */
  private final boolean policyGlobal;

  /**
   * A harness over {@code build}, which must be built from the rules {@code rules} evaluates (the
   * frozen ones): the facts are derived and the policy read by {@code rules}.
   *
   * @throws IllegalArgumentException if the rules declare the {@code findings} global
   */
  public RawDroolsGate(DroolsBuild build, GateEvaluator rules, SessionKind kind) {
    if (globalType(build.kieBase(), FINDINGS_GLOBAL) != null) {
      throw new IllegalArgumentException("these rules report through the '" + FINDINGS_GLOBAL + "' global and "
          + "pilot-gate's finding catalogue, which this harness does not serve: build it from rules that insert "
          + "Finding facts themselves, such as FrozenRules.drlFiles()");
    }
    this.build = build;
    this.rules = rules;
    this.policy = rules.policy();
    this.kind = kind;
    this.maxFirings = policy.getInt("engine.maxRuleFirings");
    this.policyGlobal = globalType(build.kieBase(), POLICY_GLOBAL) != null;
    this.pool = kind == SessionKind.POOLED ? build.container().newKieSessionsPool(4) : null;
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

  public GateDecision evaluate(Pilot pilot, LocalDate asOf) {
    List<Object> facts = rules.facts(pilot, asOf);
    List<Finding> findings = new ArrayList<>();
    Readiness readiness = null;
    Collection<?> objects;
    if (kind == SessionKind.STATELESS) {
      // Results of a stateless session come back through commands (drools-commands, not on the
      // path) or listeners: collect what is inserted and not deleted again.
      StatelessKieSession session = build.kieBase().newStatelessKieSession();
      if (policyGlobal) {
        session.setGlobal(POLICY_GLOBAL, policy);
      }
      Set<Object> live = Collections.newSetFromMap(new IdentityHashMap<>());
      session.addEventListener(new DefaultRuleRuntimeEventListener() {
        @Override
        public void objectInserted(ObjectInsertedEvent event) {
          live.add(event.getObject());
        }

        @Override
        public void objectDeleted(ObjectDeletedEvent event) {
          live.remove(event.getOldObject());
        }
      });
      List<Object> all = new ArrayList<>(facts.size() + 1);
      all.add(policy);
      all.addAll(facts);
      session.execute(all);
      objects = live;
    } else {
      KieSession session = kind == SessionKind.POOLED ? pool.newKieSession() : build.kieBase().newKieSession();
      try {
        session.insert(policy);
        if (policyGlobal) {
          session.setGlobal(POLICY_GLOBAL, policy);
        }
        for (Object f : facts) {
          session.insert(f);
        }
        session.fireAllRules(maxFirings);
        objects = new ArrayList<>(session.getObjects());
      } finally {
        session.dispose();
      }
    }
    for (Object o : objects) {
      if (o instanceof Finding f) {
        findings.add(f);
      } else if (o instanceof Readiness r) {
        readiness = r;
      }
    }
    return Decisions.decide(DerivedFacts.of(facts, pilot), findings, readiness, "drools-" + build.kind());
  }

  public void close() {
    if (pool != null) {
      pool.shutdown();
    }
  }
}
