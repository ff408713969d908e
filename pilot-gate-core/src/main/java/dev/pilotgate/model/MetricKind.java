package dev.pilotgate.model;

/** Whether a success criterion measures the business process or only the technology. */
public enum MetricKind {
  /** An outcome of the process the AI improves (time saved, error rate, revenue). */
  BUSINESS,
  /** A property of the system itself (model accuracy, uptime); says nothing about value delivered. */
  TECHNOLOGY
}
