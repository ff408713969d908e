package dev.pilotgate.model;

import java.util.Locale;

/**
 * How user ids (early adopters, the users of usage records) are compared: trimmed of surrounding
 * white space and ignoring case, so that the early adopter {@code "Maria "} and usage by
 * {@code "maria"} are the same person. A user id is kept as written; only comparisons use
 * {@link #key(String)}. Thread-safe.
 */
public final class UserIds {
  private UserIds() {}

  /**
   * The form user ids are compared in: {@code id} stripped of leading and trailing white space and
   * in lower case ({@link Locale#ROOT}). Returns {@code id} itself when it is already in that form.
   */
  public static String key(String id) {
    return id.strip().toLowerCase(Locale.ROOT);
  }

  /** Whether {@code a} and {@code b} name the same user. */
  public static boolean same(String a, String b) {
    return key(a).equals(key(b));
  }
}
