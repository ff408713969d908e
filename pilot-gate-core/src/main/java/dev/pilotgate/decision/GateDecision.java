package dev.pilotgate.decision;

import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.Stage;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer for one pilot on one day: the outcome, the stage it applies to, the findings
 * behind it, and the rule-set version that decided it. Immutable and thread-safe.
 *
 * @param pilotId      the pilot's id; required
 * @param pilotName    the pilot's name; required
 * @param stage        the stage the gate was evaluated at; required
 * @param outcome      the decision, by precedence over the findings; required
 * @param nextStage    the stage to move to; present only for {@code GO} below production, else {@code null}
 * @param findings     the findings, most severe first; may be empty
 * @param readiness    readiness and weeks to production; required
 * @param trends       the trend of each success criterion that has a target, in criteria order
 * @param adoption     who used the system in the activity window, or {@code null} without a rollout
 * @param asOf         the day the decision is for; required
 * @param rulesVersion short content hash of the rule set that decided (rules, policy, catalogue, scenarios); required
 * @param warnings     what the reader should know about the input that no rule judged (e.g. records dated
 *                     after {@code asOf}, which were ignored); never changes the outcome; may be empty
 * @param waivers      the pilot's waivers and where each stands on {@code asOf}, in document order; may be empty
 * @param nextReviewOn the next date that matters (a gate falling due, a criterion's deadline, the end of the
 *                     grace after the planned end, an upkeep gap's due date), when it comes before the
 *                     regular review ({@code asOf + review.intervalDays}), else that regular review; never
 *                     before {@code asOf}; null only in decisions made without it
 */
public record GateDecision(
    String pilotId,
    String pilotName,
    Stage stage,
    GateOutcome outcome,
    Stage nextStage,
    List<Finding> findings,
    Readiness readiness,
    List<MetricTrend> trends,
    AdoptionSnapshot adoption,
    LocalDate asOf,
    String rulesVersion,
    List<DecisionWarning> warnings,
    List<WaiverStatus> waivers,
    LocalDate nextReviewOn) {

  public GateDecision {
    Objects.requireNonNull(pilotId, "pilotId");
    Objects.requireNonNull(pilotName, "pilotName");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(outcome, "outcome");
    if (outcome != GateOutcome.GO && nextStage != null) {
      throw new IllegalArgumentException("nextStage must be null unless GO but was " + nextStage);
    }
    findings = List.copyOf(findings);
    Objects.requireNonNull(readiness, "readiness");
    trends = trends == null ? List.of() : List.copyOf(trends);
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(rulesVersion, "rulesVersion");
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
    waivers = waivers == null ? List.of() : List.copyOf(waivers);
    if (nextReviewOn != null && nextReviewOn.isBefore(asOf)) {
      throw new IllegalArgumentException("nextReviewOn (" + nextReviewOn + ") must not be before asOf (" + asOf + ")");
    }
  }

  /** A decision without a next review date (as version 0.1 made them). */
  public GateDecision(String pilotId, String pilotName, Stage stage, GateOutcome outcome, Stage nextStage,
      List<Finding> findings, Readiness readiness, List<MetricTrend> trends, AdoptionSnapshot adoption,
      LocalDate asOf, String rulesVersion, List<DecisionWarning> warnings, List<WaiverStatus> waivers) {
    this(pilotId, pilotName, stage, outcome, nextStage, findings, readiness, trends, adoption, asOf, rulesVersion,
        warnings, waivers, null);
  }

  /** A decision without waivers and without a next review date. */
  public GateDecision(String pilotId, String pilotName, Stage stage, GateOutcome outcome, Stage nextStage,
      List<Finding> findings, Readiness readiness, List<MetricTrend> trends, AdoptionSnapshot adoption,
      LocalDate asOf, String rulesVersion, List<DecisionWarning> warnings) {
    this(pilotId, pilotName, stage, outcome, nextStage, findings, readiness, trends, adoption, asOf, rulesVersion,
        warnings, List.of(), null);
  }

  /** A decision without warnings. */
  public GateDecision(String pilotId, String pilotName, Stage stage, GateOutcome outcome, Stage nextStage,
      List<Finding> findings, Readiness readiness, List<MetricTrend> trends, AdoptionSnapshot adoption,
      LocalDate asOf, String rulesVersion) {
    this(pilotId, pilotName, stage, outcome, nextStage, findings, readiness, trends, adoption, asOf, rulesVersion,
        List.of(), List.of());
  }

  /** This decision with {@code warnings} in place of its own. */
  public GateDecision withWarnings(List<DecisionWarning> warnings) {
    return new GateDecision(pilotId, pilotName, stage, outcome, nextStage, findings, readiness, trends, adoption,
        asOf, rulesVersion, warnings, waivers, nextReviewOn);
  }

  /** The first finding with this code, if any. */
  public Optional<Finding> finding(String code) {
    return findings.stream().filter(f -> f.code().equals(code)).findFirst();
  }

  /** Whether a finding with this code is present. */
  public boolean hasFinding(String code) {
    return finding(code).isPresent();
  }
}
