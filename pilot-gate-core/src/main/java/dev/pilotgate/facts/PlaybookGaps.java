package dev.pilotgate.facts;

import java.util.List;

/**
 * What the adoption playbook lacks: each missing element in words (e.g. "training for
 * manager", "management reporting of usage"). Empty when complete.
 *
 * @param written whether a playbook exists at all
 * @param missing the missing elements, in a fixed order (every element when none is written)
 */
public record PlaybookGaps(boolean written, List<String> missing) {
  public PlaybookGaps {
    missing = List.copyOf(missing);
  }
}
