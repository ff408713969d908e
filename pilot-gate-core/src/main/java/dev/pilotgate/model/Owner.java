package dev.pilotgate.model;

import java.time.LocalDate;

/**
 * The operator owner: the person whose performance is tied to the pilot's adoption.
 * Immutable and thread-safe.
 *
 * @param name          who; required, not blank
 * @param role          their job, optional
 * @param kind          an individual, or a committee, IT, or the vendor; required
 * @param accountable   whether their performance is tied to adoption; {@code false} when not stated
 * @param involvedSince the date they got involved, or {@code null} when unknown
 */
public record Owner(String name, String role, OwnerKind kind, boolean accountable, LocalDate involvedSince) {
  public Owner {
    Checks c = new Checks();
    c.requiredText(name, "name");
    c.required(kind, "kind", OwnerKind.values());
    c.date(involvedSince, "involvedSince");
    c.done();
  }
}
