package dev.pilotgate.io;

import dev.pilotgate.decision.DecisionWarning;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.RecordedDecision;
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
 * unique across a portfolio, and records dated after the decision day, which a decision ignores
 * and reports as {@link DecisionWarning}s ({@code GateEvaluator} attaches them to every decision).
 */
public final class PilotValidator {
  /** The warning code for records dated after the decision day. */
  public static final String DATA_AFTER_AS_OF = "DATA_AFTER_AS_OF";

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
   * A {@link #DATA_AFTER_AS_OF} warning for each list of {@code pilot} (usage, observations,
   * decisions) with records dated after {@code asOf}; empty when there are none.
   */
  public static List<DecisionWarning> recordsAfter(Pilot pilot, LocalDate asOf) {
    // on every evaluation's path: allocates nothing when there is nothing to warn about
    DecisionWarning usage = after("usage", pilot.usage(), r -> r.date(), asOf);
    DecisionWarning observations = after("observations", pilot.observations(), o -> o.date(), asOf);
    DecisionWarning decisions = after("decisions", pilot.decisions(), RecordedDecision::date, asOf);
    if (usage == null && observations == null && decisions == null) {
      return List.of();
    }
    List<DecisionWarning> warnings = new ArrayList<>(3);
    for (DecisionWarning w : new DecisionWarning[] {usage, observations, decisions}) {
      if (w != null) {
        warnings.add(w);
      }
    }
    return List.copyOf(warnings);
  }

  private static <T> DecisionWarning after(String field, List<T> records, Function<T, LocalDate> date,
      LocalDate asOf) {
    int count = 0;
    int first = -1;
    LocalDate latest = null;
    for (int i = 0; i < records.size(); i++) {
      LocalDate d = date.apply(records.get(i));
      if (d.isAfter(asOf)) {
        count++;
        first = first < 0 ? i : first;
        latest = latest == null || d.isAfter(latest) ? d : latest;
      }
    }
    if (count == 0) {
      return null;
    }
    return new DecisionWarning(DATA_AFTER_AS_OF, field, count, count + " of " + records.size() + " " + field
        + " records are dated after the decision day " + asOf + " (the first is " + field + "[" + first
        + "], the latest dated " + latest + ") and were ignored; decide as of a later day, or correct their dates");
  }
}
