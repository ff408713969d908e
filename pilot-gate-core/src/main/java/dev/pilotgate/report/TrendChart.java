package dev.pilotgate.report;

import static dev.pilotgate.report.Html.esc;
import static dev.pilotgate.report.Fmt.num;
import static dev.pilotgate.report.Fmt.xy;

import dev.pilotgate.decision.MetricTrend;
import dev.pilotgate.decision.TrendVerdict;
import dev.pilotgate.model.Direction;
import dev.pilotgate.model.Observation;
import dev.pilotgate.model.SuccessCriterion;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The inline SVG chart of one success criterion: its observations as points (filled when
 * the trend test judged them, hollow before), the baseline and target as horizontal lines
 * (the side beyond the target shaded), the deadline and the decision day as vertical lines,
 * and the fitted Theil–Sen trend: solid over the judged days, dashed where it is projected
 * to the deadline, with the projected value marked. Axes carry ticks and labels; the
 * {@code <title>} and {@code <desc>} state the numbers in words.
 *
 * <p>Elements carry classes for styling and tests: {@code trend-chart} (the svg, with
 * {@code data-metric} and {@code data-verdict}), {@code obs} (a point, with {@code data-date},
 * {@code data-value} and {@code data-judged}), {@code baseline-line}, {@code target-line},
 * {@code deadline-line}, {@code asof-line}, {@code trend-fit}, {@code trend-projection},
 * {@code trend-projected}. Stateless and thread-safe.
 */
