package org.alkit.diversity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.alkit.api.ComputeBackend;
import org.alkit.api.Matrix;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.SparseMatrix;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;
import org.apiguardian.api.API;

/**
 * {@code probcover}: greedy maximum coverage of δ-balls on the embeddings, for low budgets
 * (Yehuda, Dekel, Hacohen &amp; Weinshall, "Active Learning Through a Covering Lens",
 * NeurIPS 2022, Algorithm 1).
 *
 * <ol>
 *   <li>The δ-ball graph over the pool: an edge x → y when ‖x − y‖ &lt; δ, built sparse by the
 *       compute backend's {@link ComputeBackend#withinRadius} (never an n × n matrix); every ball
 *       holds its centre.</li>
 *   <li>Every point in the ball of a labeled item starts covered.</li>
 *   <li>Each pick is the unlabeled item whose ball holds the most uncovered points (ties to the
 *       lower pool index), scored by that count; its ball becomes covered.</li>
 *   <li>Once everything is covered, the remaining picks are drawn uniformly from the unpicked
 *       unlabeled items with {@code ctx.random()}, scored 0.</li>
 * </ol>
 *
 * <p>δ: option {@code delta}, or with {@code delta = 0} (default) the paper's purity rule:
 * k-means ({@link Lloyd}, {@code clusters} centres, 20 steps) on the pool; a ball is pure when
 * all its points share their cluster, i.e. when δ ≤ D(x), D(x) being the distance from x to the
 * nearest point of another cluster (the backend's {@code nearest}, cluster by cluster); δ is the
 * largest radius for which at least ⌈α·n⌉ balls are pure, α = {@code purity} (default 0.95),
 * i.e. the ⌈α·n⌉-th largest D(x). When the pool has fewer than two distinct clusters
 * (all items alike), every pick is random.
 *
 * <p>Cost: the graph {@code O(n²·d)} in the backend, memory its edges; the greedy
 * {@code O(edges + budget · n)}. The purity rule adds {@code O(n²·d)}.
 * Requires {@link Signal#EMBEDDINGS}.
 */
@API(status = EXPERIMENTAL, since = "0.3")
public final class ProbCoverProvider implements StrategyProvider {

  @Override
  public String name() {
    return "probcover";
  }

  @Override
  public String family() {
    return "diversity";
  }

  @Override
  public String description() {
    return "greedy max coverage of delta-balls on embeddings, for low budgets (ProbCover, Yehuda et al. 2022)";
  }

