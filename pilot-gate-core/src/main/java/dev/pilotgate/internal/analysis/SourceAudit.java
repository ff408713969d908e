package dev.pilotgate.internal.analysis;

import dev.pilotgate.model.DataSource;

/**
 * How old a data source's audit is on the decision day.
 *
 * @param source  the data source
 * @param ageDays days since its audit, or {@code null} when it was never audited
 */
public record SourceAudit(DataSource source, Long ageDays) {
  public String name() {
    return source.name();
  }
}
