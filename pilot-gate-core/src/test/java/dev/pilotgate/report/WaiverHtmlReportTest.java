package dev.pilotgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.io.PilotReader;
import dev.pilotgate.model.Pilot;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The HTML report shows a pilot's waivers and, under a finding, what it would take to pass (real rules). */
class WaiverHtmlReportTest {
  private static final Pilot PILOT = PilotReader.create().read("""
      id: crm-assistant
      name: CRM assistant
      stage: DATA_AUDIT
      launchedOn: 2026-03-02
      successCriteria:
        - { metric: qualified_lead_share, kind: BUSINESS, baseline: 0.20, target: 0.35, direction: HIGHER_IS_BETTER, deadlineOn: 2026-12-18, definedOn: 2026-02-16 }
      owner: { name: Dana Reyes, role: Sales Director, kind: INDIVIDUAL, accountable: true, involvedSince: 2026-02-01 }
      dataSources:
        - { name: CRM, auditedOn: 2026-03-20, duplicateRate: 0.08, missingHistoryMonths: 2, inconsistentFormatRate: 0.01, governanceDocumented: true }
      waivers:
        - { code: DATA_DUPLICATES, subject: CRM, approvedBy: Dana Reyes, reason: "dedup <project> funded for Q3", approvedOn: 2026-05-15, until: 2026-12-31 }
      """, PilotReader.Format.YAML, "crm.yaml");

  @Test
  void theWaiverAndEachBlockersToPass_areOnThePage() {
    GateDecision d;
    try (GateEvaluator evaluator = GateEvaluator.create()) {
      d = evaluator.evaluate(PILOT, LocalDate.of(2026, 6, 1));
    }
    Document doc = Jsoup.parse(HtmlReport.render(List.of(PILOT), List.of(d)));

    Element waiver = doc.selectFirst("article.pilot li.waiver");
    assertThat(waiver).isNotNull();
    assertThat(waiver.hasClass("waiver-in-force")).isTrue();
    assertThat(waiver.text()).isEqualTo("In force until 2026-08-13 · DATA_DUPLICATES for CRM · approved by Dana Reyes"
        + " on 2026-05-15 · asked until 2026-12-31, the policy allows 90 days dedup <project> funded for Q3");

    Element history = doc.selectFirst("article.pilot li.finding[data-code=DATA_MISSING_HISTORY]");
    assertThat(history.selectFirst(".topass").text())
        .isEqualTo("To pass: backfill 2 months of history in CRM (now 2 months of history missing; needs at most 0"
            + " months missing)");
    Element duplicates = doc.selectFirst("article.pilot li.finding[data-code=DATA_DUPLICATES]");
    assertThat(duplicates.hasClass("sev-warning")).isTrue();
    assertThat(duplicates.text()).contains("Waived by Dana Reyes until 2026-08-13", "To pass: duplicates in CRM 8% → at"
        + " most 2%");
    assertThat(doc.select("script, link, img")).isEmpty();
  }
}
