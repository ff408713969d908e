package dev.pilotgate.internal.analysis.stats;

/** Argument checks shared by the trend statistics. Stateless; safe to call from any thread. */
final class Inputs {
  private Inputs() {}

  /**
   * Refuses a null array or one holding a value that is not a finite number.
   *
   * @param values the caller's values, not modified
   * @param name   the argument's name, used in the message
   * @throws IllegalArgumentException naming the argument, the index and quoting the value
   */
  static void requireFinite(double[] values, String name) {
    if (values == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(
            name + "[" + i + "] must be a finite number but was '" + values[i] + "'");
      }
    }
  }
}
