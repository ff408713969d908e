package dev.pilotgate.internal.engine;

import dev.pilotgate.decision.Finding;
import dev.pilotgate.decision.Severity;
import dev.pilotgate.decision.WaiverStatus;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.Waiver;
import dev.pilotgate.policy.Policy;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The pilot's waivers applied to the findings of one evaluation, in one place (DESIGN §5, docs/rules.md
 * "Waivers"): each finding a rule reports passes through {@link #apply} before the session sees it, so
 * the gate rules judge the gate on the waived findings ("nothing in the way") exactly as the outcome is.
 *
 * <p>A waiver counts from {@code approvedOn} to the earlier of {@code until} and {@code approvedOn} plus
 * the policy's {@code waiver.maxDays}. A finding with the waiver's code, about its subject when it names
 * one (the finding's {@code source}, {@code device} or {@code metric} evidence, compared trimmed and
 * ignoring case), that holds the gate (a BLOCKER, or a call for HOLD or DIAGNOSE) and does not call for
 * KILL, is waived by the first such waiver in force: it keeps its code, becomes a WARNING that calls
 * for nothing, and carries the waiver in its evidence and words. Past the waiver's end the finding
 * stays as it is, and {@value Catalogue#WAIVER_EXPIRED} says so, once per waiver (unless another waiver
 * in force covers the finding). A waiver approved after the decision day does not count yet. One
 * evaluation, one thread.
 */
final class Waivers {
  /** The policy key bounding how long a waiver counts. */
  static final String MAX_DAYS = "waiver.maxDays";
  /** The evidence a waiver's subject is matched against. */
  private static final List<String> SUBJECT_EVIDENCE = List.of("source", "device", "metric");

  private final List<Waiver> waivers;
  private final LocalDate asOf;
  private final int maxDays;
  private final boolean[] expiryReported;

  private Waivers(List<Waiver> waivers, LocalDate asOf, int maxDays) {
    this.waivers = waivers;
    this.asOf = asOf;
    this.maxDays = maxDays;
    this.expiryReported = new boolean[waivers.size()];
  }

  static Waivers of(Pilot pilot, LocalDate asOf, Policy policy) {
    return new Waivers(pilot.waivers(), asOf, policy.getInt(MAX_DAYS));
  }

  /** The last day {@code w} counts: {@code until}, or {@code approvedOn + maxDays} when that is earlier. */
  static LocalDate end(Waiver w, int maxDays) {
    LocalDate bound = w.approvedOn().plusDays(maxDays);
    return w.until().isAfter(bound) ? bound : w.until();
  }

  /** Where each of the pilot's waivers stands on {@code asOf}, in document order. */
  static List<WaiverStatus> statuses(Pilot pilot, LocalDate asOf, Policy policy) {
    if (pilot.waivers().isEmpty()) {
      return List.of();
    }
    int maxDays = policy.getInt(MAX_DAYS);
    List<WaiverStatus> out = new ArrayList<>(pilot.waivers().size());
    for (Waiver w : pilot.waivers()) {
      LocalDate end = end(w, maxDays);
      WaiverStatus.State state = asOf.isBefore(w.approvedOn()) ? WaiverStatus.State.NOT_YET
          : asOf.isAfter(end) ? WaiverStatus.State.EXPIRED : WaiverStatus.State.IN_FORCE;
      out.add(new WaiverStatus(w, state, end, w.until().isAfter(end), maxDays));
    }
    return out;
  }

  /**
   * {@code f} as the waivers leave it: waived by the first waiver in force that covers it, else as it is;
   * {@code expired} gets a {@value Catalogue#WAIVER_EXPIRED} finding for each waiver that would have
   * covered it but has ended (the first time only).
   */
  Finding apply(Finding f, Catalogue catalogue, Consumer<Finding> expired) {
    if (waivers.isEmpty() || f.outcome() == GateOutcome.KILL
        || f.severity() != Severity.BLOCKER && f.outcome() != GateOutcome.HOLD && f.outcome() != GateOutcome.DIAGNOSE) {
      return f;
    }
    List<Integer> ended = null;
    for (int i = 0; i < waivers.size(); i++) {
      Waiver w = waivers.get(i);
      if (!w.code().equals(f.code()) || !covers(w, f) || asOf.isBefore(w.approvedOn())) {
        continue;
      }
      LocalDate end = end(w, maxDays);
      if (asOf.isAfter(end)) {
        if (ended == null) {
          ended = new ArrayList<>(1);
        }
        ended.add(i);
        continue;
      }
      return waived(f, w, end);
    }
    if (ended != null) {
      for (int i : ended) {
        if (!expiryReported[i]) {
          expiryReported[i] = true;
          expired.accept(expiry(waivers.get(i), catalogue, f.rule()));
        }
      }
    }
    return f;
  }

  private static boolean covers(Waiver w, Finding f) {
    if (w.subject() == null) {
      return true;
    }
    for (String name : SUBJECT_EVIDENCE) {
      Object v = f.evidence().get(name);
      if (v != null && w.covers(v.toString())) {
        return true;
      }
    }
    return false;
  }

  private Finding waived(Finding f, Waiver w, LocalDate end) {
    boolean capped = w.until().isAfter(end);
    Map<String, Object> evidence = new HashMap<>(f.evidence());
    evidence.put("waiverApprovedBy", w.approvedBy());
    evidence.put("waiverApprovedOn", w.approvedOn().toString());
    evidence.put("waiverReason", w.reason());
    evidence.put("waiverUntil", end.toString());
    if (w.subject() != null) {
      evidence.put("waiverSubject", w.subject());
    }
    if (capped) {
      evidence.put("waiverRequestedUntil", w.until().toString());
      evidence.put("waiverMaxDays", maxDays);
    }
    String message = f.message() + " Waived by " + w.approvedBy() + " until " + end
        + (capped ? " (the policy's limit of " + maxDays + " days; the waiver asked for " + w.until() + ")" : "")
        + ": " + w.reason();
    String action = "Before the waiver ends on " + end + ": " + (f.action() == null ? "fix what this finding reports."
        : lowerFirst(f.action()));
    return new Finding(f.code(), f.rootCause(), Severity.WARNING, null, message, evidence, action, f.rule(),
        f.toPass());
  }

  private Finding expiry(Waiver w, Catalogue catalogue, String rule) {
    Catalogue.Entry entry = catalogue.entry(Catalogue.WAIVER_EXPIRED);
    LocalDate end = end(w, maxDays);
    Map<String, Object> evidence = new HashMap<>();
    evidence.put("code", w.code());
    if (w.subject() != null) {
      evidence.put("subject", w.subject());
    }
    evidence.put("approvedBy", w.approvedBy());
    evidence.put("approvedOn", w.approvedOn().toString());
    evidence.put("until", w.until().toString());
    evidence.put("endedOn", end.toString());
    evidence.put("daysSinceEnd", ChronoUnit.DAYS.between(end, asOf));
    evidence.put("reason", w.reason());
    evidence.put("maxDays", maxDays);
    if (w.until().isAfter(end)) {
      evidence.put("capped", true);
    }
    return new Finding(entry.code(), entry.rootCause(), entry.severity() == null ? Severity.WARNING : entry.severity(),
        entry.outcome(), Catalogue.render(entry.messageTemplate(), evidence),
        evidence, Catalogue.render(entry.actionTemplate(), evidence), rule);
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() || s.length() > 1 && Character.isUpperCase(s.charAt(1)) ? s
        : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
