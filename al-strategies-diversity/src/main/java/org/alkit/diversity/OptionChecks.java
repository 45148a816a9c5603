package org.alkit.diversity;

import org.alkit.api.InvalidInputException;

/** The one message shape for an option out of range: key, bad value, what was expected. */
final class OptionChecks {
  private OptionChecks() {}

  /**
   * @throws InvalidInputException "option 'beam' = 0: expected 1 <= beam <= 256" when not {@code ok}
   */
  static void require(boolean ok, String key, Object value, String expected) {
    if (!ok) {
      throw new InvalidInputException("option '" + key + "' = " + value + ": expected " + expected);
    }
  }
}
