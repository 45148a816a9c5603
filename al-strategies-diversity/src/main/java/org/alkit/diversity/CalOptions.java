package org.alkit.diversity;

import org.alkit.api.Options;

/**
 * Options of {@code cal}, read from options resolved against {@link CalProvider#parameters()},
 * which bound {@code neighbors}.
 *
 * @param neighbors labeled neighbours per unlabeled item, 1 ≤ neighbors ≤ {@value #MAX_NEIGHBORS}
 *     (fewer are used when fewer items are labeled)
 */
record CalOptions(int neighbors) {
  static final int MAX_NEIGHBORS = 10_000;

  static CalOptions from(Options options) {
    return new CalOptions(options.getInt("neighbors"));
  }
}
