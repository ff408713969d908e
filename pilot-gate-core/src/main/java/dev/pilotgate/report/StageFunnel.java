package dev.pilotgate.report;

import static dev.pilotgate.report.Html.esc;
import static dev.pilotgate.report.Fmt.xy;

import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.Stage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The stage funnel: one row per stage, all six in order, each a bar of one block per pilot,
 * grouped and coloured by outcome (GO, HOLD, DIAGNOSE, KILL from left to right) and labelled
 * with the pilot's id and outcome where they fit; beside each bar the counts in words, so
 * that no information is carried by colour alone.
 *
 * <p>Selectable structure: {@code g.funnel-stage[data-stage][data-count]} holds
 * {@code g.funnel-outcome[data-outcome][data-count]}, which holds one
 * {@code rect.funnel-pilot[data-pilot][data-outcome]} per pilot. Stateless and thread-safe.
 */
final class StageFunnel {
  private static final int WIDTH = 1000;
  private static final int ROW = 54;
  private static final int BLOCK = 38;
  private static final double BAR_X = 232;
  private static final double BAR_W = 520;
  private static final double MAX_UNIT = 170;
  private static final double GAP = 3;

  private StageFunnel() {}

  static void render(StringBuilder out, List<GateDecision> decisions) {
    Map<Stage, Map<GateOutcome, List<GateDecision>>> byStage = new EnumMap<>(Stage.class);
    for (Stage s : Stage.values()) {
      Map<GateOutcome, List<GateDecision>> byOutcome = new EnumMap<>(GateOutcome.class);
      for (GateOutcome o : GateOutcome.values()) {
        byOutcome.put(o, new ArrayList<>());
      }
      byStage.put(s, byOutcome);
    }
    for (GateDecision d : decisions) {
      byStage.get(d.stage()).get(d.outcome()).add(d);
    }
    byStage.values().forEach(m -> m.values().forEach(l -> l.sort(Comparator.comparing(GateDecision::pilotId))));
    int maxCount = byStage.values().stream()
        .mapToInt(m -> m.values().stream().mapToInt(List::size).sum()).max().orElse(0);
    double unit = maxCount == 0 ? MAX_UNIT : Math.min(MAX_UNIT, BAR_W / maxCount);
    int height = Stage.values().length * ROW + 8;

    out.append("<svg class=\"funnel\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
        .append("\" role=\"img\" aria-labelledby=\"funnel-t funnel-d\">\n");
    out.append("<title id=\"funnel-t\">Pilots per stage, by gate outcome</title>\n");
    out.append("<desc id=\"funnel-d\">").append(esc(describe(byStage))).append("</desc>\n");
    int row = 0;
    for (Stage s : Stage.values()) {
      Map<GateOutcome, List<GateDecision>> byOutcome = byStage.get(s);
      int count = byOutcome.values().stream().mapToInt(List::size).sum();
      double top = 4 + row * ROW;
      double by = top + (ROW - BLOCK) / 2.0;
      double mid = top + ROW / 2.0;
      out.append("<g class=\"funnel-stage\" data-stage=\"").append(s.name()).append("\" data-count=\"").append(count).append("\">\n");
      out.append("<circle class=\"stage-dot").append(count == 0 ? " stage-empty" : "").append("\" cx=\"18\" cy=\"").append(xy(mid)).append("\" r=\"12\"/>")
          .append("<text class=\"stage-num").append(count == 0 ? " stage-empty" : "").append("\" x=\"18\" y=\"").append(xy(mid + 4.5))
          .append("\" text-anchor=\"middle\">").append(s.number()).append("</text>")
          .append("<text class=\"stage-name").append(count == 0 ? " stage-empty" : "").append("\" x=\"40\" y=\"").append(xy(mid + 5)).append("\">")
          .append(esc(Fmt.stageName(s))).append("</text>\n");
      out.append("<rect class=\"funnel-track\" x=\"").append(xy(BAR_X)).append("\" y=\"").append(xy(by)).append("\" width=\"")
          .append(xy(BAR_W)).append("\" height=\"").append(BLOCK).append("\" rx=\"6\"/>\n");
      double x = BAR_X;
      for (GateOutcome o : GateOutcome.values()) {
        List<GateDecision> group = byOutcome.get(o);
        if (group.isEmpty()) {
          continue;
        }
        out.append("<g class=\"funnel-outcome\" data-outcome=\"").append(o.name()).append("\" data-count=\"").append(group.size()).append("\">\n");
        for (GateDecision d : group) {
          block(out, d, x, by, unit);
          x += unit;
        }
        out.append("</g>\n");
      }
      out.append("<text class=\"funnel-count").append(count == 0 ? " stage-empty" : "").append("\" x=\"").append(xy(BAR_X + BAR_W + 16))
          .append("\" y=\"").append(xy(mid + 4.5)).append("\">").append(esc(counts(byOutcome, count))).append("</text>\n");
      out.append("</g>\n");
      row++;
    }
    out.append("</svg>\n");
  }

  private static void block(StringBuilder out, GateDecision d, double x, double y, double unit) {
    String o = d.outcome().name().toLowerCase(java.util.Locale.ROOT);
    double w = Math.max(1, unit - GAP);
    out.append("<rect class=\"funnel-pilot o-").append(o).append("\" data-pilot=\"").append(esc(d.pilotId()))
        .append("\" data-outcome=\"").append(d.outcome().name()).append("\" x=\"").append(xy(x)).append("\" y=\"").append(xy(y))
        .append("\" width=\"").append(xy(w)).append("\" height=\"").append(BLOCK).append("\" rx=\"5\">")
        .append("<title>").append(esc(d.pilotName())).append(": ").append(d.outcome()).append("</title></rect>\n");
    int chars = (int) Math.floor((w - 16) / 7.3);
    if (chars >= 4) {
      String id = d.pilotId().length() > chars ? d.pilotId().substring(0, chars - 1) + "…" : d.pilotId();
      out.append("<text class=\"funnel-label t-").append(o).append("\" x=\"").append(xy(x + 8)).append("\" y=\"").append(xy(y + 16)).append("\">")
          .append(esc(id)).append("</text>");
      if (chars >= 8) {
        out.append("<text class=\"funnel-outcome-label t-").append(o).append("\" x=\"").append(xy(x + 8)).append("\" y=\"").append(xy(y + 30))
            .append("\">").append(d.outcome()).append("</text>");
      }
      out.append('\n');
    }
  }

  private static String counts(Map<GateOutcome, List<GateDecision>> byOutcome, int count) {
    if (count == 0) {
      return "no pilots";
    }
    return Fmt.plural(count, "pilot", "pilots") + ": " + byOutcome.entrySet().stream()
        .filter(e -> !e.getValue().isEmpty())
        .map(e -> e.getValue().size() + " " + e.getKey())
        .collect(Collectors.joining(", "));
  }

  private static String describe(Map<Stage, Map<GateOutcome, List<GateDecision>>> byStage) {
    StringBuilder d = new StringBuilder();
    for (Stage s : Stage.values()) {
      Map<GateOutcome, List<GateDecision>> byOutcome = byStage.get(s);
      int count = byOutcome.values().stream().mapToInt(List::size).sum();
      d.append("Stage ").append(s.number()).append(", ").append(Fmt.stageName(s)).append(": ");
      if (count == 0) {
        d.append("no pilots. ");
        continue;
      }
      d.append(byOutcome.entrySet().stream()
          .filter(e -> !e.getValue().isEmpty())
          .map(e -> e.getValue().size() + " " + e.getKey() + " (" + e.getValue().stream()
              .map(GateDecision::pilotId).collect(Collectors.joining(", ")) + ")")
          .collect(Collectors.joining(", "))).append(". ");
    }
    return d.toString().trim();
  }
}
