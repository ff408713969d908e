package dev.pilotgate.model;

import java.time.LocalDate;
import java.util.Map;

/**
 * A data source the AI application uses, with the results of its last audit. Measurements
 * are {@code null} when not measured; the rules treat an unmeasured source like an
 * unaudited one. Immutable and thread-safe.
 *
 * @param name                   required, not blank
 * @param auditedOn              date of the last audit, {@code null} when never audited
 * @param duplicateRate          share of duplicate records, in [0, 1]
 * @param missingHistoryMonths   months of history missing, not negative
 * @param inconsistentFormatRate share of records in inconsistent formats, in [0, 1]
 * @param curatedForDemo         whether the pilot ran on a curated set rather than production data
 * @param governanceDocumented   whether governance rules for the source are written down; {@code false} when not stated
 * @param deviceOffsets          relative reading offset per device (0.12 means 12% high); empty when none
 */
public record DataSource(
    String name,
    LocalDate auditedOn,
    Double duplicateRate,
    Integer missingHistoryMonths,
    Double inconsistentFormatRate,
    boolean curatedForDemo,
    boolean governanceDocumented,
    Map<String, Double> deviceOffsets) {

  public DataSource {
    Checks c = new Checks();
    c.requiredText(name, "name");
    c.date(auditedOn, "auditedOn");
    c.rate(duplicateRate, "duplicateRate");
    if (missingHistoryMonths != null) {
      c.nonNegative(missingHistoryMonths, "missingHistoryMonths");
    }
    c.rate(inconsistentFormatRate, "inconsistentFormatRate");
    deviceOffsets = c.map(deviceOffsets, "deviceOffsets");
    deviceOffsets.forEach((device, offset) -> c.finite(offset, "deviceOffsets." + device));
    c.done();
  }
}
