package dev.pilotgate.model;

import java.util.Optional;

/**
 * The six stages a pilot moves through, in order. Each stage has an output; a pilot does
 * not move to the next stage until the current stage's output exists.
 */
public enum Stage {
  /** Output: success criteria with baseline, target and deadline, at least one a business outcome. */
  DEFINE_CRITERIA,
  /** Output: one named, accountable operator owner, involved from the pilot's design. */
  ACTIVATE_OWNER,
  /** Output: every data source audited recently and within the policy's limits. */
  DATA_AUDIT,
  /** Three to five early adopters for the gate period, then the gate: adoption and metrics. */
  CONTROLLED_ROLLOUT,
  /** Output: the adoption playbook and sustained usage across the eligible users. */
  ORG_WIDE_ADOPTION,
  /** Monitored for usage decay and metric regression; there is no next stage. */
  PRODUCTION;

  /** The stage after this one, or empty for {@link #PRODUCTION}. */
  public Optional<Stage> next() {
    Stage[] all = values();
    return ordinal() + 1 < all.length ? Optional.of(all[ordinal() + 1]) : Optional.empty();
  }

  /** The stage in a manager's words: "stage 4, controlled rollout". */
  public String label() {
    return "stage " + number() + ", " + name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
        .replace("org wide", "organisation-wide").replace("define criteria", "defining criteria")
        .replace("activate owner", "activating the owner");
  }

  /** The 1-based position of the stage (1 for {@link #DEFINE_CRITERIA}). */
  public int number() {
    return ordinal() + 1;
  }

  /** Whether this stage comes at or after {@code other}. */
  public boolean isAtOrAfter(Stage other) {
    return compareTo(other) >= 0;
  }
}
