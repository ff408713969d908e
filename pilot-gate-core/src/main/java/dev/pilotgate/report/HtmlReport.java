package dev.pilotgate.report;

import static dev.pilotgate.report.Html.esc;

import dev.pilotgate.decision.AdoptionSnapshot;
import dev.pilotgate.decision.Finding;
import dev.pilotgate.decision.ToPass;
import dev.pilotgate.decision.WaiverStatus;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.decision.MetricTrend;
import dev.pilotgate.decision.Readiness;
import dev.pilotgate.decision.Severity;
import dev.pilotgate.decision.TrendVerdict;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.Observation;
import dev.pilotgate.model.Owner;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.Stage;
import dev.pilotgate.model.Waiver;
import dev.pilotgate.model.SuccessCriterion;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders a portfolio's gate decisions as one self-contained HTML page for the people who
 * read them: a stage funnel (pilots per stage, coloured and labelled by outcome), a table
 * with one row per pilot (outcome, stage, readiness, days since launch against the plan,
 * the top findings with their evidence), and per pilot its findings, a chart per success
 * criterion (observations, baseline, target, deadline, the fitted Theil–Sen trend projected
 * to the deadline) and the early adopters' activity in the decision's window.
 *
 * <p>The page needs nothing else: no script, no external style sheet, font or image, no
 * network (a Content-Security-Policy says so to the browser); it works opened from disk and
 * prints (A4 landscape) with its colours, rows and charts never cut, each pilot on a new page. Charts are inline SVG with a title and a
 * description that states their numbers in words; outcomes are always written, never shown
 * by colour alone.
 *
 * <p><b>Contract.</b> {@code decisions} are typically {@code GateEvaluator.evaluate} results
 * for {@code pilots}; they are matched by id ({@link GateDecision#pilotId()} to
 * {@link Pilot#id()}). Each list must hold each id once, and both lists the same ids
 * (otherwise {@link IllegalArgumentException} naming the ids): the pilots give the launch and
 * planned dates, the owner, the observations and the usage; the decisions give everything
 * decided. Pilots appear most urgent first (KILL, DIAGNOSE, HOLD, GO), then furthest stage
 * first, then by id; the order of the input lists does not matter. Observations and usage
 * after a decision's {@code asOf} are not shown. All text from the documents is
 * HTML-escaped. The output is deterministic: the same input gives the same string, with no
 * clock reading (the only dates are the decisions' {@code asOf} and the documents' own).
 *
 * <p><b>Thread-safety.</b> Stateless: {@link #render} may be called from any number of
 * threads at once.
 */
public final class HtmlReport {
  private static final int TOP_FINDINGS = 3;

  private HtmlReport() {}

  /**
   * The whole page, from {@code <!DOCTYPE html>} to {@code </html>}, ending with a line break.
   *
   * @param pilots    the pilots, each id once
   * @param decisions one decision per pilot, matched by id
   * @throws NullPointerException     if a list or an element is {@code null}
   * @throws IllegalArgumentException if an id repeats in a list, or the lists' ids differ
   */
  public static String render(List<Pilot> pilots, List<GateDecision> decisions) {
    Objects.requireNonNull(pilots, "pilots");
    Objects.requireNonNull(decisions, "decisions");
    Map<String, Pilot> byId = new HashMap<>();
    for (Pilot p : pilots) {
      Objects.requireNonNull(p, "pilot");
      if (byId.put(p.id(), p) != null) {
        throw new IllegalArgumentException("pilot id '" + p.id() + "' appears more than once");
      }
    }
    Set<String> decided = new HashSet<>();
    for (GateDecision d : decisions) {
      Objects.requireNonNull(d, "decision");
      if (!decided.add(d.pilotId())) {
        throw new IllegalArgumentException("more than one decision for pilot id '" + d.pilotId() + "'");
      }
    }
    Set<String> noPilot = new TreeSet<>(decided);
    noPilot.removeAll(byId.keySet());
    Set<String> noDecision = new TreeSet<>(byId.keySet());
    noDecision.removeAll(decided);
    if (!noPilot.isEmpty() || !noDecision.isEmpty()) {
      throw new IllegalArgumentException("pilots and decisions must have the same ids: "
          + (noPilot.isEmpty() ? "" : "no pilot for decision(s) " + noPilot)
          + (!noPilot.isEmpty() && !noDecision.isEmpty() ? "; " : "")
          + (noDecision.isEmpty() ? "" : "no decision for pilot(s) " + noDecision));
    }
    List<GateDecision> ordered = new ArrayList<>(decisions);
    ordered.sort(Comparator.comparing((GateDecision d) -> -d.outcome().precedence())
        .thenComparing(d -> -d.stage().ordinal())
        .thenComparing(GateDecision::pilotId));
    return new Page(byId, ordered).render();
  }

  /** One rendering: the ordered decisions, their pilots, and the anchors given out so far. */
  private static final class Page {
    private final Map<String, Pilot> pilots;
    private final List<GateDecision> decisions;
    private final Map<String, String> anchors = new LinkedHashMap<>();
    private final StringBuilder out = new StringBuilder(64 * 1024);

    Page(Map<String, Pilot> pilots, List<GateDecision> decisions) {
      this.pilots = pilots;
      this.decisions = decisions;
      Set<String> used = new HashSet<>();
      for (GateDecision d : decisions) {
        String base = "pilot-" + Html.idPart(d.pilotId());
        String anchor = base;
        for (int n = 2; !used.add(anchor); n++) {
          anchor = base + "-" + n;
        }
        anchors.put(d.pilotId(), anchor);
      }
    }

    String render() {
      String asOf = decisions.stream().map(d -> d.asOf().toString()).distinct().sorted().collect(Collectors.joining(", "));
      String versions = decisions.stream().map(GateDecision::rulesVersion).distinct().sorted().collect(Collectors.joining(", "));
      String title = "AI pilot portfolio — gate decisions" + (asOf.isEmpty() ? "" : " as of " + asOf);
      out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
          .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
          .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .append("<meta name=\"generator\" content=\"pilot-gate\">\n")
          .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(Style.CSS).append("</style>\n</head>\n<body>\n");
      header(asOf, versions);
      out.append("<main>\n");
      funnel();
      table(asOf);
      for (GateDecision d : decisions) {
        pilot(d, pilots.get(d.pilotId()));
      }
      out.append("</main>\n<footer class=\"page-foot\"><p>Made by pilot-gate from the decisions")
          .append(asOf.isEmpty() ? "" : " as of " + esc(asOf))
          .append(versions.isEmpty() ? "" : " (rules " + esc(versions) + ")")
          .append(". A self-contained page: no scripts, no network.</p></footer>\n</body>\n</html>\n");
      return out.toString();
    }

    private void header(String asOf, String versions) {
      Map<GateOutcome, Integer> counts = new EnumMap<>(GateOutcome.class);
      for (GateOutcome o : GateOutcome.values()) {
        counts.put(o, 0);
      }
      decisions.forEach(d -> counts.merge(d.outcome(), 1, Integer::sum));
      out.append("<header class=\"masthead\">\n<p class=\"eyebrow\">pilot-gate · stage-gate report</p>\n")
          .append("<h1>AI pilot portfolio</h1>\n<p class=\"subtitle\">Gate decisions for ")
          .append(Fmt.plural(decisions.size(), "pilot", "pilots"))
          .append(asOf.isEmpty() ? "" : " as of <time>" + esc(asOf) + "</time>")
          .append(versions.isEmpty() ? "" : " · rules <code>" + esc(versions) + "</code>").append("</p>\n");
      out.append("<ul class=\"tallies\" aria-label=\"Pilots by outcome\">\n");
      for (GateOutcome o : List.of(GateOutcome.KILL, GateOutcome.DIAGNOSE, GateOutcome.HOLD, GateOutcome.GO)) {
        out.append("<li class=\"tally ").append(oc(o)).append("\" data-outcome=\"").append(o).append("\" data-count=\"")
            .append(counts.get(o)).append("\"><span class=\"tally-n\">").append(counts.get(o))
            .append("</span> <span class=\"tally-o\">").append(o).append("</span> <span class=\"tally-m\">")
            .append(meaning(o)).append("</span></li>\n");
      }
      out.append("</ul>\n</header>\n");
    }

    private void funnel() {
      out.append("<section class=\"panel\" aria-labelledby=\"funnel-h\">\n<h2 id=\"funnel-h\">Where the pilots stand</h2>\n")
          .append("<p class=\"lede\">Each block is one pilot in its current stage, coloured and labelled by its gate outcome.</p>\n")
          .append("<figure class=\"funnel-fig\">\n");
      StageFunnel.render(out, decisions);
      out.append("</figure>\n<ul class=\"legend\" aria-label=\"Outcomes\">\n");
      for (GateOutcome o : GateOutcome.values()) {
        out.append("<li><span class=\"swatch ").append(oc(o)).append("\" aria-hidden=\"true\"></span><b>").append(o)
            .append("</b> ").append(meaning(o)).append("</li>\n");
      }
      out.append("</ul>\n</section>\n");
    }

    private void table(String asOf) {
      out.append("<section class=\"panel\" aria-labelledby=\"decisions-h\">\n<h2 id=\"decisions-h\">Decisions</h2>\n")
          .append("<div class=\"table-wrap\">\n<table class=\"decisions\">\n<caption>Gate decision per pilot")
          .append(asOf.isEmpty() ? "" : " as of " + esc(asOf))
          .append(", most urgent first; findings show blockers first, with their evidence.</caption>\n")
          .append("<colgroup><col class=\"c-pilot\"><col class=\"c-outcome\"><col class=\"c-stage\"><col class=\"c-ready\">")
          .append("<col class=\"c-time\"><col class=\"c-findings\"></colgroup>\n")
          .append("<thead><tr><th scope=\"col\">Pilot</th><th scope=\"col\">Outcome</th><th scope=\"col\">Stage</th>")
          .append("<th scope=\"col\">Readiness</th><th scope=\"col\">Since launch</th><th scope=\"col\">Top findings</th></tr></thead>\n<tbody>\n");
      if (decisions.isEmpty()) {
        out.append("<tr><td colspan=\"6\" class=\"muted\">No pilots.</td></tr>\n");
      }
      for (GateDecision d : decisions) {
        Pilot p = pilots.get(d.pilotId());
        out.append("<tr class=\"pilot-row\" data-pilot=\"").append(esc(d.pilotId())).append("\" data-outcome=\"").append(d.outcome())
            .append("\" data-stage=\"").append(d.stage()).append("\">\n<th scope=\"row\"><a href=\"#").append(anchors.get(d.pilotId()))
            .append("\">").append(esc(d.pilotName())).append("</a><span class=\"pid\">").append(esc(d.pilotId())).append("</span></th>\n");
        out.append("<td>").append(badge(d.outcome())).append("<span class=\"next\">").append(esc(nextShort(d))).append("</span></td>\n");
        out.append("<td>");
        stagePips(d.stage());
        out.append("<span class=\"stage-label\">").append(esc(Fmt.stage(d.stage()))).append("</span></td>\n");
        out.append("<td>").append(readinessShort(d.readiness())).append("</td>\n");
        out.append("<td>");
        timeline(d, p, true);
        out.append("</td>\n<td>");
        List<Finding> sorted = bySeverity(d.findings());
        if (sorted.isEmpty()) {
          out.append("<span class=\"muted\">No findings.</span>");
        } else {
          out.append("<ul class=\"top-findings\">\n");
          sorted.stream().limit(TOP_FINDINGS).forEach(f -> finding(f, false));
          out.append("</ul>");
          if (sorted.size() > TOP_FINDINGS) {
            out.append("<a class=\"more\" href=\"#").append(anchors.get(d.pilotId())).append("-findings\">+ ")
                .append(sorted.size() - TOP_FINDINGS).append(" more</a>");
          }
        }
        out.append("</td>\n</tr>\n");
      }
      out.append("</tbody>\n</table>\n</div>\n</section>\n");
    }

    private void pilot(GateDecision d, Pilot p) {
      String a = anchors.get(d.pilotId());
      out.append("<article class=\"pilot ").append(oc(d.outcome())).append("\" id=\"").append(a).append("\" data-pilot=\"")
          .append(esc(d.pilotId())).append("\" aria-labelledby=\"").append(a).append("-h\">\n<header class=\"pilot-head\">\n<div>\n<h2 id=\"")
          .append(a).append("-h\">").append(esc(d.pilotName())).append("</h2>\n<p class=\"pilot-meta\"><span class=\"pid\">")
          .append(esc(d.pilotId())).append("</span>");
      Owner owner = p.owner();
      if (owner != null) {
        out.append(" · owner ").append(esc(owner.name()));
        if (owner.role() != null && !owner.role().isBlank()) {
          out.append(", ").append(esc(owner.role()));
        }
      } else {
        out.append(" · no owner named");
      }
      out.append(" · decided ").append(d.asOf()).append("</p>\n</div>\n").append(badge(d.outcome())).append("\n</header>\n");

      out.append("<dl class=\"facts\">\n<div><dt>Decision</dt><dd>").append(esc(nextLong(d))).append("</dd></div>\n");
      if (d.nextReviewOn() != null) {
        out.append("<div><dt>Next review</dt><dd>").append(d.nextReviewOn()).append("</dd></div>\n");
      }
      out
          .append("<div><dt>Stage</dt><dd>");
      stagePips(d.stage());
      out.append(esc(Fmt.stage(d.stage()))).append(" of 6</dd></div>\n<div><dt>Readiness</dt><dd>")
          .append(readinessShort(d.readiness()));
      if (!d.readiness().gaps().isEmpty()) {
        out.append("<span class=\"gaps\">gaps: ").append(esc(String.join(", ", d.readiness().gaps()))).append("</span>");
      } else {
        out.append("<span class=\"gaps\">no gaps in criteria, owner or data</span>");
      }
      out.append("</dd></div>\n<div><dt>Since launch</dt><dd>");
      timeline(d, p, false);
      out.append("</dd></div>\n</dl>\n");

      out.append("<section class=\"block\" aria-labelledby=\"").append(a).append("-findings\">\n<h3 id=\"").append(a)
          .append("-findings\">Findings</h3>\n");
      List<Finding> sorted = bySeverity(d.findings());
      if (sorted.isEmpty()) {
        out.append("<p class=\"muted\">No findings.</p>\n");
      } else {
        out.append("<ul class=\"findings\">\n");
        sorted.forEach(f -> finding(f, true));
        out.append("</ul>\n");
      }
      out.append("</section>\n");

      if (!d.waivers().isEmpty()) {
        waivers(a, d.waivers());
      }

      out.append("<section class=\"block\" aria-labelledby=\"").append(a).append("-criteria\">\n<h3 id=\"").append(a)
          .append("-criteria\">Success criteria</h3>\n");
      if (d.trends().isEmpty()) {
        out.append("<p class=\"muted\">No success criterion with a target, so there is no trend to chart.</p>\n");
      } else {
        out.append("<div class=\"charts\">\n");
        int i = 1;
        for (MetricTrend t : d.trends()) {
          chart(a + "-c" + i++, t, observations(p, t.metric(), d.asOf()), d.asOf());
        }
        out.append("</div>\n");
      }
      out.append("</section>\n");

      AdoptionSnapshot adoption = d.adoption();
      if (adoption != null || d.stage().isAtOrAfter(Stage.CONTROLLED_ROLLOUT)) {
        out.append("<section class=\"block\" aria-labelledby=\"").append(a).append("-adopters\">\n<h3 id=\"").append(a)
            .append("-adopters\">Early adopters</h3>\n");
        if (adoption == null) {
          out.append("<p class=\"muted\">No controlled rollout is recorded.</p>\n");
        } else {
          adopters(a, p, adoption);
        }
        out.append("</section>\n");
      }
      out.append("</article>\n");
    }

    private void chart(String id, MetricTrend t, List<Observation> obs, LocalDate asOf) {
      SuccessCriterion c = t.criterion();
      out.append("<figure class=\"chart\" data-metric=\"").append(esc(c.metric())).append("\">\n<figcaption><span class=\"metric\">")
          .append(esc(c.metric())).append("</span> <span class=\"tag\">").append(Fmt.words(c.kind())).append("</span> <span class=\"tag\">")
          .append(Fmt.direction(c.direction())).append("</span> ").append(verdictChip(t)).append("</figcaption>\n");
      Set<TrendChart.Key> drawn = TrendChart.render(out, id, t, obs, asOf);
      out.append("<p class=\"chart-summary\">");
      List<String> parts = new ArrayList<>();
      parts.add((c.baseline() == null ? "no baseline" : "baseline " + Fmt.num(c.baseline()))
          + " → target " + (c.target() == null ? "not set" : Fmt.num(c.target()))
          + (c.deadlineOn() == null ? ", no deadline" : " by " + c.deadlineOn()));
      if (t.latestValue() != null) {
        parts.add("latest " + Fmt.num(t.latestValue()));
      }
      if (t.verdict() != TrendVerdict.INSUFFICIENT_DATA) {
        parts.add(Fmt.num(t.slopePerDay()) + " per day (p = " + Fmt.num(t.pValue()) + ")");
      } else {
        parts.add(Fmt.plural(t.observations(), "observation", "observations") + " since " + t.from());
      }
      if (t.projectedAtDeadline() != null && c.deadlineOn() != null) {
        parts.add("projected " + Fmt.num(t.projectedAtDeadline()) + " at the deadline: "
            + (t.projectedToMeetTarget() ? "meets the target" : "misses the target"));
      }
      out.append(esc(String.join(" · ", parts))).append("</p>\n");
      out.append("<p class=\"chart-key\" aria-hidden=\"true\">");
      for (TrendChart.Key k : drawn) {
        out.append("<span class=\"key\"><span class=\"k ").append(k.cls).append("\"></span>").append(k.label)
            .append(k == TrendChart.Key.JUDGED ? " since " + t.from() : "").append("</span> ");
      }
      out.append("</p>\n");
      out.append("</figure>\n");
    }

    private void adopters(String a, Pilot p, AdoptionSnapshot s) {
      List<String> cohort = ActivityStrip.cohort(p, s);
      out.append("<p class=\"adopt-summary\"><strong>").append(s.activeEarlyAdopterCount()).append(" of ").append(cohort.size())
          .append("</strong> early adopters used it in the ").append(s.windowDays()).append(" days from ")
          .append(s.windowStart()).append(" to ").append(s.windowEnd()).append(".</p>\n<ul class=\"adopters\">\n");
      Set<String> active = new HashSet<>(s.activeEarlyAdopters());
      for (String u : cohort) {
        boolean on = active.contains(u);
        out.append("<li class=\"adopter-chip ").append(on ? "is-active" : "is-inactive").append("\" data-user=\"").append(esc(u))
            .append("\" data-active=\"").append(on).append("\"><span aria-hidden=\"true\">").append(on ? "✓" : "✗")
            .append("</span> ").append(esc(u)).append(" <span class=\"chip-state\">").append(on ? "active" : "inactive").append("</span></li>\n");
      }
      out.append("</ul>\n");
      if (!cohort.isEmpty()) {
        out.append("<div class=\"activity-wrap\">\n");
        ActivityStrip.render(out, a + "-act", p, s);
        out.append("</div>\n");
      }
      out.append("<p class=\"all-users\">All users: ").append(s.activeUsers()).append(" of ").append(s.eligibleUsers())
          .append(" eligible active (").append(Fmt.percent(s.activeShare())).append("), deployed to ").append(s.deployedUsers())
          .append(" (").append(Fmt.percent(s.deployedShare())).append("); ").append(s.previousActiveUsers())
          .append(" active in the window before; rollout day ").append(s.rolloutAgeDays()).append(".</p>\n");
    }

    /** The pilot's waivers: what each waives, who approved it and why, and where it stands on the decision day. */
    private void waivers(String a, List<WaiverStatus> waivers) {
      out.append("<section class=\"block\" aria-labelledby=\"").append(a).append("-waivers\">\n<h3 id=\"").append(a)
          .append("-waivers\">Waivers</h3>\n<ul class=\"waivers\">\n");
      for (WaiverStatus s : waivers) {
        Waiver w = s.waiver();
        String state = switch (s.state()) {
          case IN_FORCE -> "In force until " + s.endsOn();
          case EXPIRED -> "Ended on " + s.endsOn();
          case NOT_YET -> "Counts from " + w.approvedOn();
        };
        out.append("<li class=\"waiver waiver-").append(s.state().name().toLowerCase(Locale.ROOT).replace('_', '-'))
            .append("\" data-code=\"").append(esc(w.code())).append("\"><span class=\"waiver-state\">").append(esc(state))
            .append("</span> · <code class=\"code\">").append(esc(w.code())).append("</code>");
        if (w.subject() != null) {
          out.append(" for ").append(esc(w.subject()));
        }
        out.append(" · approved by ").append(esc(w.approvedBy())).append(" on ").append(w.approvedOn());
        if (s.capped()) {
          out.append(" · asked until ").append(w.until()).append(", the policy allows ").append(s.maxDays())
              .append(" days");
        }
        out.append("<p class=\"msg\">").append(esc(w.reason())).append("</p></li>\n");
      }
      out.append("</ul>\n</section>\n");
    }

    private void finding(Finding f, boolean detailed) {
      String sev = f.severity().name().toLowerCase(Locale.ROOT);
      out.append("<li class=\"finding sev-").append(sev).append("\" data-code=\"").append(esc(f.code())).append("\">")
          .append("<span class=\"sev\">").append(f.severity()).append("</span> ");
      if (detailed) {
        out.append("<code class=\"code\">").append(esc(f.code())).append("</code> <span class=\"cause\">")
            .append(Fmt.words(f.rootCause())).append("</span>");
      }
      out.append("<p class=\"msg\">").append(esc(f.message())).append("</p>");
      Map<String, Object> evidence = detailed ? f.evidence() : notInMessage(f);
      if (!evidence.isEmpty()) {
        out.append("<p class=\"evidence\">");
        boolean first = true;
        for (Map.Entry<String, Object> e : evidence.entrySet()) {
          out.append(first ? "" : " · ").append("<span class=\"ev\"><span class=\"ev-k\">").append(esc(Fmt.key(e.getKey())))
              .append(":</span> ").append(esc(Fmt.value(e.getValue()))).append("</span>");
          first = false;
        }
        out.append("</p>");
      }
      if (detailed && f.action() != null && !f.action().isBlank()) {
        out.append("<p class=\"action\"><span class=\"action-k\">")
            .append(f.outcome() == GateOutcome.GO ? "Next" : "Action").append(":</span> ").append(esc(f.action())).append("</p>");
      }
      ToPass t = f.toPass();
      if (detailed && t != null) {
        out.append("<p class=\"topass\"><span class=\"topass-k\">To pass:</span> ").append(esc(t.text()))
            .append(" <span class=\"topass-now\">(now ").append(esc(t.current())).append("; needs ")
            .append(esc(t.required())).append(")</span></p>");
      }
      out.append("</li>\n");
    }

    private void stagePips(Stage current) {
      out.append("<span class=\"pips\" aria-hidden=\"true\">");
      for (Stage s : Stage.values()) {
        out.append("<span class=\"pip").append(s.ordinal() < current.ordinal() ? " done" : s == current ? " now" : "").append("\"></span>");
      }
      out.append("</span>");
    }

    private void timeline(GateDecision d, Pilot p, boolean compact) {
      LocalDate launched = p.launchedOn();
      LocalDate end = p.plannedEndOn();
      if (launched == null) {
        out.append("<span class=\"muted\">no launch date</span>");
        return;
      }
      long day = ChronoUnit.DAYS.between(launched, d.asOf());
      if (day < 0) {
        out.append("launches in ").append(Fmt.plural(-day, "day", "days"));
        if (end != null) {
          out.append("<span class=\"sub\">").append(ChronoUnit.DAYS.between(launched, end)).append(" days planned</span>");
        }
        return;
      }
      if (end == null) {
        out.append("day ").append(day).append("<span class=\"sub\">no planned end</span>");
        return;
      }
      long planned = ChronoUnit.DAYS.between(launched, end);
      boolean over = day > planned;
      out.append("<span class=\"days\">day <b>").append(day).append("</b> of ").append(planned).append(" planned</span>");
      double share = planned == 0 ? 1 : Math.min(1, (double) day / planned);
      out.append("<span class=\"bar").append(over ? " over" : "").append("\" aria-hidden=\"true\"><span style=\"width:")
          .append(Fmt.xy(share * 100)).append("%\"></span></span>");
      if (over) {
        out.append("<span class=\"sub overrun\">").append(day - planned).append(" days past the planned end</span>");
      }
      if (!compact) {
        out.append("<span class=\"sub\">launched ").append(launched).append(", planned end ").append(end).append("</span>");
      }
    }

    private static List<Observation> observations(Pilot p, String metric, LocalDate asOf) {
      return p.observations().stream()
          .filter(o -> o.metric().equals(metric) && !o.date().isAfter(asOf))
          .sorted(Comparator.comparing(Observation::date).thenComparingDouble(Observation::value))
          .toList();
    }
  }

  /**
   * The evidence that the message does not already state word for word: what the table shows
   * beside the message, to stay compact (the pilot's section shows all of it).
   */
  static Map<String, Object> notInMessage(Finding f) {
    Map<String, Object> rest = new LinkedHashMap<>();
    f.evidence().forEach((k, v) -> {
      boolean stated = v != null && !(v instanceof Boolean) && Pattern.compile(
          "(?<![\\w.])" + Pattern.quote(Fmt.value(v)) + "(?!\\w|\\.\\d)").matcher(f.message()).find();
      if (!stated) {
        rest.put(k, v);
      }
    });
    return rest;
  }

  private static List<Finding> bySeverity(List<Finding> findings) {
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(Comparator.comparing(Finding::severity));
    return sorted;
  }

  private static String badge(GateOutcome o) {
    return "<span class=\"badge " + oc(o) + "\" data-outcome=\"" + o + "\"><span class=\"dot\" aria-hidden=\"true\"></span>" + o + "</span>";
  }

  private static String verdictChip(MetricTrend t) {
    String cls = t.targetMet() ? "met" : t.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-');
    String text = t.targetMet() ? "target met" : Fmt.verdict(t.verdict());
    String arrow = t.targetMet() ? "✓" : switch (t.verdict()) {
      case IMPROVING -> "↗";
      case WORSENING -> "↘";
      case NO_SIGNIFICANT_CHANGE -> "→";
      case INSUFFICIENT_DATA -> "…";
      case TARGET_NOT_BETTER -> "?";
    };
    return "<span class=\"verdict v-" + cls + "\"><span aria-hidden=\"true\">" + arrow + "</span> " + text + "</span>";
  }

  private static String readinessShort(Readiness r) {
    String weeks = r.minWeeks() == null ? "no way to production" : r.weeksText("–") + " to production";
    return "<span class=\"ready r-" + r.level().name().toLowerCase(Locale.ROOT) + "\">" + r.level() + "</span>"
        + "<span class=\"sub\">" + weeks + "</span>";
  }

  private static String nextShort(GateDecision d) {
    return switch (d.outcome()) {
      case GO -> d.nextStage() == null ? "healthy in production" : "→ " + Fmt.stage(d.nextStage());
      case HOLD -> "complete this stage";
      case DIAGNOSE -> d.stage() == Stage.PRODUCTION ? "diagnose the decline" : "diagnose before expanding";
      case KILL -> "stop or re-scope";
    };
  }

  private static String nextLong(GateDecision d) {
    return d.outcome() + ": " + switch (d.outcome()) {
      case GO -> d.nextStage() == null
          ? "stays in production, healthy"
          : "move on to stage " + Fmt.stage(d.nextStage());
      case HOLD -> "stay at this stage until its outputs exist and the blockers are resolved";
      case DIAGNOSE -> "stay at this stage and diagnose before expanding";
      case KILL -> "stop: release the budget, or re-scope as a new pilot";
    };
  }

  private static String meaning(GateOutcome o) {
    return switch (o) {
      case GO -> "move to the next stage";
      case HOLD -> "complete the stage's outputs";
      case DIAGNOSE -> "investigate before expanding";
      case KILL -> "stop, or re-scope as a new pilot";
    };
  }

  /** The CSS class for an outcome: {@code o-go}, {@code o-hold}, {@code o-diagnose}, {@code o-kill}. */
  private static String oc(GateOutcome o) {
    return "o-" + o.name().toLowerCase(Locale.ROOT);
  }
}
