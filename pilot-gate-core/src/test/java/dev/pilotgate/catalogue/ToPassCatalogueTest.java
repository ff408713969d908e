package dev.pilotgate.catalogue;

import static dev.pilotgate.catalogue.CatalogueTest.AS_OF;
import static dev.pilotgate.catalogue.CatalogueTest.RULE;
import static dev.pilotgate.catalogue.CatalogueTest.lineOf;
import static dev.pilotgate.catalogue.CatalogueTest.pilot;
import static dev.pilotgate.catalogue.CatalogueTest.problems;
import static dev.pilotgate.catalogue.CatalogueTest.ruleSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.decision.Finding;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.decision.Severity;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.Stage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import dev.pilotgate.decision.ToPass;
import dev.pilotgate.model.Waiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalogue's {@code toPass} templates (what it would take to clear a finding) and the engine's
 * {@code WAIVER_EXPIRED}: checked when the rules load, at the file and line; a catalogue written before
 * waivers gets the built-in WAIVER_EXPIRED wording.
 */
class ToPassCatalogueTest {
  // the rule file and the helpers are CatalogueTest's; only the catalogue differs (its toPass lines)
  private static final String CATALOGUE = """
      # the ACME finding catalogue
      ACME_COST_CAP.rootCause=GOVERNANCE
      ACME_COST_CAP.stage=ACTIVATE_OWNER
      ACME_COST_CAP.means=software costs more per month than the cap
      ACME_COST_CAP.message=The software costs {cost} a month; the cap is {max} ({owners#} {owners?owner|owners}: {owners}).
      ACME_COST_CAP.action=Renegotiate below {max} or stop.
      ACME_COST_CAP.toPass.current={cost} a month
      ACME_COST_CAP.toPass.required=at most {max}
      ACME_COST_CAP.toPass.text=software cost {cost} → at most {max} a month

      ACME_GATE.rootCause=GOVERNANCE
      ACME_GATE.severity=INFO
      ACME_GATE.outcome=GO
      ACME_GATE.means=nothing holds the pilot
      ACME_GATE.message=Nothing holds the pilot.
      """;

  @Test
  void toPass_isRenderedFromTheCatalogue_onTheFinding(@TempDir Path dir) throws IOException {
    try (GateEvaluator evaluator = GateEvaluator.fromDirectory(ruleSet(dir, RULE, CATALOGUE))) {
      Finding f = evaluator.evaluate(pilot(Stage.ACTIVATE_OWNER, 1234.5), AS_OF).finding("ACME_COST_CAP").orElseThrow();
      assertThat(f.toPass()).isEqualTo(new ToPass("1230 a month", "at most 1000", "software cost 1230 → at most 1000 a month"));
    }
  }

  @Test
  void toPassNamingEvidenceTheCallDoesNotBind_isRefusedAtTheCall_namingTheToPassLine(@TempDir Path dir)
      throws IOException {
    String catalogue = CATALOGUE.replace("software cost {cost} →", "software cost {cost} ({overBy} over) →");
    ruleSet(dir, RULE, catalogue);

    assertThat(problems(dir)).containsExactly(dir.resolve("cost.drl") + ":" + lineOf(RULE, "findings.add(\"ACME_COST_CAP\"")
        + ": reports finding 'ACME_COST_CAP' without overBy, which its toPass (findings.properties line "
        + lineOf(catalogue, "toPass.text=") + ") uses: bind it in the call");
  }

  @Test
  void toPassWithoutAllThreeParts_isRefusedAtItsLine(@TempDir Path dir) throws IOException {
    String catalogue = CATALOGUE.replace("ACME_COST_CAP.toPass.required=at most {max}\n", "");
    ruleSet(dir, RULE, catalogue);

    assertThat(problems(dir)).containsExactly(dir.resolve("findings.properties") + ":"
        + lineOf(catalogue, "toPass.current=") + ": ACME_COST_CAP has ACME_COST_CAP.toPass.current but not"
        + " ACME_COST_CAP.toPass.required: a toPass needs current, required and text");
  }

