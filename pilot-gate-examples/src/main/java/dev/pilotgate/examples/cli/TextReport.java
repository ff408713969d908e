package dev.pilotgate.examples.cli;

import dev.pilotgate.decision.DecisionWarning;
import dev.pilotgate.decision.Finding;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.decision.Readiness;
import dev.pilotgate.decision.Severity;
import dev.pilotgate.decision.ToPass;
import dev.pilotgate.decision.WaiverStatus;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.Stage;
import dev.pilotgate.model.Waiver;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.EnumMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Renders gate decisions as a plain-text report a manager can read: one block per pilot, the
 * most urgent first (KILL, DIAGNOSE, HOLD, then GO; then the most blockers; then the soonest
 * review), each with the outcome first, then the stage and where it goes next, the readiness with
 * its weeks remaining to full production and the dates they give, the next review, the pilot's
 * waivers (each with where it stands), and why (the findings, blockers first, with the recommended
 * action for each blocker and, for one that compares a value with a threshold, what it would take
 * to pass); a one-line portfolio summary at the end.
 *
 * <pre>
 * HOLD  sales-assistant — AI assistant for the sales team
 *       stage      2 ACTIVATE_OWNER → stays until the blockers are resolved
 *       readiness  LOW, 21–30 weeks to full production, 2026-10-26 to 2026-12-28 (gaps: DATA_DUPLICATES, OWNER_DIFFUSE)
 *       review     2026-06-15
 *       why
 *         BLOCKER  OWNER_DIFFUSE  Ownership sits with Sales steering committee (COMMITTEE), not with one person.
 *                  action: Move ownership from the committee to one named individual in operations.
 *         WARNING  DATA_DUPLICATES  CRM has 8% duplicate records; the limit is 2%.
 *
 * HOLD  crm-assistant
 *       stage      3 DATA_AUDIT → stays until the blockers are resolved
 *       ...
 *         BLOCKER  DATA_DUPLICATES  CRM has 8% duplicate records; the limit is 2%.
 *                  action: Deduplicate CRM (e.g. one customer under several names) and add a rule that ...
 *                  to pass: duplicates in CRM 8% → at most 2% (now 8% duplicates, needs at most 2%)
 *
 * 1 pilot as of 2026-06-01: 0 GO, 1 HOLD, 0 DIAGNOSE, 0 KILL (rules 3f2a9c0d1e4b)
 * </pre>
 *
 * Stateless and thread-safe.
 */
public final class TextReport {
  private static final String INDENT = "      ";

  /** The few non-ASCII characters of the report, with ASCII stand-ins for consoles that lack them. */
  public enum Symbols {
    UNICODE("—", "→", "–"),
    ASCII("-", "->", "-");

    final String dash;
    final String arrow;
    final String range;

    Symbols(String dash, String arrow, String range) {
      this.dash = dash;
      this.arrow = arrow;
      this.range = range;
    }

    /** {@link #UNICODE} when {@code charset} can encode it, else {@link #ASCII}. */
    public static Symbols forCharset(Charset charset) {
      CharsetEncoder encoder = charset.newEncoder();
      return encoder.canEncode(UNICODE.dash + UNICODE.arrow + UNICODE.range) ? UNICODE : ASCII;
    }
  }

  private final Symbols symbols;

  /** A report with Unicode dashes and arrows. */
  public TextReport() {
    this(Symbols.UNICODE);
  }

  public TextReport(Symbols symbols) {
    this.symbols = Objects.requireNonNull(symbols, "symbols");
  }

