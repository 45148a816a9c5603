package org.alkit.diversity;

import org.alkit.api.Options;

/**
 * Options of {@code coreset-doubt}.
 *
 * @param beam partial configurations kept by the beam search, 1 ≤ beam ≤ {@value #MAX_BEAM};
 *     1 is the plain greedy
 */
record DoubtCoresetOptions(int beam) {
  /** Each configuration holds O(n) state, so the beam is bounded. */
  static final int MAX_BEAM = 256;

  DoubtCoresetOptions {
    OptionChecks.require(beam >= 1 && beam <= MAX_BEAM, "beam", beam,
        "1 <= beam <= " + MAX_BEAM);
  }

  static DoubtCoresetOptions from(Options options) {
    return new DoubtCoresetOptions(options.getInt("beam"));
  }
}
