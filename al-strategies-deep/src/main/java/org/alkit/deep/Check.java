package org.alkit.deep;

import org.alkit.api.InvalidInputException;
import org.alkit.api.Options;

/** Range checks of the strategies' options: one message naming the owner, the option, the value and the range. */
final class Check {
  /** The largest accepted epoch and step counts. */
  static final int MAX_EPOCHS = 100_000;

  private Check() {}

  /** An integer option in [min, max]. */
  static int between(Options options, String key, int min, int max) {
    int value = options.getInt(key);
    if (value < min || value > max) {
      throw new InvalidInputException(options.owner() + ": option '" + key + "' = " + value + ": expected " + min
          + " <= " + key + (max == Integer.MAX_VALUE ? "" : " <= " + max));
    }
    return value;
  }

  /** A real option, finite and at least {@code min} (above it when {@code strict}). */
  static double atLeast(Options options, String key, double min, boolean strict) {
    double value = options.getDouble(key);
    if (!(strict ? value > min : value >= min) || !Double.isFinite(value)) {
      throw new InvalidInputException(options.owner() + ": option '" + key + "' = " + value + ": expected a finite "
          + key + (strict ? " > " : " >= ") + min);
    }
    return value;
  }

  /** A real option in [min, max]. */
  static double between(Options options, String key, double min, double max) {
    double value = options.getDouble(key);
    if (!(value >= min && value <= max)) {
      throw new InvalidInputException(options.owner() + ": option '" + key + "' = " + value + ": expected " + min
          + " <= " + key + " <= " + max);
    }
    return value;
  }
}
