package dev.pilotgate.model;

/** Who holds the pilot: only {@link #INDIVIDUAL} is a real operator owner. */
public enum OwnerKind {
  INDIVIDUAL,
  COMMITTEE,
  IT,
  VENDOR
}