final class TrendChart {
  static final int WIDTH = 540;
  static final int HEIGHT = 292;
  private static final double X0 = 60;
  private static final double X1 = WIDTH - 112;
  private static final double Y0 = 42;
  private static final double Y1 = HEIGHT - 50;
  private static final double LABEL_GAP = 13;
  private static final String[] MONTHS =
      {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

  private TrendChart() {}

  /**
   * Appends the chart.
   *
   * @param id           unique id prefix for the title and description elements
   * @param trend        the criterion's trend from the decision
   * @param observations the criterion's observations up to the decision day, in date order
   * @param asOf         the decision day
   */
  static Set<Key> render(StringBuilder out, String id, MetricTrend trend, List<Observation> observations, LocalDate asOf) {
    Plot plot = new Plot(trend, observations, asOf);
    plot.render(out, id);
    return plot.drawn;
  }

  /** What a chart can show, in legend order; {@link #render} returns those it drew. */
  enum Key {
    JUDGED("k-obs", "judged"),
    EARLIER("k-early", "earlier"),
    FIT("k-fit", "Theil–Sen trend"),
    PROJECTION("k-proj", "projection"),
    TARGET("k-target", "target"),
    BASELINE("k-base", "baseline"),
    DEADLINE("k-deadline", "deadline");

    final String cls;
    final String label;

    Key(String cls, String label) {
      this.cls = cls;
      this.label = label;
    }
  }

  /** The chart's numbers in words, for its {@code <desc>} (and for a reader without the picture). */
  static String describe(MetricTrend t, List<Observation> obs, LocalDate asOf) {
    SuccessCriterion c = t.criterion();
    StringBuilder d = new StringBuilder();
    d.append(c.metric()).append(", ").append(Fmt.words(c.kind())).append(" metric, ")
        .append(Fmt.direction(c.direction())).append(". ");
    d.append(c.baseline() == null ? "No baseline" : "Baseline " + num(c.baseline()));
    d.append(", target ").append(c.target() == null ? "not set" : num(c.target()));
    d.append(c.deadlineOn() == null ? ", no deadline. " : " by " + c.deadlineOn() + ". ");
    if (obs.isEmpty()) {
      d.append("No observations up to ").append(asOf).append(". ");
    } else {
      double min = obs.stream().mapToDouble(Observation::value).min().orElseThrow();
      double max = obs.stream().mapToDouble(Observation::value).max().orElseThrow();
      Observation last = obs.get(obs.size() - 1);
      d.append(Fmt.plural(obs.size(), "observation", "observations")).append(" from ").append(obs.get(0).date())
          .append(" to ").append(last.date());
      if (obs.size() > 1) {
        d.append(", between ").append(num(min)).append(" and ").append(num(max));
      }
      d.append("; latest ").append(num(last.value())).append(". ");
    }
    d.append("Trend since ").append(t.from()).append(" over ")
        .append(Fmt.plural(t.observations(), "observation", "observations")).append(": ")
        .append(Fmt.verdict(t.verdict()));
    if (t.verdict() != TrendVerdict.INSUFFICIENT_DATA) {
      d.append(" (p = ").append(num(t.pValue())).append(")");
    }
    d.append(". ");
    if (t.fittedAtFrom() != null) {
      d.append("Theil–Sen fit ").append(num(t.fittedAtFrom())).append(" on ").append(t.from())
          .append(", changing by ").append(num(t.slopePerDay())).append(" per day");
      if (t.projectedAtDeadline() != null && c.deadlineOn() != null) {
        d.append("; projected ").append(num(t.projectedAtDeadline())).append(" at the deadline, which ")
            .append(t.projectedToMeetTarget() ? "meets" : "misses").append(" the target");
      }
      d.append(". ");
    }
    if (t.targetMet()) {
      d.append("Target met: the median of the latest observations is ")
          .append(t.recentMedian() == null ? "at or beyond it" : num(t.recentMedian())).append(". ");
    } else if (t.deadlinePassed()) {
      d.append("The deadline has passed with the target not met. ");
    }
    return d.toString().trim();
  }

  /** The geometry of one chart. */
  private static final class Plot {
    private final MetricTrend t;
    private final SuccessCriterion c;
    private final List<Observation> obs;
    private final LocalDate asOf;
    private final boolean hasFit;
    private final double dx0;
    private final double dx1;
    private final BigDecimal yLo;
    private final BigDecimal yHi;
    private final BigDecimal yStep;
    private final Set<Key> drawn = EnumSet.noneOf(Key.class);

    Plot(MetricTrend t, List<Observation> obs, LocalDate asOf) {
      this.t = t;
      this.c = t.criterion();
      this.obs = obs;
      this.asOf = asOf;
      this.hasFit = t.fittedAtFrom() != null && t.verdict() != TrendVerdict.INSUFFICIENT_DATA;

      List<Long> days = new ArrayList<>();
      obs.forEach(o -> days.add(o.date().toEpochDay()));
      days.add(t.from().toEpochDay());
      days.add(asOf.toEpochDay());
      if (c.deadlineOn() != null) {
        days.add(c.deadlineOn().toEpochDay());
      }
      long min = days.stream().min(Comparator.naturalOrder()).orElseThrow();
      long max = days.stream().max(Comparator.naturalOrder()).orElseThrow();
      double pad = Math.max(3, (max - min) * 0.03);
      dx0 = min - pad;
      dx1 = max + pad;

      List<Double> values = new ArrayList<>();
      obs.forEach(o -> values.add(o.value()));
      if (c.baseline() != null) {
        values.add(c.baseline());
      }
      if (c.target() != null) {
        values.add(c.target());
      }
      if (hasFit) {
        for (long day : fitDays()) {
          values.add(fitted(day));
        }
      }
      double lo = values.stream().min(Comparator.naturalOrder()).orElse(0.0);
      double hi = values.stream().max(Comparator.naturalOrder()).orElse(1.0);
      if (hi - lo < 1e-12) {
        double spread = Math.abs(lo) > 1e-12 ? Math.abs(lo) * 0.1 : 1;
        lo -= spread;
        hi += spread;
      } else {
        double headroom = (hi - lo) * 0.04;
        lo -= headroom;
        hi += headroom;
      }
      yStep = niceStep((hi - lo) / 4);
      yLo = BigDecimal.valueOf(lo).divide(yStep, 0, RoundingMode.FLOOR).multiply(yStep);
      yHi = BigDecimal.valueOf(hi).divide(yStep, 0, RoundingMode.CEILING).multiply(yStep);
    }

    /** The days whose fitted values bound the drawn trend: from, the decision day, the deadline. */
    private List<Long> fitDays() {
      List<Long> days = new ArrayList<>(List.of(t.from().toEpochDay(), Math.max(t.from().toEpochDay(), asOf.toEpochDay())));
      if (c.deadlineOn() != null) {
        days.add(c.deadlineOn().toEpochDay());
      }
      return days;
    }

    /** The fitted line's value on {@code day}, kept within the metric's range (projections stay possible). */
    private double fitted(long day) {
      return clamped(day);
    }

    private double line(double day) {
      return t.fittedAtFrom() + t.slopePerDay() * (day - t.from().toEpochDay());
    }

    /** The day strictly between {@code a} and {@code b} on which the line leaves the range, or {@code null}. */
    private Double leavesRange(long a, long b) {
      if (t.slopePerDay() == 0) {
        return null;
      }
      for (Double bound : new Double[] {t.rangeMin(), t.rangeMax()}) {
        if (bound != null) {
          double day = t.from().toEpochDay() + (bound - t.fittedAtFrom()) / t.slopePerDay();
          if (day > Math.min(a, b) && day < Math.max(a, b)) {
            return day;
          }
        }
      }
      return null;
    }

    private double x(double day) {
      return X0 + (day - dx0) / (dx1 - dx0) * (X1 - X0);
    }

    private double y(double v) {
      double lo = yLo.doubleValue();
      double hi = yHi.doubleValue();
      return Y1 - (v - lo) / (hi - lo) * (Y1 - Y0);
    }

    void render(StringBuilder out, String id) {
      String metric = esc(c.metric());
      out.append("<svg class=\"trend-chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
          .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-t ").append(id).append("-d\"")
          .append(" data-metric=\"").append(metric).append("\" data-verdict=\"").append(t.verdict().name()).append("\">\n");
      out.append("<title id=\"").append(id).append("-t\">").append(metric).append(": observations, baseline, target, deadline and trend</title>\n");
      out.append("<desc id=\"").append(id).append("-d\">").append(esc(describe(t, obs, asOf))).append("</desc>\n");
      targetZone(out);
      grid(out);
      axes(out);
      verticals(out);
      horizontals(out);
      trend(out);
      points(out);
      if (obs.isEmpty()) {
        out.append("<text class=\"no-data\" x=\"").append(xy((X0 + X1) / 2)).append("\" y=\"").append(xy(freeY() + 4))
            .append("\" text-anchor=\"middle\">no observations yet</text>\n");
      }
      out.append("</svg>\n");
    }

    private void targetZone(StringBuilder out) {
      if (c.target() == null) {
        return;
      }
      double yt = clampY(y(c.target()));
      double top = c.direction() == Direction.HIGHER_IS_BETTER ? Y0 : yt;
      double bottom = c.direction() == Direction.HIGHER_IS_BETTER ? yt : Y1;
      if (bottom - top > 0.05) {
        out.append("<rect class=\"target-zone\" x=\"").append(xy(X0)).append("\" y=\"").append(xy(top))
            .append("\" width=\"").append(xy(X1 - X0)).append("\" height=\"").append(xy(bottom - top)).append("\"/>\n");
      }
    }

    private void grid(StringBuilder out) {
      int decimals = Math.max(0, yStep.stripTrailingZeros().scale());
      out.append("<g class=\"y-ticks\">\n");
      for (BigDecimal v = yLo; v.compareTo(yHi) <= 0; v = v.add(yStep)) {
        double yy = y(v.doubleValue());
        out.append("<line class=\"grid\" x1=\"").append(xy(X0)).append("\" x2=\"").append(xy(X1))
            .append("\" y1=\"").append(xy(yy)).append("\" y2=\"").append(xy(yy)).append("\"/>")
            .append("<text class=\"tick\" x=\"").append(xy(X0 - 6)).append("\" y=\"").append(xy(yy + 3.5))
            .append("\" text-anchor=\"end\">").append(Fmt.fixed(v.doubleValue(), decimals)).append("</text>\n");
      }
      out.append("</g>\n<g class=\"x-ticks\">\n");
      for (Tick tick : dateTicks()) {
        double xx = x(tick.day);
        out.append("<line class=\"tick-mark\" x1=\"").append(xy(xx)).append("\" x2=\"").append(xy(xx))
            .append("\" y1=\"").append(xy(Y1)).append("\" y2=\"").append(xy(Y1 + 5)).append("\"/>")
            .append("<text class=\"tick\" x=\"").append(xy(xx)).append("\" y=\"").append(xy(Y1 + 18))
            .append("\" text-anchor=\"middle\">").append(tick.label).append("</text>\n");
      }
      out.append("</g>\n");
    }

    private void axes(StringBuilder out) {
      out.append("<line class=\"axis\" x1=\"").append(xy(X0)).append("\" x2=\"").append(xy(X0))
          .append("\" y1=\"").append(xy(Y0)).append("\" y2=\"").append(xy(Y1)).append("\"/>\n");
      out.append("<line class=\"axis\" x1=\"").append(xy(X0)).append("\" x2=\"").append(xy(X1))
          .append("\" y1=\"").append(xy(Y1)).append("\" y2=\"").append(xy(Y1)).append("\"/>\n");
      String yLabel = c.metric().length() > 34 ? c.metric().substring(0, 33) + "…" : c.metric();
      double cy = (Y0 + Y1) / 2;
      out.append("<text class=\"axis-label\" x=\"14\" y=\"").append(xy(cy)).append("\" text-anchor=\"middle\" transform=\"rotate(-90 14 ")
          .append(xy(cy)).append(")\">").append(esc(yLabel)).append("</text>\n");
      out.append("<text class=\"axis-label\" x=\"").append(xy((X0 + X1) / 2)).append("\" y=\"").append(xy(HEIGHT - 8))
          .append("\" text-anchor=\"middle\">date</text>\n");
    }

    /**
     * The decision day and the deadline as vertical lines, labelled in the top margin: both on
     * the row next to the plot, or the decision day's a row higher when the two would overlap.
     */
    private void verticals(StringBuilder out) {
      double xa = x(asOf.toEpochDay());
      String asOfText = "as of " + asOf;
      double[] asOfSpan = span(xa, asOfText.length() * 6.4);
      double asOfRow = Y0 - 8;
      if (c.deadlineOn() != null) {
        double xd = x(c.deadlineOn().toEpochDay());
        String text = "deadline " + c.deadlineOn();
        double[] s = span(xd, text.length() * 7.0);
        drawn.add(Key.DEADLINE);
        out.append("<line class=\"deadline-line\" data-date=\"").append(c.deadlineOn()).append("\" x1=\"").append(xy(xd))
            .append("\" x2=\"").append(xy(xd)).append("\" y1=\"").append(xy(Y0 - 4)).append("\" y2=\"").append(xy(Y1)).append("\"/>\n");
        out.append("<text class=\"label deadline-label\" x=\"").append(xy(s[0])).append("\" y=\"").append(xy(Y0 - 8))
            .append("\">").append(text).append("</text>\n");
        if (asOfSpan[0] < s[1] + 8 && s[0] < asOfSpan[1] + 8) {
          asOfRow = Y0 - 23;
        }
      }
      out.append("<line class=\"asof-line\" x1=\"").append(xy(xa)).append("\" x2=\"").append(xy(xa))
          .append("\" y1=\"").append(xy(asOfRow + 4)).append("\" y2=\"").append(xy(Y1)).append("\"/>\n");
      out.append("<text class=\"label asof-label\" x=\"").append(xy(asOfSpan[0])).append("\" y=\"").append(xy(asOfRow))
          .append("\">").append(asOfText).append("</text>\n");
    }

    /** The left and right ends of a label of about {@code width} centred on {@code x}, kept inside the chart. */
    private static double[] span(double x, double width) {
      double left = Math.max(X0 - 20, Math.min(x - width / 2, WIDTH - 4 - width));
      return new double[] {left, left + width};
    }

    private void horizontals(StringBuilder out) {
      List<MarginLabel> labels = new ArrayList<>();
      if (c.baseline() != null) {
        double yb = y(c.baseline());
        drawn.add(Key.BASELINE);
        out.append("<line class=\"baseline-line\" data-value=\"").append(num(c.baseline())).append("\" x1=\"").append(xy(X0))
            .append("\" x2=\"").append(xy(X1)).append("\" y1=\"").append(xy(yb)).append("\" y2=\"").append(xy(yb)).append("\"/>\n");
        labels.add(new MarginLabel("baseline-label", "baseline " + num(c.baseline()), yb));
      }
      if (c.target() != null) {
        double yt = y(c.target());
        drawn.add(Key.TARGET);
        out.append("<line class=\"target-line\" data-value=\"").append(num(c.target())).append("\" x1=\"").append(xy(X0))
            .append("\" x2=\"").append(xy(X1)).append("\" y1=\"").append(xy(yt)).append("\" y2=\"").append(xy(yt)).append("\"/>\n");
        labels.add(new MarginLabel("target-label", "target " + num(c.target()), yt));
      }
      if (hasFit && c.deadlineOn() != null && !c.deadlineOn().isBefore(asOf)) {
        double proj = t.projectedAtDeadline() != null ? t.projectedAtDeadline() : fitted(c.deadlineOn().toEpochDay());
        labels.add(new MarginLabel("projected-label", "projected " + num(proj), y(fitted(c.deadlineOn().toEpochDay()))));
      }
      spread(labels);
      for (MarginLabel l : labels) {
        out.append("<text class=\"label ").append(l.cls).append("\" x=\"").append(xy(X1 + 8)).append("\" y=\"")
            .append(xy(l.y + 3.5)).append("\">").append(esc(l.text)).append("</text>\n");
      }
    }

    private void trend(StringBuilder out) {
      if (!hasFit) {
        return;
      }
      long from = t.from().toEpochDay();
      long end = Math.max(from, asOf.toEpochDay());
      line(out, "trend-fit", from, end);
      drawn.add(Key.FIT);
      if (c.deadlineOn() != null) {
        long deadline = c.deadlineOn().toEpochDay();
        if (deadline > end) {
          Double bound = leavesRange(end, deadline);
          if (bound == null) {
            line(out, "trend-projection", end, deadline);
          } else { // up to the range's bound, then along it: a projection stays possible
            line(out, "trend-projection", end, bound);
            line(out, "trend-projection", bound, deadline);
          }
          drawn.add(Key.PROJECTION);
        } else if (deadline < from) {
          line(out, "trend-projection", deadline, from);
          drawn.add(Key.PROJECTION);
        }
        double xd = x(deadline);
        double yd = y(fitted(deadline));
        out.append("<circle class=\"trend-projected\" cx=\"").append(xy(xd)).append("\" cy=\"").append(xy(yd)).append("\" r=\"4.5\">")
            .append("<title>projected ").append(num(fitted(deadline))).append(" on ").append(c.deadlineOn()).append("</title></circle>\n");
      }
    }

    private void line(StringBuilder out, String cls, double fromDay, double toDay) {
      out.append("<line class=\"").append(cls).append("\" x1=\"").append(xy(x(fromDay))).append("\" y1=\"").append(xy(y(clamped(fromDay))))
          .append("\" x2=\"").append(xy(x(toDay))).append("\" y2=\"").append(xy(y(clamped(toDay)))).append("\"/>\n");
    }

    private double clamped(double day) {
      double v = line(day);
      if (t.rangeMin() != null && v < t.rangeMin()) {
        return t.rangeMin();
      }
      return t.rangeMax() != null && v > t.rangeMax() ? t.rangeMax() : v;
    }

    private void points(StringBuilder out) {
      if (obs.isEmpty()) {
        return;
      }
      out.append("<g class=\"points\">\n");
      for (Observation o : obs) {
        boolean judged = !o.date().isBefore(t.from());
        drawn.add(judged ? Key.JUDGED : Key.EARLIER);
        out.append("<circle class=\"obs ").append(judged ? "obs-judged" : "obs-earlier").append("\" data-date=\"").append(o.date())
            .append("\" data-value=\"").append(num(o.value())).append("\" data-judged=\"").append(judged).append("\" cx=\"")
            .append(xy(x(o.date().toEpochDay()))).append("\" cy=\"").append(xy(y(o.value()))).append("\" r=\"3.6\">")
            .append("<title>").append(o.date()).append(": ").append(num(o.value())).append("</title></circle>\n");
      }
      out.append("</g>\n");
    }

    /** The middle of the widest vertical gap between the plot's edges and its horizontal lines. */
    private double freeY() {
      List<Double> ys = new ArrayList<>(List.of(Y0, Y1));
      if (c.baseline() != null) {
        ys.add(clampY(y(c.baseline())));
      }
      if (c.target() != null) {
        ys.add(clampY(y(c.target())));
      }
      ys.sort(Comparator.naturalOrder());
      double best = (Y0 + Y1) / 2;
      double widest = -1;
      for (int i = 1; i < ys.size(); i++) {
        double gap = ys.get(i) - ys.get(i - 1);
        if (gap > widest + 1e-9) {
          widest = gap;
          best = (ys.get(i) + ys.get(i - 1)) / 2;
        }
      }
      return best;
    }

    private double clampY(double v) {
      return Math.max(Y0, Math.min(Y1, v));
    }

    private List<Tick> dateTicks() {
      LocalDate start = LocalDate.ofEpochDay((long) Math.ceil(dx0));
      LocalDate end = LocalDate.ofEpochDay((long) Math.floor(dx1));
      long months = (end.getYear() - start.getYear()) * 12L + end.getMonthValue() - start.getMonthValue();
      List<Tick> ticks = new ArrayList<>();
      if (months >= 2) {
        int every = months <= 8 ? 1 : months <= 16 ? 2 : months <= 30 ? 3 : months <= 60 ? 6 : 12;
        LocalDate m = start.withDayOfMonth(1);
        if (m.isBefore(start)) {
          m = m.plusMonths(1);
        }
        boolean first = true;
        for (; !m.isAfter(end); m = m.plusMonths(1)) {
          if ((m.getMonthValue() - 1) % every != 0) {
            continue;
          }
          String label = MONTHS[m.getMonthValue() - 1] + (first || m.getMonthValue() == 1 ? " " + m.getYear() : "");
          ticks.add(new Tick(m.toEpochDay(), label));
          first = false;
        }
      } else {
        long span = end.toEpochDay() - start.toEpochDay();
        int every = span <= 21 ? 3 : span <= 45 ? 7 : 14;
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(every)) {
          ticks.add(new Tick(d.toEpochDay(), d.getDayOfMonth() + " " + MONTHS[d.getMonthValue() - 1]));
        }
      }
      return ticks;
    }
  }