  @Override
  public Set<Signal> requires() {
    return Set.of(Signal.EMBEDDINGS);
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.real("delta", 0, "ball radius; 0 = the largest radius keeping the purity >= alpha")
            .atLeast(0),
        Parameter.real("purity", 0.95, "alpha: the share of pure balls the purity rule keeps")
            .above(0).atMost(1),
        Parameter.integer("clusters", 10, "k-means clusters of the purity rule (the paper: the number of classes)")
            .atLeast(2).atMost(ProbCoverOptions.MAX_CLUSTERS));
  }

  @Override
  public Strategy create(Options options) {
    ProbCoverOptions settings = ProbCoverOptions.from(options);
    return ctx -> select(ctx, options, settings);
  }

  private Selection select(SelectionContext ctx, Options options, ProbCoverOptions settings) {
    int k = ctx.selectionSize();
    int[] picked = new int[k];
    double[] scores = new double[k];
    if (k == 0) {
      return Selection.of(name(), options, picked, scores);
    }
    Matrix embeddings = ctx.matrix(Signal.EMBEDDINGS);
    SplittableRandom rng = ctx.random();
    double delta = settings.byPurity()
        ? purityRadius(ctx.backend(), embeddings, settings, rng) : settings.delta();
    int n = embeddings.rows();
    SparseMatrix graph = Double.isFinite(delta) ? ctx.backend().withinRadius(embeddings, embeddings, delta)
        : new SparseMatrix(n, n, new long[n + 1], new int[0], new float[0]);
    boolean[] covered = new boolean[n];
    int[] uncoveredInBall = new int[n];
    for (int x = 0; x < n; x++) {
      uncoveredInBall[x] = graph.rowEnd(x) - graph.rowStart(x);
    }
    for (int l : ctx.labeled()) {
      cover(graph, l, covered, uncoveredInBall);
    }
    int[] unlabeled = ctx.unlabeled();
    boolean[] taken = new boolean[unlabeled.length];
    int r = 0;
    for (; r < k; r++) {
      int best = -1;
      for (int u = 0; u < unlabeled.length; u++) {
        if (!taken[u] && (best < 0 || uncoveredInBall[unlabeled[u]] > uncoveredInBall[unlabeled[best]])) {
          best = u;
        }
      }
      if (uncoveredInBall[unlabeled[best]] == 0) {
        break;
      }
      picked[r] = unlabeled[best];
      scores[r] = uncoveredInBall[unlabeled[best]];
      taken[best] = true;
      cover(graph, unlabeled[best], covered, uncoveredInBall);
    }
    randomRest(unlabeled, taken, picked, r, rng);
    return Selection.of(name(), options, picked, scores);
  }

  /** Covers the ball of {@code x}: each newly covered y leaves the count of every ball holding it. */
  private static void cover(SparseMatrix graph, int x, boolean[] covered, int[] uncoveredInBall) {
    for (int p = graph.rowStart(x); p < graph.rowEnd(x); p++) {
      int y = graph.column(p);
      if (!covered[y]) {
        covered[y] = true;
        // the graph is symmetric: the balls holding y are y's row
        for (int q = graph.rowStart(y); q < graph.rowEnd(y); q++) {
          uncoveredInBall[graph.column(q)]--;
        }
      }
    }
  }

  /** Fills {@code picked[from..)} with a uniform draw, without replacement, of the untaken unlabeled items. */
  private static void randomRest(int[] unlabeled, boolean[] taken, int[] picked, int from,
      SplittableRandom rng) {
    int[] rest = new int[unlabeled.length];
    int m = 0;
    for (int u = 0; u < unlabeled.length; u++) {
      if (!taken[u]) {
        rest[m++] = unlabeled[u];
      }
    }
    for (int r = from; r < picked.length; r++) {
      int j = r - from + rng.nextInt(m - (r - from));
      int t = rest[j];
      rest[j] = rest[r - from];
      rest[r - from] = t;
      picked[r] = t;
    }
  }

  /**
   * The purity rule: the ⌈α·n⌉-th largest distance from a point to the nearest point of another
   * k-means cluster; +∞ when there is no other cluster.
   */
  static double purityRadius(ComputeBackend backend, Matrix embeddings, ProbCoverOptions settings,
      SplittableRandom rng) {
    int n = embeddings.rows();
    int[] all = new int[n];
    Arrays.setAll(all, i -> i);
    int k = Math.min(settings.clusters(), n);
    int[] cluster = Lloyd.cluster(backend, embeddings, all, k, KMeansOptions.DEFAULT_ITERATIONS, rng)
        .assignment().index();
    double[] toOther = new double[n];
    for (int c = 0; c < k; c++) {
      int[] inside = members(cluster, c, true);
      if (inside.length == 0) {
        continue;
      }
      int[] outside = members(cluster, c, false);
      float[] d2 = backend.nearest(embeddings.select(inside), embeddings.select(outside)).squaredDistance();
      for (int i = 0; i < inside.length; i++) {
        toOther[inside[i]] = Math.sqrt(d2[i]);
      }
    }
    Arrays.sort(toOther);
    int pure = (int) Math.ceil(settings.purity() * n);
    return toOther[n - pure];
  }

  /** The points of cluster {@code c} ({@code in}) or of the others, ascending. */
  private static int[] members(int[] cluster, int c, boolean in) {
    return IntStream.range(0, cluster.length).filter(x -> (cluster[x] == c) == in).toArray();
  }
}
