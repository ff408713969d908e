package dev.pilotgate.facts;

import dev.pilotgate.model.DataSource;
import java.util.List;

/**
 * What the decision day knows of a data source's audit. An audit dated after the decision
 * day has not happened yet as of that day, so it counts as no audit.
 *
 * @param source     the data source
 * @param ageDays    days since its audit, or {@code null} when it has no audit on or before the decision day
 * @param unmeasured the audit measurements that are absent (duplicate rate, missing history,
 *                   inconsistent-format rate), in that order; empty when all were measured
 */
public record SourceAudit(DataSource source, Long ageDays, List<String> unmeasured) {
  public SourceAudit {
    unmeasured = List.copyOf(unmeasured);
  }

  public String name() {
    return source.name();
  }
}