  @Test
  void toPassWithABadBrace_isRefusedAtItsLine(@TempDir Path dir) throws IOException {
    String catalogue = CATALOGUE.replace("at most {max}\n", "at most {max\n");
    ruleSet(dir, RULE, catalogue);

    assertThat(problems(dir)).containsExactly(dir.resolve("findings.properties") + ":"
        + lineOf(catalogue, "toPass.required=") + ": ACME_COST_CAP.toPass.required has a brace that opens no"
        + " placeholder the catalogue knows ({name}, {name%}, {name#}, {name?one|other}) in 'at most {max'");
  }

  @Test
  void anUnknownToPassPart_isRefusedAtItsLine(@TempDir Path dir) throws IOException {
    String catalogue = CATALOGUE + "ACME_COST_CAP.toPass.why=because\n";
    ruleSet(dir, RULE, catalogue);

    assertThat(problems(dir)).singleElement().asString().startsWith(dir.resolve("findings.properties") + ":"
        + lineOf(catalogue, "toPass.why=") + ": 'ACME_COST_CAP.toPass.why' is not CODE.field or CODE.variant.field");
  }

  @Test
  void aCatalogueWithoutWaiverExpired_getsTheBuiltInWording(@TempDir Path dir) throws IOException {
    Pilot waived = Pilot.builder("p1", Stage.ACTIVATE_OWNER).softwareMonthlyCost(1234.5)
        .waiver(new Waiver("ACME_COST_CAP", null, "Dana Reyes", "renegotiating", LocalDate.of(2026, 5, 1),
            LocalDate.of(2026, 5, 20)))
        .build();
    try (GateEvaluator evaluator = GateEvaluator.fromDirectory(ruleSet(dir, RULE, CATALOGUE))) {
      GateDecision inForce = evaluator.evaluate(waived, LocalDate.of(2026, 5, 10));
      assertThat(inForce.outcome()).isEqualTo(GateOutcome.GO);
      assertThat(inForce.finding("ACME_COST_CAP").orElseThrow().severity()).isEqualTo(Severity.WARNING);

      GateDecision ended = evaluator.evaluate(waived, AS_OF);
      assertThat(ended.outcome()).isEqualTo(GateOutcome.HOLD);
      assertThat(ended.finding("WAIVER_EXPIRED").orElseThrow().message()).isEqualTo("The waiver of ACME_COST_CAP"
          + " approved by Dana Reyes ended on 2026-05-20; the finding counts again.");
    }
  }

  @Test
  void waiverExpiredUsingEvidenceTheEngineDoesNotBind_isRefusedAtItsLine(@TempDir Path dir) throws IOException {
    String catalogue = CATALOGUE + """
        WAIVER_EXPIRED.rootCause=GOVERNANCE
        WAIVER_EXPIRED.severity=WARNING
        WAIVER_EXPIRED.message=The waiver of {code} by {approver} ended.
        """;
    ruleSet(dir, RULE, catalogue);

    assertThat(problems(dir)).containsExactly(dir.resolve("findings.properties") + ":"
        + lineOf(catalogue, "WAIVER_EXPIRED.message=") + ": WAIVER_EXPIRED uses {approver}, which the engine does not"
        + " bind for it; it binds [approvedBy, approvedOn, capped, code, daysSinceEnd, endedOn, maxDays, reason,"
        + " subject, until]");
  }

  @Test
  void waiverExpiredThatHoldsTheGate_isRefused(@TempDir Path dir) throws IOException {
    String catalogue = CATALOGUE + """
        WAIVER_EXPIRED.rootCause=GOVERNANCE
        WAIVER_EXPIRED.severity=BLOCKER
        WAIVER_EXPIRED.message=The waiver of {code} ended.
        """;
    ruleSet(dir, RULE, catalogue);

    assertThat(problems(dir)).containsExactly(dir.resolve("findings.properties") + ":"
        + lineOf(catalogue, "WAIVER_EXPIRED.rootCause=") + ": WAIVER_EXPIRED is reported by the engine beside the"
        + " finding that is back, which decides: it must be a WARNING or INFO with no outcome");
  }
}
