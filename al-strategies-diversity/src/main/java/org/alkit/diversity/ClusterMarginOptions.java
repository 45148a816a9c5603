package org.alkit.diversity;

import org.alkit.api.Options;

/**
 * Options of {@code cluster-margin}.
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
    OptionChecks.require(candidates >= 1 && candidates <= MAX_CANDIDATES, "candidates", candidates,
        "1 <= candidates <= " + MAX_CANDIDATES);
    OptionChecks.require(clusters >= 0, "clusters", clusters, "clusters >= 0 (0 = sqrt of the clustered count)");
    OptionChecks.require(threshold >= 0, "threshold", threshold, "threshold >= 0 (0 = off)");
    OptionChecks.require(clusters == 0 || threshold == 0, "threshold", threshold,
        "0 when clusters is set (clusters = " + clusters + ")");
    OptionChecks.require(maxClustered >= 2 && maxClustered <= MAX_CLUSTERED, "max-clustered",
        maxClustered, "2 <= max-clustered <= " + MAX_CLUSTERED);
  }

  static ClusterMarginOptions from(Options options) {
    return new ClusterMarginOptions(options.getInt("candidates"), options.getInt("clusters"),
        options.getDouble("threshold"), options.getInt("max-clustered"));
  }
}
