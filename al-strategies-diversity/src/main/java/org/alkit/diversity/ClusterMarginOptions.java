package org.alkit.diversity;

import org.alkit.api.Options;

/**
 * Options of {@code cluster-margin}, read from options resolved against
 * {@link ClusterMarginProvider#parameters()}, which bound each; only how two of them combine is
 * checked here.
 *
 * @param candidates the lowest-margin {@code candidates · budget} items are clustered,
 *     1 ≤ candidates ≤ {@value #MAX_CANDIDATES}
 * @param clusters number of clusters to cut the dendrogram into; 0 = ⌈√m⌉ for m clustered items
 *     (used when {@code threshold} is 0)
 * @param threshold cut at this average-linkage distance instead; 0 = off. At most one of
 *     {@code clusters} and {@code threshold} may be set
 * @param maxClustered at most this many candidates enter the O(m²) clustering, 2 ≤ maxClustered
 *     ≤ {@value #MAX_CLUSTERED}; the others join the cluster of their nearest clustered candidate
 */
record ClusterMarginOptions(int candidates, int clusters, double threshold, int maxClustered) {
  static final int MAX_CANDIDATES = 1000;
  static final int MAX_CLUSTERED = 20_000;

  ClusterMarginOptions {
    OptionChecks.require(clusters == 0 || threshold == 0, "threshold", threshold,
        "0 when clusters is set (clusters = " + clusters + ")");
  }

  static ClusterMarginOptions from(Options options) {
    return new ClusterMarginOptions(options.getInt("candidates"), options.getInt("clusters"),
        options.getDouble("threshold"), options.getInt("max-clustered"));
  }
}
