package dev.pilotgate.bench.drools;

import dev.pilotgate.policy.Policy;
import dev.pilotgate.bench.floor.Decisions;
import dev.pilotgate.bench.floor.DerivedFacts;
import dev.pilotgate.decision.Finding;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.decision.Readiness;
import dev.pilotgate.internal.analysis.Analysis;
import dev.pilotgate.internal.engine.CompiledRuleSet;
import dev.pilotgate.model.Pilot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.StatelessKieSession;

/**
 * One evaluation on a {@link DroolsBuild}'s base, as the core's Evaluation does it (the
 * pilot's facts and the policy inserted, all rules fired, findings and readiness read back),
 * with a choice of session kind. Used to compare build kinds and session kinds on equal terms.
 * Thread-safe.
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

  private final DroolsBuild build;
  private final Policy policy;
  private final SessionKind kind;
  private final KieSessionsPool pool;
  private final int maxFirings;
  /** Whether the rules read the policy through the global, as the bundled ones do; then it is set. */
  private final boolean policyGlobal;

  public RawDroolsGate(DroolsBuild build, Policy policy, SessionKind kind) {
    this.build = build;
    this.policy = policy;
    this.kind = kind;
    this.pool = kind == SessionKind.POOLED ? build.container().newKieSessionsPool(4) : null;
    this.maxFirings = policy.getInt("engine.maxRuleFirings");
    this.policyGlobal = CompiledRuleSet.policyGlobalType(build.kieBase()) != null;
  }

  public GateDecision evaluate(Pilot pilot, LocalDate asOf) {
    List<Object> facts = Analysis.facts(pilot, asOf, policy);
    List<Finding> findings = new ArrayList<>();
    Readiness readiness = null;
    Collection<?> objects;
    if (kind == SessionKind.STATELESS) {
      // Results of a stateless session come back through commands (drools-commands, not on the
      // path) or listeners: collect what is inserted and not deleted again.
      StatelessKieSession session = build.kieBase().newStatelessKieSession();
      if (policyGlobal) {
        session.setGlobal(CompiledRuleSet.POLICY_GLOBAL, policy);
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
          session.setGlobal(CompiledRuleSet.POLICY_GLOBAL, policy);
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
