package org.alkit.diversity;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Agglomerative clustering with average linkage (UPGMA): the distance between clusters A and B
 * is the mean of ‖a − b‖₂ over all pairs. Built with the nearest-neighbour chain algorithm
 * (Murtagh, "A survey of recent advances in hierarchical clustering algorithms", 1983) and the
 * Lance–Williams update d(k, i∪j) = (|i|·d(k, i) + |j|·d(k, j)) / (|i| + |j|), which is exact
 * for average linkage; {@code O(m²)} time and memory for m points.
 *
 * <p>Average linkage is reducible, so sorting the chain's merges by height (stably) gives the
 * dendrogram; {@link #cut(int)} and {@link #cutAt(double)} replay the merges with a union-find.
 * Ties among nearest neighbours go to the lower index.
 */
final class AverageLinkage {
  private final int size;
  /** Merges (a, b, height), sorted by height; a and b are points of the two clusters. */
  private final int[] mergeA;
  private final int[] mergeB;
  private final double[] height;

  private AverageLinkage(int size, int[] mergeA, int[] mergeB, double[] height) {
    this.size = size;
    this.mergeA = mergeA;
    this.mergeB = mergeB;
    this.height = height;
  }

  /**
   * Clusters m points given their m × m squared distances (row-major; consumed).
   */
  static AverageLinkage of(int m, double[] squaredDistances) {
    double[] d = squaredDistances;
    for (int i = 0; i < d.length; i++) {
      d[i] = Math.sqrt(Math.max(0, d[i]));
    }
    boolean[] active = new boolean[m];
    Arrays.fill(active, true);
    int[] count = new int[m];
    Arrays.fill(count, 1);
    int[] a = new int[Math.max(0, m - 1)];
    int[] b = new int[a.length];
    double[] h = new double[a.length];
    int merges = 0;
    int[] chain = new int[m];
    int top = 0;
    int next = 0;
    while (merges < m - 1) {
      if (top == 0) {
        while (!active[next]) {
          next++;
        }
        chain[top++] = next;
      }
      int x = chain[top - 1];
      int previous = top >= 2 ? chain[top - 2] : -1;
      int y = previous;
      double best = previous >= 0 ? d[x * m + previous] : Double.POSITIVE_INFINITY;
      for (int z = 0; z < m; z++) {
        if (active[z] && z != x && d[x * m + z] < best) {
          best = d[x * m + z];
          y = z;
        }
      }
      if (y == previous) {
        top -= 2;
        int keep = Math.min(x, y);
        int gone = Math.max(x, y);
        a[merges] = keep;
        b[merges] = gone;
        h[merges] = best;
        merges++;
        for (int z = 0; z < m; z++) {
          if (active[z] && z != keep && z != gone) {
            double v = (count[keep] * d[keep * m + z] + count[gone] * d[gone * m + z])
                / (count[keep] + count[gone]);
            d[keep * m + z] = v;
            d[z * m + keep] = v;
          }
        }
        count[keep] += count[gone];
        active[gone] = false;
      } else {
        chain[top++] = y;
      }
    }
    Integer[] order = new Integer[merges];
    for (int t = 0; t < merges; t++) {
      order[t] = t;
    }
    Arrays.sort(order, Comparator.comparingDouble(t -> h[t]));
    int[] sa = new int[merges];
    int[] sb = new int[merges];
    double[] sh = new double[merges];
    for (int t = 0; t < merges; t++) {
      sa[t] = a[order[t]];
      sb[t] = b[order[t]];
      sh[t] = h[order[t]];
    }
    return new AverageLinkage(m, sa, sb, sh);
  }

  /** Labels 0 … c−1 for {@code clusters} clusters (at most m, at least 1). */
  int[] cut(int clusters) {
    return replay(size - Math.max(1, Math.min(clusters, size)));
  }

  /** Labels after every merge of average distance ≤ {@code threshold}. */
  int[] cutAt(double threshold) {
    int merges = 0;
    while (merges < height.length && height[merges] <= threshold) {
      merges++;
    }
    return replay(merges);
  }

  /** Cluster labels after the first {@code merges} merges, numbered by lowest member. */
  private int[] replay(int merges) {
    int[] parent = new int[size];
    for (int i = 0; i < size; i++) {
      parent[i] = i;
    }
    for (int t = 0; t < merges; t++) {
      int ra = find(parent, mergeA[t]);
      int rb = find(parent, mergeB[t]);
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
    int[] label = new int[size];
    int[] labelOfRoot = new int[size];
    Arrays.fill(labelOfRoot, -1);
    int labels = 0;
    for (int i = 0; i < size; i++) {
      int r = find(parent, i);
      if (labelOfRoot[r] < 0) {
        labelOfRoot[r] = labels++;
      }
      label[i] = labelOfRoot[r];
    }
    return label;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }
}
