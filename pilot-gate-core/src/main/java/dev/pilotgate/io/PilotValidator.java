package dev.pilotgate.io;

import dev.pilotgate.decision.DecisionWarning;
import dev.pilotgate.model.DataSource;
import dev.pilotgate.model.Observation;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.RecordedDecision;
import dev.pilotgate.model.SuccessCriterion;
import dev.pilotgate.model.UsageRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks of pilots that go beyond one record, usable on pilots read from documents and on
 * pilots built in code alike.
 *
 * <p>What a single pilot must satisfy is enforced where it is built: the model's constructors
 * refuse every invalid value (all problems of a record at once, in
 * {@link dev.pilotgate.model.InvalidFieldException#problems()}), and {@link PilotReader} reports
 * them for documents with file, line and path. So a {@link Pilot} that exists is valid, and
 * {@code GateEvaluator.evaluate} needs no validation step. What remains is here: pilot ids
 * unique across a portfolio, and dates after the decision day, which a decision reports as
 * {@link DecisionWarning}s ({@code GateEvaluator} attaches them to every decision).
 */
public final class PilotValidator {
  /**
   * The warning code for dates after the decision day: of usage records, observations, recorded
   * decisions, audits, criterion definitions and the rollout's start (one warning per part).
   */
  public static final String DATA_AFTER_AS_OF = "DATA_AFTER_AS_OF";

  private static final String IGNORED = " and were ignored";
  private static final String USED = "; the decision used them as written, though they could not be known that day";
  private static final String ADVICE = "; decide as of a later day, or correct their dates";

  private PilotValidator() {}

  /**
   * One problem for each pilot whose id an earlier pilot in {@code pilots} already uses (every such
   * pair is named), at path {@code [i].id}; empty when the ids are unique.
   */
  public static List<DocumentProblem> duplicateIds(List<Pilot> pilots) {
    List<DocumentProblem> problems = new ArrayList<>();
    Map<String, List<Integer>> seen = new LinkedHashMap<>();
    for (int i = 0; i < pilots.size(); i++) {
      Pilot p = Objects.requireNonNull(pilots.get(i), "pilots[" + i + "]");
      List<Integer> earlier = seen.computeIfAbsent(p.id(), id -> new ArrayList<>());
      if (!earlier.isEmpty()) {
        problems.add(new DocumentProblem(null, "[" + i + "].id", p.id(), "pilot id '" + p.id() + "' is already used by "
            + earlier.stream().map(e -> "[" + e + "]").collect(Collectors.joining(" and "))
            + "; ids must be unique in a portfolio: give this pilot another id", 0));
      }
      earlier.add(i);
    }
    return problems;
  }

  /**
   * Throws when two pilots share an id.
   *
   * @throws PilotValidationException naming every pilot whose id is already used, with source {@code portfolio}
   */
  public static List<Pilot> requireUniqueIds(List<Pilot> pilots) {
    List<DocumentProblem> problems = duplicateIds(pilots);
    if (!problems.isEmpty()) {
      throw new PilotValidationException("portfolio", problems);
    }
    return pilots;
  }

  /**
   * A {@link #DATA_AFTER_AS_OF} warning for each part of {@code pilot} with dates after {@code asOf},
   * in document order: criteria defined after it ({@code successCriteria}), audits
   * ({@code dataSources}), the rollout's start ({@code rollout}), {@code usage}, {@code observations}
   * and {@code decisions}; empty when there are none. Usage, observations, recorded decisions and
   * audits dated later are ignored by the decision (a source audited later counts as not audited);
   * criterion definitions and a rollout start are used as written, and the warning says so.
   */
  public static List<DecisionWarning> recordsAfter(Pilot pilot, LocalDate asOf) {
    // on every evaluation's path: allocates nothing when there is nothing to warn about
    DecisionWarning criteria = after("successCriteria", "criterion definitions", ".definedOn", pilot.successCriteria(),
        SuccessCriterion::definedOn, asOf, USED);
    DecisionWarning audits = after("dataSources", "data source audits", ".auditedOn", pilot.dataSources(),
        DataSource::auditedOn, asOf, " and were ignored (those sources count as not audited)");
    DecisionWarning rollout = pilot.rollout() == null || !pilot.rollout().startedOn().isAfter(asOf) ? null
        : new DecisionWarning(DATA_AFTER_AS_OF, "rollout", 1, "the rollout starts after the decision day " + asOf
            + " (rollout.startedOn is " + pilot.rollout().startedOn() + "); the decision used it as written, though it"
            + " could not be known that day; decide as of a later day, or correct the date");
    DecisionWarning usage = after("usage", "usage records", "", pilot.usage(), UsageRecord::date, asOf, IGNORED);
    DecisionWarning observations = after("observations", "observations records", "", pilot.observations(),
        Observation::date, asOf, IGNORED);
    DecisionWarning decisions = after("decisions", "decisions records", "", pilot.decisions(), RecordedDecision::date,
        asOf, IGNORED);
    if (criteria == null && audits == null && rollout == null && usage == null && observations == null
        && decisions == null) {
      return List.of();
    }
    List<DecisionWarning> warnings = new ArrayList<>(6);
    for (DecisionWarning w : new DecisionWarning[] {criteria, audits, rollout, usage, observations, decisions}) {
      if (w != null) {
        warnings.add(w);
      }
    }
    return List.copyOf(warnings);
  }

  /**
   * The warning for the records of {@code field} whose date (at {@code subfield}, e.g. {@code .auditedOn};
   * empty for the record's own date) is after {@code asOf}, or {@code null}; absent dates are not after.
   */
  private static <T> DecisionWarning after(String field, String what, String subfield, List<T> records,
      Function<T, LocalDate> date, LocalDate asOf, String consequence) {
    int count = 0;
    int first = -1;
    LocalDate latest = null;
    for (int i = 0; i < records.size(); i++) {
      LocalDate d = date.apply(records.get(i));
      if (d != null && d.isAfter(asOf)) {
        count++;
        first = first < 0 ? i : first;
        latest = latest == null || d.isAfter(latest) ? d : latest;
      }
    }
    if (count == 0) {
      return null;
    }
    return new DecisionWarning(DATA_AFTER_AS_OF, field, count, count + " of " + records.size() + " " + what
        + " are dated after the decision day " + asOf + " (the first is " + field + "[" + first + "]" + subfield
        + ", the latest dated " + latest + ")" + consequence + ADVICE);
  }
}
