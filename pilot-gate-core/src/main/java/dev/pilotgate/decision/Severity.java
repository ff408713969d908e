package dev.pilotgate.decision;

/** How much a finding weighs. */
public enum Severity {
  /** The gate cannot pass while this stands; the finding calls for HOLD, DIAGNOSE or KILL. */
  BLOCKER,
  /** A gap to close, not yet in the way of the current gate (it lowers readiness). */
  WARNING,
  /** Context: something measured or met. */
  INFO
}
