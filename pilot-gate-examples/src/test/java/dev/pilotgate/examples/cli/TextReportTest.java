package dev.pilotgate.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pilotgate.decision.Finding;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.decision.Readiness;
import dev.pilotgate.decision.ReadinessLevel;
import dev.pilotgate.decision.RootCause;
import dev.pilotgate.decision.Severity;
import dev.pilotgate.decision.ToPass;
import dev.pilotgate.decision.WaiverStatus;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.Stage;
import dev.pilotgate.model.Waiver;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The text renderer on hand-made decisions: no rules involved. */
class TextReportTest {
  private static final LocalDate DAY = LocalDate.of(2026, 6, 1);

  private static final Finding BLOCKER = new Finding("DATA_DUPLICATES", RootCause.DATA_READINESS, Severity.BLOCKER,
      null, "CRM has 8.0% duplicate records; the limit is 2.0%.", Map.of("duplicateRate", 0.08),
      "Deduplicate the CRM.", "DATA_DUPLICATES");
  private static final Finding WARNING = new Finding("OWNER_INHERITED", RootCause.OPERATOR_OWNER, Severity.WARNING,
      null, "Dana joined after the design started.", Map.of(), "Have Dana re-own the design.", "OWNER_INHERITED");
  private static final Finding GATE = new Finding("DATA_READY", RootCause.DATA_READINESS, Severity.INFO,
      GateOutcome.GO, "All 2 data sources are audited.", Map.of(), "Start the controlled rollout.", "DATA_READY");

  private static GateDecision hold() {
    return new GateDecision("crm-assistant", "CRM assistant", Stage.DATA_AUDIT, GateOutcome.HOLD, null,
        List.of(BLOCKER, WARNING), new Readiness(ReadinessLevel.MEDIUM, 18, 25, List.of("DATA_DUPLICATES", "OWNER_INHERITED")),
        List.of(), null, DAY, "abc123");
  }

  private static GateDecision go() {
    return new GateDecision("invoices", "invoices", Stage.DATA_AUDIT, GateOutcome.GO, Stage.CONTROLLED_ROLLOUT,
        List.of(GATE), new Readiness(ReadinessLevel.HIGH, 13, 18, List.of()), List.of(), null, DAY,
        "abc123");
  }

  @Test
  void render_holdDecision() {
    String text = new TextReport().render(hold());

    assertThat(text.lines().toList()).containsExactly(
        "HOLD  crm-assistant — CRM assistant",
        "      stage      3 DATA_AUDIT → stays until the blockers are resolved",
        "      readiness  MEDIUM, 18–25 weeks to full production (gaps: DATA_DUPLICATES, OWNER_INHERITED)",
        "      why",
        "        BLOCKER  DATA_DUPLICATES  CRM has 8.0% duplicate records; the limit is 2.0%.",
        "                 action: Deduplicate the CRM.",
        "        WARNING  OWNER_INHERITED  Dana joined after the design started.");
  }

  @Test
  void render_goDecision() {
    String text = new TextReport().render(go());

    assertThat(text)
        .startsWith("GO  invoices\n") // no name line repeat when the name is the id
        .contains("3 DATA_AUDIT → 4 CONTROLLED_ROLLOUT")
        .contains("HIGH, 13–18 weeks to full production (no gaps)")
        .contains("INFO     DATA_READY  All 2 data sources are audited.")
        .contains("next: Start the controlled rollout.");
  }

  @Test
  void render_decisionWarnings_areNotesBeforeTheFindings() {
    GateDecision base = go();
    GateDecision warned = new GateDecision(base.pilotId(), base.pilotName(), base.stage(), base.outcome(),
        base.nextStage(), base.findings(), base.readiness(), base.trends(), base.adoption(), base.asOf(),
        base.rulesVersion(), List.of(new dev.pilotgate.decision.DecisionWarning("DATA_AFTER_AS_OF", "usage", 3,
            "3 usage records dated after 2026-06-01 were ignored.")));

    String text = new TextReport().render(warned);

    assertThat(text).contains("      note       3 usage records dated after 2026-06-01 were ignored.\n      why\n");
  }

