package dev.pilotgate.model;

import java.util.Map;

/**
 * The org-wide adoption playbook. Immutable and thread-safe.
 *
 * @param trainingByRole      for each user role, whether its training exists; empty when none is named
 * @param managementReporting whether management reporting makes usage visible
 * @param edgeCaseProcess     whether there is a process for edge cases
 * @param governanceStructure whether an ongoing governance structure exists
 */
public record Playbook(
    Map<String, Boolean> trainingByRole,
    boolean managementReporting,
    boolean edgeCaseProcess,
    boolean governanceStructure) {

  public Playbook {
    Checks c = new Checks();
    trainingByRole = c.map(trainingByRole, "trainingByRole");
    c.done();
  }
}
