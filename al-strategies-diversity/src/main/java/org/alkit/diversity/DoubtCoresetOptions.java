package org.alkit.diversity;

import org.alkit.api.Options;

/**
 * Options of {@code coreset-doubt}, read from options resolved against
 * {@link DoubtCoresetProvider#parameters()}, which bound {@code beam}.
 *
 * @param beam partial configurations kept by the beam search, 1 ≤ beam ≤ {@value #MAX_BEAM};
 *     1 is the plain greedy
 */
record DoubtCoresetOptions(int beam) {
  /** Each configuration holds O(n) state, so the beam is bounded. */
  static final int MAX_BEAM = 256;

  static DoubtCoresetOptions from(Options options) {
    return new DoubtCoresetOptions(options.getInt("beam"));
  }
}
