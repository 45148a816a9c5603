package org.alkit.diversity;

import org.alkit.api.Options;

/**
 * Options of {@code probcover}, read from options resolved against
 * {@link ProbCoverProvider#parameters()}, which bound each.
 *
 * @param delta the ball radius δ; 0 picks it by the purity rule
 * @param purity α of the purity rule, 0 &lt; α ≤ 1
 * @param clusters k-means clusters of the purity rule (the paper: the number of classes), ≥ 2
 */
record ProbCoverOptions(double delta, double purity, int clusters) {
  static final int MAX_CLUSTERS = 100_000;

  static ProbCoverOptions from(Options options) {
    return new ProbCoverOptions(options.getDouble("delta"), options.getDouble("purity"),
        options.getInt("clusters"));
  }

  /** Whether δ comes from the purity rule rather than from {@link #delta()}. */
  boolean byPurity() {
    return delta == 0;
  }
}
