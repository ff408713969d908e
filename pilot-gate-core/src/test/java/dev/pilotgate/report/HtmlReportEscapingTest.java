package dev.pilotgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.io.PilotReader;
import dev.pilotgate.model.Pilot;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Text from pilot documents reaches the page as text, never as markup. */
class HtmlReportEscapingTest {
  private static final String NAME = "<script>alert(1)</script>";
  private static final String METRIC = "<img src=x onerror=alert(2)>";
  private static final String OWNER = "\"><svg onload=alert(3)>";
  private static final String USER = "</text><script>alert(4)</script>";

  private static final String DOCUMENT = """
      id: hostile
      name: "<script>alert(1)</script>"
      stage: CONTROLLED_ROLLOUT
      launchedOn: 2026-03-01
      plannedEndOn: 2026-09-30
      successCriteria:
        - metric: "<img src=x onerror=alert(2)>"
          kind: BUSINESS
          baseline: 1
          target: 2
          direction: HIGHER_IS_BETTER
          deadlineOn: 2026-09-30
          definedOn: 2026-02-01
      owner:
        name: "\\"><svg onload=alert(3)>"
        kind: COMMITTEE
        accountable: false
        involvedSince: 2026-01-01
      rollout:
        startedOn: 2026-03-01
        eligibleUsers: 10
        deployedUsers: 3
        earlyAdopters: ["</text><script>alert(4)</script>", "bo & 'co'", "cy"]
      usage:
        - { user: "</text><script>alert(4)</script>", date: 2026-05-25 }
      observations:
        - { metric: "<img src=x onerror=alert(2)>", date: 2026-03-10, value: 1.1 }
        - { metric: "<img src=x onerror=alert(2)>", date: 2026-04-10, value: 1.3 }
      """;

  @Test
  void escaping_markupInNamesMetricsOwnersAndUsersRendersAsText() {
    Pilot pilot = PilotReader.create().read(DOCUMENT, PilotReader.Format.YAML, "hostile.yaml");
    GateDecision decision;
    try (GateEvaluator evaluator = GateEvaluator.create()) {
      decision = evaluator.evaluate(pilot, LocalDate.of(2026, 6, 1));
    }
    String html = HtmlReport.render(List.of(pilot), List.of(decision));
    Document doc = Jsoup.parse(html);

    assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img")
        .doesNotContain("<svg onload");
    assertThat(doc.select("script, img")).isEmpty();
    for (Element e : doc.getAllElements()) {
      for (Attribute a : e.attributes()) {
        assertThat(a.getKey()).as("attribute on <%s>", e.tagName()).doesNotStartWithIgnoringCase("on");
      }
    }
    // the text survives, as text
    assertThat(doc.selectFirst("article.pilot h2").text()).isEqualTo(NAME);
    assertThat(doc.selectFirst("table.decisions tbody th a").text()).isEqualTo(NAME);
    assertThat(doc.selectFirst("svg.trend-chart").attr("data-metric")).isEqualTo(METRIC);
    assertThat(doc.selectFirst("figure.chart .metric").text()).isEqualTo(METRIC);
    assertThat(doc.selectFirst(".pilot-meta").text()).contains("owner " + OWNER);
    assertThat(doc.select("li.adopter-chip").eachAttr("data-user")).containsExactly(USER, "bo & 'co'", "cy");
    assertThat(doc.selectFirst("svg.activity g.adopter").attr("data-user")).isEqualTo(USER);
    assertThat(doc.select("svg.trend-chart circle.obs")).hasSize(2);
    assertThat(doc.text()).contains("Ownership sits with " + OWNER);
  }

  @Test
  void escaping_controlCharactersAndLoneSurrogatesBecomeReplacementCharacters() {
    assertThat(Html.esc("a\u0000b\u0007c\td\ne\u0085f")).isEqualTo("a\uFFFDb\uFFFDc\td\ne\uFFFDf");
    assertThat(Html.esc("x\uD800y")).isEqualTo("x\uFFFDy");
    assertThat(Html.esc("😀 & <b>'q'\"")).isEqualTo("😀 &amp; &lt;b&gt;&#39;q&#39;&quot;");
    assertThat(Html.esc(null)).isEmpty();
    assertThat(Html.idPart("a b/<c>")).isEqualTo("a-b--c-");
  }
}
