package dev.pilotgate.internal.analysis;

import java.util.List;

/**
 * What the adoption playbook lacks: each missing element in words (e.g. "training for
 * manager", "management reporting"). Empty when complete.
 *
 * @param missing the missing elements, in a fixed order
 */
public record PlaybookGaps(List<String> missing) {
  public PlaybookGaps {
    missing = List.copyOf(missing);
  }
}
