package org.alkit.diversity;

import org.alkit.api.InvalidInputException;

/**
 * The one message shape for an option value that its declared range cannot rule out (a hole in the
 * range, a clash with another option): key, bad value, what was expected.
 */
final class OptionChecks {
  private OptionChecks() {}

  /**
   * @throws InvalidInputException "option 'prefilter' = 0.5: expected 0 (off) or 1 <= prefilter <= 1000.0"
   *     when not {@code ok}
   */
  static void require(boolean ok, String key, Object value, String expected) {
    if (!ok) {
      throw new InvalidInputException("option '" + key + "' = " + value + ": expected " + expected);
    }
  }
}
