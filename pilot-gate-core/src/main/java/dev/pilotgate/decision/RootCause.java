package dev.pilotgate.decision;

/** The area a finding belongs to; the first three are the root causes of pilot purgatory. */
public enum RootCause {
  /** Production success criteria were never (properly) defined. */
  SUCCESS_CRITERIA,
  /** Nobody in operations owns adoption. */
  OPERATOR_OWNER,
  /** The data was not production-ready. */
  DATA_READINESS,
  /** The people meant to use the system are not using it. */
  ADOPTION,
  /** The metrics are not moving toward target. */
  OUTCOME,
  /** The pilot is not being governed to a decision. */
  GOVERNANCE;

  /** Whether this is one of the three root causes that readiness is measured on. */
  public boolean isReadinessArea() {
    return this == SUCCESS_CRITERIA || this == OPERATOR_OWNER || this == DATA_READINESS;
  }
}
