package org.alkit.bayesian;

import org.alkit.api.Options;

/**
 * Options of {@code batch-bald}, read from options resolved against
 * {@link BatchBaldProvider#parameters()}, which bound each.
 *
 * @param maxConfigurations the joint entropy is exact while the batch's label configurations
 *     (C^|A|) number at most this, 1 ≤ value ≤ {@value #MAX}
 * @param samples configurations drawn for the sampled estimate beyond, 1 ≤ value ≤ {@value #MAX}
 * @param tolerance in sampled steps, a candidate is taken once its estimated gain is within
 *     {@code tolerance · ln C / (2√samples)} (that many of the estimate's standard-error bounds)
 *     of every other candidate's upper bound; 0 ≤ value ≤ {@value #MAX_TOLERANCE}, 0 for the
 *     plain greedy on the estimate
 */
record BatchBaldOptions(int maxConfigurations, int samples, double tolerance) {
  /** The largest tolerance, in standard errors. */
  static final double MAX_TOLERANCE = 10;

  /** The largest value of either option: {@code 12 · T} bytes each, 1.2 GB at T = 100. */
  static final int MAX = 1_000_000;

  static BatchBaldOptions from(Options options) {
    return new BatchBaldOptions(options.getInt("max-configurations"), options.getInt("samples"),
        options.getDouble("tolerance"));
  }
}
