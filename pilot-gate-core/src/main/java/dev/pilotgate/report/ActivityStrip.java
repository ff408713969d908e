package dev.pilotgate.report;

import static dev.pilotgate.report.Html.esc;
import static dev.pilotgate.report.Fmt.xy;

import dev.pilotgate.decision.AdoptionSnapshot;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.UsageRecord;
import dev.pilotgate.model.UserIds;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The early adopters' activity in the decision's window: one row per early adopter (in
 * cohort order), one square per day, filled on days with usage, and each row's day count
 * and status in words. Rows: {@code g.adopter[data-user][data-active]}; days:
 * {@code rect.act-day} ({@code act-on} / {@code act-off}). Stateless and thread-safe.
 */
final class ActivityStrip {
  private static final int CELL = 15;
  private static final int STEP = 18;
  private static final int ROW = 22;
  private static final int LABEL_W = 118;

  private ActivityStrip() {}

  /** The early adopters in cohort order: the rollout's list, else the snapshot's active then inactive. */
  static List<String> cohort(Pilot pilot, AdoptionSnapshot a) {
    Set<String> users = new LinkedHashSet<>();
    if (pilot != null && pilot.rollout() != null) {
      users.addAll(pilot.rollout().earlyAdopters());
    }
    users.addAll(a.activeEarlyAdopters());
    users.addAll(a.inactiveEarlyAdopters());
    return new ArrayList<>(users);
  }

  static void render(StringBuilder out, String id, Pilot pilot, AdoptionSnapshot a) {
    List<String> users = cohort(pilot, a);
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = a.windowStart(); !d.isAfter(a.windowEnd()); d = d.plusDays(1)) {
      days.add(d);
    }
    Set<String> active = new HashSet<>(a.activeEarlyAdopters());
    int width = LABEL_W + days.size() * STEP + 150;
    int height = 26 + users.size() * ROW;
    StringBuilder desc = new StringBuilder();
    out.append("<svg class=\"activity\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\" style=\"max-width:").append(width).append("px\" role=\"img\" aria-labelledby=\"").append(id).append("-t ")
        .append(id).append("-d\">\n");
    out.append("<title id=\"").append(id).append("-t\">Early-adopter activity, ").append(a.windowStart()).append(" to ")
        .append(a.windowEnd()).append("</title>\n");
    StringBuilder body = new StringBuilder();
    if (!days.isEmpty()) {
      body.append("<text class=\"tick\" x=\"").append(LABEL_W).append("\" y=\"12\">").append(days.get(0)).append("</text>")
          .append("<text class=\"tick\" x=\"").append(LABEL_W + (days.size() - 1) * STEP + CELL).append("\" y=\"12\" text-anchor=\"end\">")
          .append(days.get(days.size() - 1)).append("</text>\n");
    }
    int row = 0;
    for (String user : users) {
      Set<LocalDate> used = new HashSet<>();
      if (pilot != null) {
        String key = UserIds.key(user);
        for (UsageRecord r : pilot.usage()) {
          if (UserIds.key(r.user()).equals(key) && !r.date().isBefore(a.windowStart())
              && !r.date().isAfter(a.windowEnd())) {
            used.add(r.date());
          }
        }
      }
      boolean isActive = active.contains(user);
      double y = 20 + row * ROW;
      String name = user.length() > 16 ? user.substring(0, 15) + "…" : user;
      body.append("<g class=\"adopter\" data-user=\"").append(esc(user)).append("\" data-active=\"").append(isActive).append("\">")
          .append("<text class=\"adopter-name\" x=\"0\" y=\"").append(xy(y + 12)).append("\">").append(esc(name)).append("</text>");
      int col = 0;
      for (LocalDate d : days) {
        boolean on = used.contains(d);
        body.append("<rect class=\"act-day ").append(on ? "act-on" : "act-off").append("\" x=\"").append(LABEL_W + col * STEP)
            .append("\" y=\"").append(xy(y)).append("\" width=\"").append(CELL).append("\" height=\"").append(CELL).append("\" rx=\"3\">")
            .append("<title>").append(esc(user)).append(", ").append(d).append(on ? ": used" : ": not used").append("</title></rect>");
        col++;
      }
      body.append("<text class=\"adopter-status ").append(isActive ? "is-active" : "is-inactive").append("\" x=\"")
          .append(LABEL_W + days.size() * STEP + 10).append("\" y=\"").append(xy(y + 12)).append("\">")
          .append(isActive ? "✓ active" : "✗ inactive").append(" · ").append(Fmt.plural(used.size(), "day", "days")).append("</text></g>\n");
      desc.append(user).append(isActive ? " active, " : " not active, ").append("used it on ")
          .append(Fmt.plural(used.size(), "day", "days")).append(" of ").append(days.size()).append("; ");
      row++;
    }
    String words = users.isEmpty() ? "No early adopters." : desc.substring(0, desc.length() - 2) + ".";
    out.append("<desc id=\"").append(id).append("-d\">").append(esc(words)).append("</desc>\n");
    out.append(body);
    out.append("</svg>\n");
  }
}
