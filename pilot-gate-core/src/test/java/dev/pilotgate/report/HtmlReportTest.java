package dev.pilotgate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.decision.Finding;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.decision.MetricTrend;
import dev.pilotgate.decision.Severity;
import dev.pilotgate.io.PilotReader;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renders the example portfolio ({@code pilot-gate-examples/pilots}, evaluated by the real
 * rules as of 2026-06-01) and checks the page through jsoup: funnel, table, charts,
 * findings, early adopters, self-containment, escaping, determinism. The page is also written
 * to {@code target/report/portfolio-report.html} to look at.
 */
class HtmlReportTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);
  static final Path PORTFOLIO = Path.of("..", "pilot-gate-examples", "pilots");

  static GateEvaluator evaluator;
  static List<Pilot> pilots;
  static List<GateDecision> decisions;
  static Map<String, GateDecision> decisionById;
  static Map<String, Pilot> pilotById;
  static String html;
  static Document doc;

  @BeforeAll
  static void renderExamplePortfolio() throws IOException {
    assertThat(PORTFOLIO).as("example portfolio").isDirectory();
    evaluator = GateEvaluator.create();
    pilots = PilotReader.create().readAll(List.of(PORTFOLIO));
    decisions = pilots.stream().map(p -> evaluator.evaluate(p, AS_OF)).toList();
    decisionById = decisions.stream().collect(Collectors.toMap(GateDecision::pilotId, Function.identity()));
    pilotById = pilots.stream().collect(Collectors.toMap(Pilot::id, Function.identity()));
    html = HtmlReport.render(pilots, decisions);
    doc = Jsoup.parse(html);
    Path out = Path.of("target", "report", "portfolio-report.html");
    Files.createDirectories(out.getParent());
    Files.writeString(out, html);
  }

  @AfterAll
  static void close() {
    evaluator.close();
  }

  @Test
  void portfolio_coversEveryStageAndOutcome() {
    // the checks below are only meaningful if the example portfolio is varied
    assertThat(pilots).hasSizeGreaterThanOrEqualTo(8);
    assertThat(decisions).extracting(GateDecision::outcome).contains(GateOutcome.values());
    assertThat(decisions.stream().filter(d -> d.trends().stream().anyMatch(t -> t.fittedAtFrom() != null))).isNotEmpty();
    assertThat(decisions.stream().filter(d -> d.adoption() != null)).isNotEmpty();
  }

  @Test
  void funnel_countsPerStageAndOutcomeEqualTheDecisions() {
    Element funnel = doc.selectFirst("svg.funnel");
    assertThat(funnel).isNotNull();
    for (Stage stage : Stage.values()) {
      Element row = funnel.selectFirst("g.funnel-stage[data-stage=" + stage.name() + "]");
      assertThat(row).as(stage.name()).isNotNull();
      long inStage = decisions.stream().filter(d -> d.stage() == stage).count();
      assertThat(row.attr("data-count")).as(stage.name()).isEqualTo(String.valueOf(inStage));
      for (GateOutcome outcome : GateOutcome.values()) {
        Set<String> expected = decisions.stream().filter(d -> d.stage() == stage && d.outcome() == outcome)
            .map(GateDecision::pilotId).collect(Collectors.toSet());
        Elements blocks = row.select("rect.funnel-pilot[data-outcome=" + outcome.name() + "]");
        assertThat(blocks.eachAttr("data-pilot")).as(stage + "/" + outcome).containsExactlyInAnyOrderElementsOf(expected);
        Element group = row.selectFirst("g.funnel-outcome[data-outcome=" + outcome.name() + "]");
        if (expected.isEmpty()) {
          assertThat(group).isNull();
        } else {
          assertThat(group.attr("data-count")).isEqualTo(String.valueOf(expected.size()));
        }
      }
    }
    assertThat(funnel.select("rect.funnel-pilot")).hasSize(decisions.size());
  }

  @Test
  void funnel_showsAllSixStagesInOrderWithCountsInWords() {
    Elements rows = doc.select("svg.funnel g.funnel-stage");
    assertThat(rows.eachAttr("data-stage")).containsExactly(
        "DEFINE_CRITERIA", "ACTIVATE_OWNER", "DATA_AUDIT", "CONTROLLED_ROLLOUT", "ORG_WIDE_ADOPTION", "PRODUCTION");
    for (Stage stage : Stage.values()) {
      if (decisions.stream().noneMatch(d -> d.stage() == stage)) {
        assertThat(doc.selectFirst("g.funnel-stage[data-stage=" + stage + "] text.funnel-count").text()).isEqualTo("no pilots");
        assertThat(doc.selectFirst("svg.funnel desc").text())
            .contains("Stage " + stage.number() + ", " + Fmt.stageName(stage) + ": no pilots.");
      }
    }
    // counts in words beside the bar and in the description, not by colour alone
    String desc = doc.selectFirst("svg.funnel desc").text();
    for (Stage stage : Stage.values()) {
      List<GateDecision> in = decisions.stream().filter(d -> d.stage() == stage).toList();
      if (in.isEmpty()) {
        continue;
      }
      String perOutcome = java.util.Arrays.stream(GateOutcome.values())
          .filter(o -> in.stream().anyMatch(d -> d.outcome() == o))
          .map(o -> in.stream().filter(d -> d.outcome() == o).count() + " " + o)
          .collect(Collectors.joining(", "));
      Element count = doc.selectFirst("g.funnel-stage[data-stage=" + stage + "] text.funnel-count");
      assertThat(count.text()).isEqualTo(in.size() + (in.size() == 1 ? " pilot: " : " pilots: ") + perOutcome);
      for (GateDecision d : in) {
        assertThat(desc).contains(d.pilotId());
      }
    }

  }

  @Test
  void table_hasOneRowPerPilotWithCaptionHeadAndScopes() {
    Element table = doc.selectFirst("table.decisions");
    assertThat(table).isNotNull();
    assertThat(table.selectFirst("caption").text()).startsWith("Gate decision per pilot as of 2026-06-01");
    Elements heads = table.select("thead th");
    assertThat(heads.eachText()).containsExactly("Pilot", "Outcome", "Stage", "Readiness", "Since launch", "Top findings");
    assertThat(heads.eachAttr("scope")).containsOnly("col").hasSize(6);
    Elements rows = table.select("tbody tr");
    assertThat(rows).hasSize(pilots.size());
    assertThat(rows.eachAttr("data-pilot")).containsExactlyInAnyOrderElementsOf(pilotById.keySet());
    for (Element row : rows) {
      Element th = row.selectFirst("th");
      assertThat(th.attr("scope")).isEqualTo("row");
      assertThat(th.selectFirst("a").text()).isEqualTo(decisionById.get(row.attr("data-pilot")).pilotName());
      assertThat(doc.getElementById(th.selectFirst("a").attr("href").substring(1))).as("link target").isNotNull();
    }
  }

  @Test
  void table_rowsAreMostUrgentFirst() {
    List<GateOutcome> order = doc.select("table.decisions tbody tr").eachAttr("data-outcome").stream()
        .map(GateOutcome::valueOf).toList();
    List<GateOutcome> sorted = new ArrayList<>(order);
    sorted.sort((a, b) -> b.precedence() - a.precedence());
    assertThat(order).isEqualTo(sorted);
    assertThat(order.get(0)).isEqualTo(GateOutcome.KILL);
  }

  @Test
  void table_showsOutcomeInWordsStageReadinessAndDaysAgainstPlan() {
    for (GateDecision d : decisions) {
      Element row = row(d.pilotId());
      assertThat(row.selectFirst(".badge").text()).isEqualTo(d.outcome().name());
      assertThat(row.attr("data-stage")).isEqualTo(d.stage().name());
      assertThat(row.text()).contains(d.stage().number() + " · ")
          .contains(d.readiness().level().name())
          .contains(d.readiness().minWeeks() == null ? "no way to production"
              : d.readiness().weeksText("–") + " to production");
    }
    // forecast-rollout launched 2026-03-02, planned to end 2026-08-31: day 91 of 182
    assertThat(row("forecast-rollout").text()).contains("day 91 of 182 planned");
    // scrap-prediction: 2025-08-18 to 2025-12-19 is 123 days; on 2026-06-01 it is day 287
    assertThat(row("scrap-prediction").text()).contains("day 287 of 123 planned").contains("164 days past the planned end");
    // service-desk-triage launches on 2026-07-01
    assertThat(row("service-desk-triage").text()).contains("launches in 30 days");
  }

  @Test
  void table_showsTopFindingsBlockersFirstWithEvidence() {
    for (GateDecision d : decisions) {
      Elements shown = row(d.pilotId()).select("li.finding");
      assertThat(shown).hasSize(Math.min(3, d.findings().size()));
      List<Severity> severities = shown.stream()
          .map(li -> Severity.valueOf(li.selectFirst(".sev").text())).toList();
      assertThat(severities).isSortedAccordingTo(Enum::compareTo);
      if (d.findings().stream().anyMatch(f -> f.severity() == Severity.BLOCKER)) {
        assertThat(severities.get(0)).isEqualTo(Severity.BLOCKER);
      }
      for (Element li : shown) {
        Finding f = d.finding(li.attr("data-code")).orElseThrow();
        assertThat(li.selectFirst(".msg").text()).isEqualTo(f.message());
      }
    }
    Element lowUsage = row("forecast-rollout").selectFirst("li.finding[data-code=LOW_EARLY_ADOPTER_USAGE]");
    assertThat(lowUsage.text()).contains("1 of 3 early adopters active");
    // the table adds the evidence the message does not state; the pilot's section has all of it
    assertThat(lowUsage.selectFirst(".evidence").text())
        .contains("active: maria").contains("inactive: tom, lee").contains("min: 0.6").contains("active share: 0.333")
        .doesNotContain("window days").doesNotContain("window end");
    assertThat(article("forecast-rollout").selectFirst("ul.findings li[data-code=LOW_EARLY_ADOPTER_USAGE] .evidence").text())
        .isEqualTo("active: maria · active share: 0.333 · early adopters: 3 · inactive: tom, lee · min: 0.6 · more active: 1"
            + " · required active: 2 · window days: 14 · window end: 2026-06-01");
    assertThat(article("forecast-rollout").selectFirst("ul.findings li[data-code=LOW_EARLY_ADOPTER_USAGE] .topass").text())
        .isEqualTo("To pass: 1 more of 3 early adopters active in the 14-day window (now 1 of 3 early adopters active;"
            + " needs at least 2 of 3 (60%))");
    for (GateDecision d : decisions) {
      Element more = row(d.pilotId()).selectFirst("a.more");
      if (d.findings().size() > 3) {
        assertThat(more.text()).isEqualTo("+ " + (d.findings().size() - 3) + " more");
        assertThat(doc.getElementById(more.attr("href").substring(1))).isNotNull();
      } else {
        assertThat(more).isNull();
      }
    }
  }

  @Test
  void findings_everyMessageAndActionAppearsInThePilotSection() {
    for (GateDecision d : decisions) {
      Element article = article(d.pilotId());
      Elements items = article.select("ul.findings li.finding");
      assertThat(items.eachAttr("data-code")).containsExactlyInAnyOrderElementsOf(
          d.findings().stream().map(Finding::code).toList());
      for (Finding f : d.findings()) {
        assertThat(article.text()).contains(f.message());
        if (f.action() != null && !f.action().isBlank()) {
          assertThat(article.text()).contains(f.action());
        }
      }
    }
  }

  @Test
  void charts_onePerCriterionWithATrendWithBaselineAndTargetLines() {
    int charts = 0;
    for (GateDecision d : decisions) {
      Elements svgs = article(d.pilotId()).select("svg.trend-chart");
      assertThat(svgs).as(d.pilotId()).hasSize(d.trends().size());
      for (int i = 0; i < d.trends().size(); i++) {
        MetricTrend t = d.trends().get(i);
        Element svg = svgs.get(i);
        assertThat(svg.attr("data-metric")).isEqualTo(t.metric());
        assertThat(svg.attr("data-verdict")).isEqualTo(t.verdict().name());
        assertThat(svg.select("line.target-line")).hasSize(1);
        assertThat(svg.selectFirst("line.target-line").attr("data-value")).isEqualTo(Fmt.num(t.target()));
        assertThat(svg.select("line.baseline-line")).hasSize(t.criterion().baseline() == null ? 0 : 1);
        assertThat(svg.select("line.deadline-line")).hasSize(t.deadlineOn() == null ? 0 : 1);
        assertThat(svg.select("line.trend-fit")).hasSize(t.fittedAtFrom() == null ? 0 : 1);
        long points = pilotById.get(d.pilotId()).observations().stream()
            .filter(o -> o.metric().equals(t.metric()) && !o.date().isAfter(d.asOf())).count();
        assertThat(svg.select("circle.obs")).hasSize((int) points);
        charts++;
      }
    }
    assertThat(charts).isEqualTo(decisions.stream().mapToInt(d -> d.trends().size()).sum()).isPositive();
  }

  @Test
  void charts_projectTheFittedTrendToTheDeadline() {
    Element svg = article("support-summaries").selectFirst("svg.trend-chart[data-metric=avg_handle_minutes]");
    Element deadline = svg.selectFirst("line.deadline-line");
    assertThat(deadline.attr("data-date")).isEqualTo("2026-08-31");
    Element fit = svg.selectFirst("line.trend-fit");
    Element projection = svg.selectFirst("line.trend-projection");
    assertThat(projection).isNotNull();
    // the projection continues the fit from the decision day and ends on the deadline line
    assertThat(projection.attr("x1")).isEqualTo(fit.attr("x2"));
    assertThat(projection.attr("y1")).isEqualTo(fit.attr("y2"));
    assertThat(projection.attr("x2")).isEqualTo(deadline.attr("x1"));
    // falling toward a lower target: the line goes down the page, i.e. y grows
    assertThat(Double.parseDouble(projection.attr("y2"))).isGreaterThan(Double.parseDouble(fit.attr("y1")));
    assertThat(svg.select("text.projected-label").text()).isEqualTo("projected 2.53");
    assertThat(svg.select("circle.obs-judged")).hasSize(12);
  }

  @Test
  void charts_haveTitleAndDescriptionThatStateTheNumbers() {
    for (Element svg : doc.select("svg")) {
      assertThat(svg.attr("role")).isEqualTo("img");
      String[] ids = svg.attr("aria-labelledby").split(" ");
      assertThat(ids).hasSize(2);
      assertThat(svg.getElementById(ids[0]).tagName()).isEqualTo("title");
      assertThat(svg.getElementById(ids[1]).tagName()).isEqualTo("desc");
      assertThat(svg.getElementById(ids[1]).text()).isNotBlank();
    }
    String desc = article("forecast-rollout").selectFirst("svg.trend-chart desc").text();
    assertThat(desc).contains("Baseline 0.73, target 0.82 by 2026-07-31")
        .contains("10 observations from 2026-03-02")
        .contains("no significant change (p = 0.464)")
        .contains("projected 0.734 at the deadline, which misses the target");
  }

  @Test
  void adopters_showWhoWasActiveInTheWindow() {
    Element article = article("forecast-rollout");
    assertThat(article.selectFirst(".adopt-summary").text())
        .isEqualTo("1 of 3 early adopters used it in the 14 days from 2026-05-19 to 2026-06-01.");
    assertThat(article.select("li.adopter-chip[data-active=true]").eachAttr("data-user")).containsExactly("maria");
    assertThat(article.select("li.adopter-chip[data-active=false]").eachAttr("data-user")).containsExactly("tom", "lee");
    assertThat(article.select("li.adopter-chip").eachText()).containsExactly("✓ maria active", "✗ tom inactive", "✗ lee inactive");
    Element strip = article.selectFirst("svg.activity");
    assertThat(strip.select("g.adopter")).hasSize(3);
    assertThat(strip.select("g.adopter[data-user=maria] rect.act-day")).hasSize(14);
    assertThat(strip.select("g.adopter[data-user=tom] rect.act-on")).isEmpty();
    assertThat(strip.selectFirst("desc").text()).contains("tom not active, used it on 0 days of 14");
    for (GateDecision d : decisions) {
      assertThat(article(d.pilotId()).select("li.adopter-chip"))
          .hasSize(d.adoption() == null ? 0 : d.adoption().earlyAdopters());
    }
  }

  @Test
  void page_hasNoExternalResourcesAndNoScript() {
    assertThat(doc.select("script, link, img, iframe, object, embed, video, audio, source, base")).isEmpty();
    for (Element e : doc.getAllElements()) {
      for (Attribute a : e.attributes()) {
        String name = a.getKey().toLowerCase();
        assertThat(name).as("event handler on <%s>", e.tagName()).doesNotStartWith("on");
        if (name.equals("src") || name.equals("href") || name.endsWith(":href") || name.equals("action")) {
          assertThat(a.getValue()).as("%s of <%s>", name, e.tagName()).startsWith("#");
        }
      }
    }
    String css = doc.select("style").html();
    assertThat(css).doesNotContainIgnoringCase("@import").doesNotContainIgnoringCase("url(");
    assertThat(html).doesNotContainPattern("(?i)https?://").doesNotContain("//cdn");
    assertThat(doc.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content")).startsWith("default-src 'none'");
  }

  @Test
  void page_parsesAsHtmlWithoutErrors() {
    Parser parser = Parser.htmlParser().setTrackErrors(20);
    Jsoup.parse(html, "", parser);
    assertThat(parser.getErrors()).isEmpty();
    assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">").endsWith("</html>\n");
    Set<String> ids = new java.util.HashSet<>();
    for (Element e : doc.select("[id]")) {
      assertThat(ids.add(e.id())).as("unique id %s", e.id()).isTrue();
    }
  }

  @Test
  void page_isPrintableWithColoursAndUncutRowsAndCharts() {
    String css = doc.select("style").html();
    String print = css.substring(css.indexOf("@media print"));
    assertThat(print).contains("print-color-adjust: exact").contains("-webkit-print-color-adjust: exact")
        .contains("break-inside: avoid").contains("thead { display: table-header-group; }");
    assertThat(print).containsPattern("tr, [^{]*\\.chart,[^{]*\\{ break-inside: avoid");
  }

  @Test
  void headings_oneH1AndAnH2PerPilot() {
    assertThat(doc.select("h1")).hasSize(1);
    Elements articles = doc.select("article.pilot");
    assertThat(articles).hasSize(pilots.size());
    for (Element a : articles) {
      assertThat(a.select("h2")).hasSize(1);
      assertThat(a.selectFirst("h2").text()).isEqualTo(decisionById.get(a.attr("data-pilot")).pilotName());
      assertThat(a.attr("aria-labelledby")).isEqualTo(a.selectFirst("h2").id());
      assertThat(a.select("h3").eachText()).startsWith("Findings", "Success criteria");
    }
    assertThat(doc.select("html").attr("lang")).isEqualTo("en");
    assertThat(doc.title()).isEqualTo("AI pilot portfolio — gate decisions as of 2026-06-01");
  }

  @Test
  void outcomes_areWrittenNotOnlyColoured() {
    for (Element badge : doc.select(".badge")) {
      assertThat(GateOutcome.valueOf(badge.text())).isEqualTo(GateOutcome.valueOf(badge.attr("data-outcome")));
    }
    for (GateOutcome o : GateOutcome.values()) {
      Element tally = doc.selectFirst("li.tally[data-outcome=" + o + "]");
      long count = decisions.stream().filter(d -> d.outcome() == o).count();
      assertThat(tally.text()).startsWith(count + " " + o);
    }
  }

  @Test
  void determinism_sameInputGivesSameBytesWhateverTheOrder() throws Exception {
    assertThat(HtmlReport.render(pilots, decisions)).isEqualTo(html);
    List<Pilot> shuffledPilots = new ArrayList<>(pilots);
    List<GateDecision> shuffledDecisions = new ArrayList<>(decisions);
    Collections.shuffle(shuffledPilots, new Random(7));
    Collections.shuffle(shuffledDecisions, new Random(11));
    assertThat(HtmlReport.render(shuffledPilots, shuffledDecisions)).isEqualTo(html);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> runs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        runs.add(pool.submit(() -> HtmlReport.render(pilots, decisions)));
      }
      for (Future<String> run : runs) {
        assertThat(run.get()).isEqualTo(html);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void determinism_noDateOtherThanTheDocumentsAndAsOf() {
    String today = LocalDate.now().toString();
    if (!today.equals(AS_OF.toString())) {
      assertThat(html).doesNotContain(today);
    }
    assertThat(html).doesNotContainPattern("\\d{2}:\\d{2}:\\d{2}");
  }

  @Test
  void contract_rejectsDecisionsAndPilotsThatDoNotMatch() {
    List<Pilot> missingOne = pilots.subList(1, pilots.size());
    assertThatThrownBy(() -> HtmlReport.render(missingOne, decisions))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(pilots.get(0).id());
    List<GateDecision> twice = new ArrayList<>(decisions);
    twice.add(decisions.get(0));
    assertThatThrownBy(() -> HtmlReport.render(pilots, twice))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than one decision");
    List<Pilot> pilotTwice = new ArrayList<>(pilots);
    pilotTwice.add(pilots.get(0));
    assertThatThrownBy(() -> HtmlReport.render(pilotTwice, decisions))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than once");
  }

  @Test
  void render_emptyPortfolioIsAPageWithAnEmptyFunnel() {
    Document empty = Jsoup.parse(HtmlReport.render(List.of(), List.of()));
    assertThat(empty.select("g.funnel-stage")).hasSize(6);
    assertThat(empty.select("rect.funnel-pilot")).isEmpty();
    assertThat(empty.select("table.decisions tbody tr").text()).isEqualTo("No pilots.");
  }

  private static Element row(String pilotId) {
    Element row = doc.selectFirst("table.decisions tbody tr[data-pilot=" + pilotId + "]");
    assertThat(row).as("row for " + pilotId).isNotNull();
    return row;
  }

  private static Element article(String pilotId) {
    Element article = doc.selectFirst("article.pilot[data-pilot=" + pilotId + "]");
    assertThat(article).as("section for " + pilotId).isNotNull();
    return article;
  }
}
