package dev.pilotgate.internal.engine;

import dev.pilotgate.decision.Finding;
import dev.pilotgate.decision.ToPass;
import dev.pilotgate.facts.Findings;
import dev.pilotgate.decision.RootCause;
import dev.pilotgate.model.Owner;
import dev.pilotgate.model.OwnerKind;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.Stage;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.kie.api.runtime.KieSession;

/**
 * The {@code findings} global of one evaluation: builds each finding from the catalogue and the
 * call's evidence, names the rule that is firing (which the evaluation's {@link EvaluationWatch}
 * follows anyway: one listener, not two), and inserts it into the session, where the other rules
 * (gates, readiness) see it. One evaluation, one thread.
 */
final class FindingSink implements Findings {
  private final Catalogue catalogue;
  private final KieSession session;
  private final Stage stage;
  private final Supplier<String> rule;
  /** "Dana Reyes: " when the pilot has one individual owner, who is then named in each action; else "". */
  private final String owner;
  private final Waivers waivers;

  FindingSink(Catalogue catalogue, KieSession session, Pilot pilot, Supplier<String> rule, Waivers waivers) {
    this.catalogue = catalogue;
    this.session = session;
    this.stage = pilot.stage();
    this.rule = rule;
    this.waivers = waivers;
    Owner o = pilot.owner();
    this.owner = o != null && o.kind() == OwnerKind.INDIVIDUAL ? o.name().strip() + ": " : "";
  }

  /** {@code action}, addressed to the owner; not the owner findings' own, which are about who the owner is. */
  private String addressed(Catalogue.Entry entry, String action) {
    return action == null || owner.isEmpty() || entry.rootCause() == RootCause.OPERATOR_OWNER ? action : owner + action;
  }

  @Override
  public void add(String code, Object... evidence) {
    Catalogue.Entry entry = catalogue.entry(code);
    if (entry == null) {
      // the load check makes this unreachable for literal codes
      throw new IllegalArgumentException("finding code '" + code + "' is not in the catalogue");
    }
    if (evidence.length % 2 != 0) {
      throw new IllegalArgumentException("finding " + code + ": evidence comes in name, value pairs but "
          + evidence.length + " arguments were given");
    }
    Map<String, Object> named = new HashMap<>(evidence.length);
    for (int i = 0; i < evidence.length; i += 2) {
      if (evidence[i + 1] != null) { // absent, not null: a template's {x?...|...} tells the two cases apart
        named.put(String.valueOf(evidence[i]), evidence[i + 1]);
      }
    }
    ToPass toPass = entry.toPass() == null ? null : new ToPass(entry.toPass().get(0).render(named),
        entry.toPass().get(1).render(named), entry.toPass().get(2).render(named));
    String message = Catalogue.render(entry.messageTemplate(), named);
    if (waivers == null) {
      session.insert(new Finding(entry.code(), entry.rootCause(), entry.severityAt(stage), entry.outcome(), message,
          named, addressed(entry, Catalogue.render(entry.actionTemplate(), named)), rule.get(), toPass));
      return;
    }
    Finding finding = new Finding(entry.code(), entry.rootCause(), entry.severityAt(stage), entry.outcome(), message,
        named, Catalogue.render(entry.actionTemplate(), named), rule.get(), toPass);
    // waived before any rule sees it: the gates judge "nothing in the way" on what decides the outcome;
    // the owner is named in front of what the waiver makes of the action
    Finding waived = waivers.apply(finding, catalogue, session::insert);
    String addressed = addressed(entry, waived.action());
    session.insert(addressed == null || addressed.equals(waived.action()) ? waived : waived.withAction(addressed));
  }
}
