package dev.pilotgate.examples.embedding;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.decision.Finding;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.model.DataSource;
import dev.pilotgate.model.Direction;
import dev.pilotgate.model.MetricKind;
import dev.pilotgate.model.Owner;
import dev.pilotgate.model.OwnerKind;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.Stage;
import dev.pilotgate.model.SuccessCriterion;
import java.time.LocalDate;
import java.util.Map;

/**
 * How a host application embeds pilot-gate: build a {@link Pilot} from its own data,
 * evaluate it, and act on the decision. No file, no Drools type: only the library's model.
 */
public final class EmbeddingExample {
  private EmbeddingExample() {}

  public static void main(String[] args) {
    // 1. Describe the pilot. Only id and stage are required; what is missing becomes a
    //    finding (e.g. no owner), not an exception. The builder validates on build().
    Pilot pilot = Pilot.builder("demand-forecasting", Stage.DATA_AUDIT)
        .name("Demand forecasting for the supply chain team")
        .launchedOn(LocalDate.of(2026, 3, 2))
        .successCriterion(new SuccessCriterion(
            "forecast_accuracy", MetricKind.BUSINESS,
            0.73, 0.82, Direction.HIGHER_IS_BETTER,     // baseline, target, direction
            LocalDate.of(2026, 10, 30),                  // deadline
            LocalDate.of(2026, 1, 20)))                  // agreed on (before launch)
        .owner(new Owner("Priya Raman", "Director of Supply Chain", OwnerKind.INDIVIDUAL,
            true, LocalDate.of(2026, 1, 12)))            // accountable, involved from design
        .dataSource(new DataSource(
            "ERP order history", LocalDate.of(2026, 5, 4),
            0.004,                                       // duplicate rate
            3,                                           // months of history missing
            0.02,                                        // inconsistent-format rate
            false, true,                                 // curated for demo? governance documented?
            Map.of()))                                   // no device offsets
        .build();

    // 2. Build the evaluator once and share it: compiling the rules takes a moment, and
    //    evaluate() is thread-safe. create() uses the rules bundled in pilot-gate-rules;
    //    GateEvaluator.fromDirectory(path) loads rules an operator edits instead.
    GateEvaluator evaluator = GateEvaluator.create();

    // 3. Decide. evaluate(pilot) decides as of today; passing the day makes the decision
    //    reproducible (same pilot, day and rules: same decision).
    GateDecision decision = evaluator.evaluate(pilot, LocalDate.of(2026, 6, 1));

    // 4. Act on it: the outcome, the readiness, and the findings behind them.
    System.out.println(decision.pilotId() + ": " + decision.outcome()
        + (decision.nextStage() == null ? "" : " to " + decision.nextStage())
        + " (readiness " + decision.readiness().level() + ", "
        + decision.readiness().weeksText("-") + " to production)");
    for (Finding f : decision.findings()) {
      System.out.println("  " + f.severity() + " " + f.code() + ": " + f.message());
      if (f.action() != null) {
        System.out.println("    action: " + f.action());
      }
    }
    System.out.println("decided by rules " + decision.rulesVersion() + " as of " + decision.asOf());
  }
}
