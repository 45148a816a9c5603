package org.alkit.diversity;

import org.alkit.api.Options;

/**
 * Options of {@code cal}.
 *
 * @param neighbors labeled neighbours per unlabeled item, 1 ≤ neighbors ≤ {@value #MAX_NEIGHBORS}
 *     (fewer are used when fewer items are labeled)
 */
record CalOptions(int neighbors) {
  static final int MAX_NEIGHBORS = 10_000;

  CalOptions {
    OptionChecks.require(neighbors >= 1 && neighbors <= MAX_NEIGHBORS, "neighbors", neighbors,
        "1 <= neighbors <= " + MAX_NEIGHBORS);
  }

  static CalOptions from(Options options) {
    return new CalOptions(options.getInt("neighbors"));
  }
}
