package org.alkit.diversity;

import org.alkit.api.Options;

/**
 * Options of {@code kmeans}, read from options resolved against {@link KMeansProvider#parameters()},
 * which bound both.
 *
 * @param iterations Lloyd iterations after k-means++ seeding, 0 ≤ iterations ≤ {@value #MAX_ITERATIONS}
 * @param prefilter β: cluster only the β·budget lowest-margin items; 0 or 1 is off, otherwise
 *     1 &lt; β ≤ {@value #MAX_PREFILTER}
 */
record KMeansOptions(int iterations, double prefilter) {
  static final int MAX_ITERATIONS = 1000;
  /** Lloyd steps of {@code kmeans} by default, and of the strategies that cluster without an option for it. */
  static final int DEFAULT_ITERATIONS = 20;
  static final double MAX_PREFILTER = 1000;

  KMeansOptions {
    // the declared range [0, MAX_PREFILTER] is checked when the options are resolved; (0, 1) is a hole in it
    OptionChecks.require(prefilter == 0 || prefilter >= 1,
        "prefilter", prefilter, "0 (off) or 1 <= prefilter <= " + MAX_PREFILTER);
  }

  static KMeansOptions from(Options options) {
    return new KMeansOptions(options.getInt("iterations"), options.getDouble("prefilter"));
  }

  /** Whether the margin prefilter is on (β > 1). */
  boolean prefiltering() {
    return prefilter > 1;
  }
}
