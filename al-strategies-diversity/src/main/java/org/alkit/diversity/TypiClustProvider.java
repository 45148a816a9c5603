package org.alkit.diversity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.alkit.api.ComputeBackend;
import org.alkit.api.Matrix;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;
import org.alkit.commons.BoundedHeap;
import org.apiguardian.api.API;

/**
 * {@code typiclust}: one typical item from each of the largest uncovered clusters, for low budgets
 * (Hacohen, Dekel &amp; Weinshall, "Active Learning on a Budget: Opposite Strategies Suit High and
 * Low Budgets", ICML 2022, Algorithm 1).
 *
 * <ol>
 *   <li>k-means ({@link Lloyd}, 20 steps, drawn with {@code ctx.random()}) on the whole pool into
 *       K = min(|L| + B, {@code max-clusters}) clusters (the paper caps K at 500).</li>
 *   <li>Each pick takes, among the clusters with a free (unlabeled, unpicked) member, the one
 *       holding the fewest labeled or picked items, then the largest, then the lowest cluster
 *       number: the largest cluster holding none while there is one (the paper's ordering).</li>
 *   <li>From its free members it takes the most typical,
 *       <pre>  typicality(x) = 1 / (mean_{y ∈ kNN(x)} ‖x − y‖ + 10⁻⁵)</pre>
 *       over the k = min(20, ⌊m/2⌋) nearest other free members of the cluster (m of them; the
 *       10⁻⁵ is the paper's code's guard against duplicates), ties to the lower pool index, and
 *       is scored by it. A lone member is taken with typicality 0.</li>
 * </ol>
 *
 * <p>Cost: k-means {@code O(n·K·d)} per step; the typicality {@code O(m²·d)} per pick from the
 * backend's squared distances, in blocks of {@value #BLOCK} rows ({@code O(BLOCK·m)} memory), each
 * row's 20 nearest kept in a {@link BoundedHeap}.
 * Requires {@link Signal#EMBEDDINGS}.
 */
@API(status = EXPERIMENTAL, since = "0.3")
public final class TypiClustProvider implements StrategyProvider {
  /** The paper's neighbourhood size. */
  static final int NEIGHBOURS = 20;
  /** The paper's guard against a zero mean distance. */
  static final double EPSILON = 1e-5;
  /** Rows per block of squared distances. */
  private static final int BLOCK = 256;

  @Override
  public String name() {
    return "typiclust";
  }

  @Override
  public String family() {
    return "diversity";
  }

  @Override
  public String description() {
    return "most typical item of the largest uncovered k-means clusters, for low budgets (TypiClust, Hacohen et al. 2022)";
  }

  @Override
  public Set<Signal> requires() {
    return Set.of(Signal.EMBEDDINGS);
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(Parameter.integer("max-clusters", 500, "cap on the k-means clusters |L| + budget")
        .atLeast(1).atMost(ProbCoverOptions.MAX_CLUSTERS));
  }

  @Override
  public Strategy create(Options options) {
    int maxClusters = options.getInt("max-clusters");
    return ctx -> select(ctx, options, maxClusters);
  }

  private Selection select(SelectionContext ctx, Options options, int maxClusters) {
    int budget = ctx.selectionSize();
    int[] picked = new int[budget];
    double[] scores = new double[budget];
    if (budget == 0) {
      return Selection.of(name(), options, picked, scores);
    }
    Matrix embeddings = ctx.matrix(Signal.EMBEDDINGS);
    int n = embeddings.rows();
    int[] all = new int[n];
    Arrays.setAll(all, i -> i);
    int k = Math.min(Math.min(ctx.labeled().length + budget, maxClusters), n);
    int[] cluster = Lloyd.cluster(ctx.backend(), embeddings, all, k, KMeansOptions.DEFAULT_ITERATIONS,
        ctx.random()).assignment().index();
    int[] size = new int[k];
    int[] taken = new int[k];
    int[] free = new int[k];
    boolean[] used = new boolean[n];
    for (int x = 0; x < n; x++) {
      size[cluster[x]]++;
    }
    for (int l : ctx.labeled()) {
      taken[cluster[l]]++;
      used[l] = true;
    }
    for (int u : ctx.unlabeled()) {
      free[cluster[u]]++;
    }
    for (int r = 0; r < budget; r++) {
      int c = -1;
      for (int j = 0; j < k; j++) {
        if (free[j] > 0 && (c < 0 || taken[j] < taken[c] || taken[j] == taken[c] && size[j] > size[c])) {
          c = j;
        }
      }
      int[] members = freeMembers(cluster, c, used);
      double[] typicality = typicality(ctx.backend(), embeddings.select(members));
      int best = 0;
      for (int i = 1; i < members.length; i++) {
        if (typicality[i] > typicality[best]) {
          best = i;
        }
      }
      picked[r] = members[best];
      scores[r] = typicality[best];
      used[members[best]] = true;
      taken[c]++;
      free[c]--;
    }
    return Selection.of(name(), options, picked, scores);
  }

  /** The unused points of cluster {@code c}, ascending. */
  private static int[] freeMembers(int[] cluster, int c, boolean[] used) {
    int[] out = new int[cluster.length];
    int m = 0;
    for (int x = 0; x < cluster.length; x++) {
      if (cluster[x] == c && !used[x]) {
        out[m++] = x;
      }
    }
    return Arrays.copyOf(out, m);
  }

  /**
   * 1 / (mean distance to the k = min(20, ⌊m/2⌋) nearest other rows + 10⁻⁵) of each of the m rows;
   * 0 for a lone row.
   */
  static double[] typicality(ComputeBackend backend, Matrix points) {
    int m = points.rows();
    double[] out = new double[m];
    int k = Math.min(NEIGHBOURS, m / 2);
    if (k == 0) {
      return out;
    }
    int[] ids = new int[k];
    double[] keys = new double[k];
    for (int i0 = 0; i0 < m; i0 += BLOCK) {
      Matrix d2 = backend.squaredDistances(points.rows(i0, Math.min(m, i0 + BLOCK)), points);
      for (int i = 0; i < d2.rows(); i++) {
        BoundedHeap nearest = new BoundedHeap(k);
        for (int j = 0; j < m; j++) {
          if (j != i0 + i) {
            nearest.offer(-d2.get(i, j), j);
          }
        }
        nearest.drainBestFirst(ids, keys);
        double sum = 0;
        for (int t = 0; t < k; t++) {
          sum += Math.sqrt(-keys[t]);
        }
        out[i0 + i] = 1 / (sum / k + EPSILON);
      }
    }
    return out;
  }
}
