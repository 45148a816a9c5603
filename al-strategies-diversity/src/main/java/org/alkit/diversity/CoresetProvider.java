package org.alkit.diversity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Set;
import org.alkit.api.CentreTracker;
import org.alkit.api.Options;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;
import org.alkit.commons.Ranking;
import org.apiguardian.api.API;

/**
 * {@code coreset}: greedy k-center on the embeddings (Sener &amp; Savarese, "Active Learning for
 * Convolutional Neural Networks: A Core-Set Approach", ICLR 2018, Algorithm 1).
 *
 * <p>With L the labeled set and S the picks so far, each step picks
 * <pre>  u = argmax_{x ∈ U \ S} min_{c ∈ L ∪ S} ‖x − c‖₂</pre>
 * and its score is that distance at pick time, so scores never increase. The result is within
 * 2× of the optimal k-center radius. Ties go to the lowest pool index (DISTIL's first-max rule).
 *
 * <p>Cost: the min-distances live in the compute backend's
 * {@link org.alkit.api.ComputeBackend#centreTracker}: the nearest labeled item of every unlabeled
 * item in blocks (the paper's Algorithm 3), then one update per pick (the {@code java} backend
 * prunes it with the triangle inequality, a low-rank projection and an int8 copy of the rows, each
 * a lower bound on the distance that never changes a value, and splits it over its workers); the
 * picks do not depend on the thread count. Memory {@code O(n·d + n)} in the {@code java} backend:
 * one float copy of the embeddings, an int8 copy on long runs, and a few arrays of n.
 *
 * <p>With no labeled item (where DISTIL fails), the first pick is the unlabeled item farthest
 * from the unlabeled mean, scored by that distance; greedy k-center continues from it.
 *
 * <p>Requires {@link Signal#EMBEDDINGS}. No options.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CoresetProvider implements StrategyProvider {

  @Override
  public String name() {
    return "coreset";
  }

  @Override
  public String family() {
    return "diversity";
  }

  @Override
  public String description() {
    return "greedy k-center core-set on embeddings (Sener & Savarese 2018)";
  }

  @Override
  public Set<Signal> requires() {
    return Set.of(Signal.EMBEDDINGS);
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
    try (CentreTracker state = KCenterStart.fromLabeled(ctx, unlabeled)) {
      int r = 0;
      if (ctx.labeled().length == 0) {
        double[] fromMean = KCenterStart.distancesToMean(ctx, unlabeled);
        int first = Ranking.topK(fromMean, 1)[0];
        picked[0] = unlabeled[first];
        scores[0] = fromMean[first];
        state.add(first);
        r = 1;
      }
      for (; r < k; r++) {
        int u = state.farthest();
        picked[r] = unlabeled[u];
        scores[r] = Math.sqrt(state.squaredDistance(u));
        state.add(u);
      }
    }
    return Selection.of(name(), options, picked, scores);
  }
}
