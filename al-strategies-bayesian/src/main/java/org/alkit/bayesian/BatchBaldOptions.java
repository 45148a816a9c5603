package org.alkit.bayesian;

import org.alkit.api.InvalidInputException;
import org.alkit.api.Options;

/**
 * Options of {@code batch-bald}.
 *
 * @param maxConfigurations the joint entropy is exact while the batch's label configurations
 *     (C^|A|) number at most this, 1 ≤ value ≤ {@value #MAX}
 * @param samples configurations drawn for the sampled estimate beyond, 1 ≤ value ≤ {@value #MAX}
 */
record BatchBaldOptions(int maxConfigurations, int samples) {
  /** The largest value of either option: {@code 12 · T} bytes each, 1.2 GB at T = 100. */
  static final int MAX = 1_000_000;

  BatchBaldOptions {
    require("max-configurations", maxConfigurations);
    require("samples", samples);
  }

  static BatchBaldOptions from(Options options) {
    return new BatchBaldOptions(options.getInt("max-configurations"), options.getInt("samples"));
  }

  private static void require(String key, int value) {
    if (value < 1 || value > MAX) {
      throw new InvalidInputException("option '" + key + "' = " + value + ": expected 1 <= " + key
          + " <= " + MAX);
    }
  }
}