  @Test
  void render_portfolioSummary() {
    String text = new TextReport().render(List.of(hold(), go(), hold()));

    List<String> lines = text.lines().toList();
    assertThat(lines).filteredOn(l -> l.startsWith("HOLD  ") || l.startsWith("GO  ")).hasSize(3);
    assertThat(lines.get(lines.size() - 1))
        .isEqualTo("3 pilots as of 2026-06-01: 1 GO, 2 HOLD, 0 DIAGNOSE, 0 KILL (rules abc123)");
  }

  @Test
  void render_emptyPortfolio() {
    assertThat(new TextReport().render(List.of())).isEqualTo("0 pilots: 0 GO, 0 HOLD, 0 DIAGNOSE, 0 KILL\n");
  }

  @Test
  void symbols_asciiConsole() {
    TextReport.Symbols symbols = TextReport.Symbols.forCharset(StandardCharsets.US_ASCII);
    String text = new TextReport(symbols).render(List.of(hold(), go()));

    assertThat(symbols).isEqualTo(TextReport.Symbols.ASCII);
    assertThat(StandardCharsets.US_ASCII.newEncoder().canEncode(text)).as(text).isTrue();
    assertThat(text).contains("HOLD  crm-assistant - CRM assistant", "3 DATA_AUDIT -> 4 CONTROLLED_ROLLOUT", "18-25 weeks");
  }

  @Test
  void symbols_utf8Console() {
    assertThat(TextReport.Symbols.forCharset(StandardCharsets.UTF_8)).isEqualTo(TextReport.Symbols.UNICODE);
  }

  @Test
  void render_showsWhatItWouldTakeUnderABlocker_andThePilotsWaivers() {
    Finding withToPass = new Finding("DATA_DUPLICATES", RootCause.DATA_READINESS, Severity.BLOCKER, null,
        "CRM has 8% duplicate records; the limit is 2%.", Map.of("duplicateRate", 0.08), "Deduplicate the CRM.",
        "DATA_DUPLICATES", new ToPass("8% duplicates", "at most 2%", "duplicates in CRM 8% → at most 2%"));
    Waiver ended = new Waiver("DATA_DUPLICATES", "CRM", "Dana Reyes", "dedup project funded for Q3",
        LocalDate.of(2026, 1, 20), LocalDate.of(2026, 12, 31));
    Waiver inForce = new Waiver("DATA_NO_GOVERNANCE", null, "Dana Reyes", "rules drafted, sign-off in June",
        LocalDate.of(2026, 5, 15), LocalDate.of(2026, 6, 30));
    GateDecision d = new GateDecision("crm-assistant", "CRM assistant", Stage.DATA_AUDIT, GateOutcome.HOLD, null,
        List.of(withToPass), new Readiness(ReadinessLevel.MEDIUM, 18, 25, List.of("DATA_DUPLICATES")), List.of(), null,
        DAY, "abc123", List.of(), List.of(
            new WaiverStatus(ended, WaiverStatus.State.EXPIRED, LocalDate.of(2026, 4, 20), true, 90),
            new WaiverStatus(inForce, WaiverStatus.State.IN_FORCE, LocalDate.of(2026, 6, 30), false, 90)));

    assertThat(new TextReport().render(d).lines().toList()).containsExactly(
        "HOLD  crm-assistant — CRM assistant",
        "      stage      3 DATA_AUDIT → stays until the blockers are resolved",
        "      readiness  MEDIUM, 18–25 weeks to full production (gaps: DATA_DUPLICATES)",
        "      waiver     DATA_DUPLICATES for CRM, approved by Dana Reyes on 2026-01-20, ended on 2026-04-20 (the"
            + " policy's 90-day limit; it asked for 2026-12-31): dedup project funded for Q3",
        "      waiver     DATA_NO_GOVERNANCE, approved by Dana Reyes on 2026-05-15, in force until 2026-06-30: rules"
            + " drafted, sign-off in June",
        "      why",
        "        BLOCKER  DATA_DUPLICATES  CRM has 8% duplicate records; the limit is 2%.",
        "                 action: Deduplicate the CRM.",
        "                 to pass: duplicates in CRM 8% → at most 2% (now 8% duplicates, needs at most 2%)");
    assertThat(new TextReport(TextReport.Symbols.ASCII).render(d))
        .contains("to pass: duplicates in CRM 8% -> at most 2% (now 8% duplicates, needs at most 2%)");
  }
}