  /** Most urgent first: the outcome's precedence, then the number of blockers, then the soonest review, then the id. */
  public static final Comparator<GateDecision> MOST_URGENT_FIRST = Comparator
      .comparing((GateDecision d) -> d.outcome().precedence(), Comparator.reverseOrder())
      .thenComparing(d -> d.findings().stream().filter(f -> f.severity() == Severity.BLOCKER).count(),
          Comparator.reverseOrder())
      .thenComparing(GateDecision::nextReviewOn, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(GateDecision::pilotId);

  /** The whole report: a block per decision, the most urgent first ({@link #MOST_URGENT_FIRST}), then the summary line. */
  public String render(List<GateDecision> decisions) {
    StringBuilder sb = new StringBuilder();
    for (GateDecision d : decisions.stream().sorted(MOST_URGENT_FIRST).toList()) {
      block(sb, d);
      sb.append('\n');
    }
    sb.append(summary(decisions)).append('\n');
    return sb.toString();
  }

  /** The block for one decision, ending with a line break. */
  public String render(GateDecision decision) {
    StringBuilder sb = new StringBuilder();
    block(sb, decision);
    return sb.toString();
  }

  /** One line: how many pilots, the count for every outcome, the day and the rules version. */
  public String summary(List<GateDecision> decisions) {
    Map<GateOutcome, Long> counts = new EnumMap<>(GateOutcome.class);
    for (GateOutcome o : GateOutcome.values()) {
      counts.put(o, 0L);
    }
    decisions.forEach(d -> counts.merge(d.outcome(), 1L, Long::sum));
    String perOutcome = counts.entrySet().stream()
        .map(e -> e.getValue() + " " + e.getKey())
        .collect(Collectors.joining(", "));
    String days = decisions.stream().map(d -> d.asOf().toString()).distinct().collect(Collectors.joining(", "));
    String versions = decisions.stream().map(GateDecision::rulesVersion).distinct().collect(Collectors.joining(", "));
    return decisions.size() + (decisions.size() == 1 ? " pilot" : " pilots")
        + (days.isEmpty() ? "" : " as of " + days) + ": " + perOutcome
        + (versions.isEmpty() ? "" : " (rules " + versions + ")");
  }

  private void block(StringBuilder sb, GateDecision d) {
    sb.append(d.outcome()).append("  ").append(d.pilotId());
    if (!d.pilotName().equals(d.pilotId())) {
      sb.append(' ').append(symbols.dash).append(' ').append(d.pilotName());
    }
    sb.append('\n');
    line(sb, "stage", stage(d.stage()) + " " + symbols.arrow + " " + whereNext(d));
    line(sb, "readiness", readiness(d.readiness()));
    if (d.nextReviewOn() != null) {
      line(sb, "review", d.nextReviewOn().toString());
    }
    for (DecisionWarning w : d.warnings()) {
      line(sb, "note", w.message());
    }
    for (WaiverStatus w : d.waivers()) {
      line(sb, "waiver", waiver(w));
    }
    if (d.findings().isEmpty()) {
      line(sb, "why", "no findings");
      return;
    }
    sb.append(INDENT).append("why").append('\n');
    for (Finding f : d.findings()) {
      sb.append(INDENT).append("  ").append(pad(f.severity().name(), 8)).append(' ')
          .append(f.code()).append("  ").append(f.message()).append('\n');
      String action = f.action();
      if (action != null && !action.isBlank()) {
        if (f.severity() == Severity.BLOCKER) {
          sb.append(INDENT).append("  ").append(pad("", 8)).append(" action: ").append(action).append('\n');
          toPass(sb, f);
        } else if (f.outcome() == GateOutcome.GO && d.outcome() == GateOutcome.GO) {
          sb.append(INDENT).append("  ").append(pad("", 8)).append(" next: ").append(action).append('\n');
        }
      }
    }
  }

  /** Under a BLOCKER: what it would take to clear it, "to pass: 2 more of 5 ... (now 1 of 5, needs at least 3 of 5)". */
  private void toPass(StringBuilder sb, Finding f) {
    ToPass t = f.toPass();
    if (t != null) {
      sb.append(INDENT).append("  ").append(pad("", 8)).append(" to pass: ").append(arrows(t.text()))
          .append(" (now ").append(arrows(t.current())).append(", needs ").append(arrows(t.required())).append(")\n");
    }
  }

  /** "DATA_DUPLICATES for CRM, approved by Dana Reyes on 2026-05-15, in force until 2026-07-31: reason". */
  private String waiver(WaiverStatus s) {
    Waiver w = s.waiver();
    String state = switch (s.state()) {
      case IN_FORCE -> "in force until " + s.endsOn();
      case EXPIRED -> "ended on " + s.endsOn();
      case NOT_YET -> "counts from " + w.approvedOn() + " until " + s.endsOn();
    };
    return w.code() + (w.subject() == null ? "" : " for " + w.subject()) + ", approved by " + w.approvedBy() + " on "
        + w.approvedOn() + ", " + state + (s.capped() ? " (the policy's " + s.maxDays() + "-day limit; it asked for "
        + w.until() + ")" : "") + ": " + w.reason();
  }

  private String arrows(String text) {
    return text.replace("→", symbols.arrow);
  }

  private String whereNext(GateDecision d) {
    return switch (d.outcome()) {
      case GO -> d.nextStage() == null ? "stays in production (healthy)" : stage(d.nextStage());
      case HOLD -> "stays until the blockers are resolved";
      case DIAGNOSE -> d.stage() == Stage.PRODUCTION ? "keeps running: diagnose the decline"
          : "stays: diagnose before expanding";
      case KILL -> "stop: release the budget or re-scope as a new pilot";
    };
  }

  private String readiness(Readiness r) {
    String text = r.level() + ", " + (r.minWeeks() == null ? "no way to full production (stopped)"
        : r.weeksText(symbols.range) + " to full production");
    if (r.productionBetween() != null) {
      text += ", " + r.productionBetween().from() + " to " + r.productionBetween().to();
    }
    return r.gaps().isEmpty() ? text + " (no gaps)" : text + " (gaps: " + String.join(", ", r.gaps()) + ")";
  }

  private static String stage(Stage s) {
    return s.number() + " " + s.name();
  }

  private static void line(StringBuilder sb, String label, String value) {
    sb.append(INDENT).append(pad(label, 10)).append(' ').append(value).append('\n');
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
