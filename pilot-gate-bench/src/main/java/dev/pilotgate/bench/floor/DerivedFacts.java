package dev.pilotgate.bench.floor;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.decision.AdoptionSnapshot;
import dev.pilotgate.decision.MetricTrend;
import dev.pilotgate.facts.DeviceReading;
import dev.pilotgate.facts.GateContext;
import dev.pilotgate.facts.PlaybookGaps;
import dev.pilotgate.facts.SourceAudit;
import dev.pilotgate.model.Pilot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The derived facts of one evaluation, the same the rules see ({@link GateEvaluator#facts}), sorted
 * by kind. The yardsticks share the derivation (gate frame, audits, adoption snapshot, metric
 * trends with their statistics) with the rules: what they compare is how the <em>checks</em>
 * are run. Fields are public for MVEL.
 */
public final class DerivedFacts {
  public final Pilot pilot;
  public final GateContext gate;
  public final List<SourceAudit> audits = new ArrayList<>(4);
  public final List<DeviceReading> devices = new ArrayList<>(4);
  public final List<MetricTrend> trends = new ArrayList<>(8);
  public AdoptionSnapshot adoption;
  public PlaybookGaps playbookGaps;

  private DerivedFacts(Pilot pilot, GateContext gate) {
    this.pilot = pilot;
    this.gate = gate;
  }

  /** The facts {@code rules} derives for {@code pilot} as of {@code asOf}, under its policy. */
  public static DerivedFacts of(GateEvaluator rules, Pilot pilot, LocalDate asOf) {
    return of(rules.facts(pilot, asOf), pilot);
  }

  /** Sorts facts already derived by {@link GateEvaluator#facts}. */
  public static DerivedFacts of(List<Object> facts, Pilot pilot) {
    GateContext gate = null;
    for (Object f : facts) {
      if (f instanceof GateContext g) {
        gate = g;
        break;
      }
    }
    DerivedFacts d = new DerivedFacts(pilot, gate);
    for (Object f : facts) {
      if (f instanceof SourceAudit a) {
        d.audits.add(a);
      } else if (f instanceof DeviceReading r) {
        d.devices.add(r);
      } else if (f instanceof MetricTrend t) {
        d.trends.add(t);
      } else if (f instanceof AdoptionSnapshot a) {
        d.adoption = a;
      } else if (f instanceof PlaybookGaps g) {
        d.playbookGaps = g;
      }
    }
    return d;
  }
}
