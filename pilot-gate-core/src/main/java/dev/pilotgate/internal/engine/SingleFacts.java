package dev.pilotgate.internal.engine;

import dev.pilotgate.decision.AdoptionSnapshot;
import dev.pilotgate.decision.Readiness;
import dev.pilotgate.facts.ActivityAfterKill;
import dev.pilotgate.facts.GateContext;
import dev.pilotgate.facts.PlaybookGaps;
import dev.pilotgate.model.Owner;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.Playbook;
import dev.pilotgate.model.Rollout;
import dev.pilotgate.policy.Policy;
import java.util.Set;

/**
 * The fact types of which a session holds at most one: the engine inserts each once, and a rule may
 * not insert more ({@link EvaluationWatch} refuses it); {@link Readiness} the rules state, once. Every other type (criteria, data sources,
 * findings, declared types, anything from {@code from}) can be many. The checker lets a rule join at
 * most one pattern over facts that can be many with these; so the work of one step of an evaluation,
 * which the time limit cannot interrupt, grows with the number of facts, not with a power of it.
 */
final class SingleFacts {
  static final Set<Class<?>> TYPES = Set.of(Pilot.class, GateContext.class, Owner.class, Rollout.class,
      AdoptionSnapshot.class, Playbook.class, PlaybookGaps.class, Policy.class, ActivityAfterKill.class,
      Readiness.class);

  private SingleFacts() {}

  static boolean isSingle(Class<?> type) {
    return TYPES.contains(type);
  }
}
