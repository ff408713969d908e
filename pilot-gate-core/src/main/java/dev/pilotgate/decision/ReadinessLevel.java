package dev.pilotgate.decision;

/** How ready a pilot is for production, from its gaps in criteria, owner and data. */
public enum ReadinessLevel {
  /** No gap: criteria defined, owner engaged, data clean. */
  HIGH,
  /** One or two gaps to address before the pilot stages. */
  MEDIUM,
  /** Significant gaps: remediation comes before the pilot stages. */
  LOW
}
