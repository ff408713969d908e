package dev.pilotgate.internal.analysis;

import dev.pilotgate.model.DataSource;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.SuccessCriterion;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Derives the facts the rules compare against, in plain Java and once per evaluation, so
 * the rules stay declarative.
 */
public final class Analysis {
  private Analysis() {}

  /** Every fact the rules see for {@code pilot} on {@code asOf}: the model's parts and the derived facts. */
  public static List<Object> facts(Pilot pilot, LocalDate asOf) {
    List<Object> facts = new ArrayList<>();
    facts.add(pilot);
    facts.add(new GateContext(pilot, pilot.stage(), asOf, designStartedOn(pilot)));
    facts.addAll(pilot.successCriteria());
    if (pilot.owner() != null) {
      facts.add(pilot.owner());
    }
    for (DataSource source : pilot.dataSources()) {
      facts.add(source);
      facts.add(audit(source, asOf));
      source.deviceOffsets().forEach((device, offset) ->
          facts.add(new DeviceReading(source.name(), device, offset, Math.abs(offset))));
    }
    if (pilot.rollout() != null) {
      facts.add(pilot.rollout());
    }
    if (pilot.playbook() != null) {
      facts.add(pilot.playbook());
    }
    return facts;
  }

  static SourceAudit audit(DataSource source, LocalDate asOf) {
    Long age = source.auditedOn() == null || source.auditedOn().isAfter(asOf) ? null
        : ChronoUnit.DAYS.between(source.auditedOn(), asOf);
    List<String> unmeasured = new ArrayList<>();
    if (source.duplicateRate() == null) {
      unmeasured.add("duplicateRate");
    }
    if (source.missingHistoryMonths() == null) {
      unmeasured.add("missingHistoryMonths");
    }
    if (source.inconsistentFormatRate() == null) {
      unmeasured.add("inconsistentFormatRate");
    }
    return new SourceAudit(source, age, unmeasured);
  }

  /** The earliest of the criteria's definition dates and the launch date: when design work had surely begun. */
  static LocalDate designStartedOn(Pilot pilot) {
    return Stream.concat(pilot.successCriteria().stream().map(SuccessCriterion::definedOn), Stream.of(pilot.launchedOn()))
        .filter(Objects::nonNull)
        .min(LocalDate::compareTo)
        .orElse(null);
  }
}
