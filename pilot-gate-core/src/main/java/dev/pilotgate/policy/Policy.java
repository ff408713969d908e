package dev.pilotgate.policy;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The thresholds the rules compare against, read from the rule set's
 * {@code policy.properties}. Rules read values with {@link #get(String)} and
 * {@link #getInt(String)}; asking for a key the file does not define is an error, never a
 * silent zero. Immutable and thread-safe.
 */
public final class Policy {
  private final Map<String, Double> values;
  // Rules look values up on every evaluation: by hash, not by walking the sorted map.
  private final Map<String, Double> lookup;

  /** A policy of the given values; the map is copied. Loading validates keys; this constructor does not. */
  public Policy(Map<String, Double> values) {
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    this.lookup = new HashMap<>(this.values);
  }

  /**
   * The value of {@code key}.
   *
   * @throws IllegalArgumentException if the policy does not define {@code key}
   */
  public double get(String key) {
    Double value = lookup.get(key);
    if (value == null) {
      throw new IllegalArgumentException("policy has no key '" + key + "'; defined keys: " + values.keySet());
    }
    return value;
  }

  /**
   * The value of {@code key} as a whole number.
   *
   * @throws IllegalArgumentException if the key is not defined or its value is not a whole number
   */
  public int getInt(String key) {
    double value = get(key);
    if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("policy key '" + key + "' must be a whole number but was " + value);
    }
    return (int) value;
  }

  /** The defined keys, sorted. */
  public Set<String> keys() {
    return values.keySet();
  }

  /** All values by key, sorted and unmodifiable. */
  public Map<String, Double> asMap() {
    return values;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Policy p && p.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "Policy" + values;
  }
}