  /** A label in the right margin, moved apart from its neighbours so that none overlap. */
  private static final class MarginLabel {
    final String cls;
    final String text;
    double y;

    MarginLabel(String cls, String text, double y) {
      this.cls = cls;
      this.text = text;
      this.y = y;
    }
  }

  private static void spread(List<MarginLabel> labels) {
    labels.sort(Comparator.comparingDouble((MarginLabel l) -> l.y).thenComparing(l -> l.cls));
    for (int pass = 0; pass < 4; pass++) {
      for (int i = 1; i < labels.size(); i++) {
        MarginLabel a = labels.get(i - 1);
        MarginLabel b = labels.get(i);
        double overlap = LABEL_GAP - (b.y - a.y);
        if (overlap > 0) {
          a.y -= overlap / 2;
          b.y += overlap / 2;
        }
      }
    }
  }

  private record Tick(long day, String label) {}

  /** 1, 2, 2.5 or 5 times a power of ten, at least {@code raw}. */
  static BigDecimal niceStep(double raw) {
    if (!(raw > 0) || Double.isInfinite(raw)) {
      return BigDecimal.ONE;
    }
    int exp = (int) Math.floor(Math.log10(raw));
    double norm = raw / Math.pow(10, exp);
    String mult = norm <= 1 ? "1" : norm <= 2 ? "2" : norm <= 2.5 ? "2.5" : norm <= 5 ? "5" : "10";
    return new BigDecimal(mult).scaleByPowerOfTen(exp);
  }
}
