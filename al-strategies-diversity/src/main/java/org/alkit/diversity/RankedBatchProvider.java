package org.alkit.diversity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Set;
import org.alkit.api.CentreTracker;
import org.alkit.api.ComputeBackend;
import org.alkit.api.Matrix;
import org.alkit.api.Options;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;
import org.apiguardian.api.API;

/**
 * {@code ranked-batch}: ranked batch-mode uncertainty sampling (Cardoso, Silva, Rodrigues &amp;
 * Vellasco, "Ranked batch-mode active learning", Information Sciences 379, 2017; modAL's
 * {@code uncertainty_batch_sampling}). Greedy over the batch: with S the picks so far,
 *
 * <pre>  score(x) = α·(1 − 1/(1 + d_min(x))) + (1 − α)·(1 − max_c p_c(x))
 *  α = |U \ S| / (|U \ S| + |L| + |S|)</pre>
 *
 * where d_min(x) is the euclidean distance from x to the nearest item of L ∪ S; each step takes
 * the unpicked unlabeled item of highest score (ties to the lower pool index), scored by it.
 *
 * <p>With no labeled item the first pick is, as in modAL's {@code select_cold_start_instance},
 * the unlabeled item of least mean euclidean distance to the unlabeled items (ties to the lower
 * index); its score is 1, the formula's value with no reference item (α = 1, d_min = +∞).
 *
 * <p>Cost: d_min lives in the compute backend's {@link CentreTracker} (one update per pick),
 * so a selection costs {@code O(|U|·(|L| + B)·d)} at most in the backend plus {@code O(B·|U|)}.
 * The cold start adds {@code O(|U|²·d)} (the backend's squared distances in blocks of
 * {@value #BLOCK} rows). Requires {@link Signal#EMBEDDINGS} and {@link Signal#PROBABILITIES}.
 * No options.
 */
@API(status = EXPERIMENTAL, since = "0.3")
public final class RankedBatchProvider implements StrategyProvider {
  /** Rows per block of the cold start's squared distances. */
  private static final int BLOCK = 256;

  @Override
  public String name() {
    return "ranked-batch";
  }

  @Override
  public String family() {
    return "diversity";
  }

  @Override
  public String description() {
    return "greedy uncertainty + distance to labeled and picked items, weighted by alpha (Cardoso et al. 2017; modAL)";
  }

  @Override
  public Set<Signal> requires() {
    return Set.of(Signal.EMBEDDINGS, Signal.PROBABILITIES);
  }

  @Override
  public Strategy create(Options options) {
    return ctx -> select(ctx, options);
  }

  private Selection select(SelectionContext ctx, Options options) {
    int[] unlabeled = ctx.unlabeled();
    int k = ctx.selectionSize();
    int[] picked = new int[k];
    double[] scores = new double[k];
    if (k == 0) {
      return Selection.of(name(), options, picked, scores);
    }
    double[] doubt = ProbabilityRows.doubts(ctx.matrix(Signal.PROBABILITIES), unlabeled);
    int labeled = ctx.labeled().length;
    try (CentreTracker state = KCenterStart.fromLabeled(ctx, unlabeled)) {
      int r = 0;
      if (labeled == 0) {
        int first = leastMeanDistance(ctx.backend(), ctx.matrix(Signal.EMBEDDINGS).select(unlabeled));
        picked[0] = unlabeled[first];
        scores[0] = 1;
        state.add(first);
        r = 1;
      }
      for (; r < k; r++) {
        int rest = unlabeled.length - r;
        double alpha = (double) rest / (rest + labeled + r);
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int u = 0; u < unlabeled.length; u++) {
          if (state.isCentre(u)) {
            continue;
          }
          double distance = Math.sqrt(state.squaredDistance(u));
          double score = alpha * (1 - 1 / (1 + distance)) + (1 - alpha) * doubt[u];
          if (score > bestScore) {
            best = u;
            bestScore = score;
          }
        }
        picked[r] = unlabeled[best];
        scores[r] = bestScore;
        state.add(best);
      }
    }
    return Selection.of(name(), options, picked, scores);
  }

  /** The row of least mean euclidean distance to all rows (ties to the lowest). */
  private static int leastMeanDistance(ComputeBackend backend, Matrix points) {
    int m = points.rows();
    int best = -1;
    double bestSum = Double.POSITIVE_INFINITY;
    for (int i0 = 0; i0 < m; i0 += BLOCK) {
      Matrix d2 = backend.squaredDistances(points.rows(i0, Math.min(m, i0 + BLOCK)), points);
      for (int i = 0; i < d2.rows(); i++) {
        double sum = 0;
        for (int j = 0; j < m; j++) {
          sum += Math.sqrt(d2.get(i, j));
        }
        if (sum < bestSum) {
          best = i0 + i;
          bestSum = sum;
        }
      }
    }
    return best;
  }
}
