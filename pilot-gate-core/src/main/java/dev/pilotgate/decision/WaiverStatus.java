package dev.pilotgate.decision;

import dev.pilotgate.model.Waiver;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One of the pilot's waivers as it stands on the decision day. Immutable and thread-safe.
 *
 * @param waiver  the waiver as the pilot document gives it; required
 * @param state   whether it counts on the decision day; required
 * @param endsOn  the last day it counts: its {@code until}, or {@code approvedOn} plus the policy's
 *                {@code waiver.maxDays} when that is earlier; required
 * @param capped  whether {@code until} runs past {@code waiver.maxDays}, so that only the policy's bound counts
 * @param maxDays the policy's {@code waiver.maxDays} it was judged with
 */
public record WaiverStatus(Waiver waiver, State state, LocalDate endsOn, boolean capped, int maxDays) {
  /** Where a waiver stands on the decision day. */
  public enum State {
    /** Approved on or before the decision day, which is not after its end: it waives. */
    IN_FORCE,
    /** Its end is before the decision day: what it waived counts again. */
    EXPIRED,
    /** Approved after the decision day: it does not count yet. */
    NOT_YET
  }

  public WaiverStatus {
    Objects.requireNonNull(waiver, "waiver");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(endsOn, "endsOn");
  }
}
