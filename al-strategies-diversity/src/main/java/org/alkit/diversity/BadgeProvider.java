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
import org.alkit.commons.GradientCentreTracker;
import org.alkit.commons.Ranking;
import org.apiguardian.api.API;

/**
 * {@code badge}: Batch Active learning by Diverse Gradient Embeddings (Ash et al., "Deep Batch
 * Active Learning by Diverse, Uncertain Gradient Lower Bounds", ICLR 2020).
 *
 * <p>Each unlabeled item is represented by its last-layer gradient embedding g ⊗ h, with
 * g = p − onehot(argmax p) from {@link Signal#PROBABILITIES} and h the penultimate features
 * from {@link Signal#EMBEDDINGS}; its norm grows with uncertainty, its direction carries
 * diversity. k-means++ seeding then picks the batch: the first centre is the item of largest
 * ‖g ⊗ h‖ = ‖g‖‖h‖ (ties to the lowest index, as DISTIL), each next one is drawn with
 * probability ∝ D², D the gradient-embedding distance to the nearest centre
 * ({@link KMeansPlusPlus}, {@code ctx.random()}). The score of a pick is D at its draw (the
 * first: its norm). Sampling is seeded but not numpy-reproducible; only the first centre
 * matches DISTIL exactly.
 *
 * <p>Cost: the n × (C·d) matrix is never built, nor are the signals copied: D² lives in a
 * {@link GradientCentreTracker} on the context's compute backend
 * ({@link org.alkit.api.ComputeBackend#parallelFor}), which computes ‖g‖² and ‖h‖² in one pass
 * over the signals and updates D² for each new centre in one pass of {@code O(n·(C + d))},
 * skipping an item's features when a Cauchy–Schwarz bound rules it out. Memory {@code O(n)}
 * beyond the signals. Budget 1 costs one pass (norms).
 *
 * <p>Requires {@link Signal#PROBABILITIES} and {@link Signal#EMBEDDINGS}. No options.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class BadgeProvider implements StrategyProvider {

  @Override
  public String name() {
    return "badge";
  }

  @Override
  public String family() {
    return "diversity";
  }

  @Override
  public String description() {
    return "k-means++ on gradient embeddings (Ash et al. 2020)";
  }

  @Override
  public Set<Signal> requires() {
    return Set.of(Signal.PROBABILITIES, Signal.EMBEDDINGS);
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
    KMeansPlusPlus.Seeds seeds;
    double[] norms;
    try (CentreTracker state = GradientCentreTracker.of(ctx.backend(), ctx.matrix(Signal.PROBABILITIES),
        ctx.matrix(Signal.EMBEDDINGS), unlabeled)) {
      norms = state.squaredNorms();
      int first = Ranking.argmax(norms);
      seeds = KMeansPlusPlus.seed(state, k, first, ctx.random());
    }
    for (int r = 0; r < k; r++) {
      int x = seeds.centres()[r];
      picked[r] = unlabeled[x];
      scores[r] = Math.sqrt(r == 0 ? norms[x] : seeds.squaredDistances()[r]);
    }
    return Selection.of(name(), options, picked, scores);
  }
}
