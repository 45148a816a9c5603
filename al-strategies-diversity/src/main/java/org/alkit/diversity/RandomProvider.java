package org.alkit.diversity;

import java.util.SplittableRandom;
import org.alkit.api.Options;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;

/**
 * {@code random}: a uniform sample without replacement from the unlabeled pool, the baseline
 * every active-learning study reports. A partial Fisher–Yates shuffle (Knuth, TAOCP vol. 2,
 * Algorithm P) over the unlabeled indices draws the first {@code k} positions with
 * {@code ctx.random()}, so the same seed gives the same picks. Each pick's score is its draw
 * rank: {@code 1 − r/k} for the r-th pick.
 */
public final class RandomProvider implements StrategyProvider {

  @Override
  public String name() {
    return "random";
  }

  @Override
  public String family() {
    return "diversity";
  }

  @Override
  public String description() {
    return "uniform sample without replacement from the unlabeled pool";
  }

  @Override
  public Strategy create(Options options) {
    return ctx -> sample(ctx, options);
  }

  private Selection sample(SelectionContext ctx, Options options) {
    int[] pool = ctx.unlabeled();
    int k = ctx.selectionSize();
    SplittableRandom rng = ctx.random();
    int[] picked = new int[k];
    double[] scores = new double[k];
    for (int r = 0; r < k; r++) {
      int j = r + rng.nextInt(pool.length - r);
      int swap = pool[r];
      pool[r] = pool[j];
      pool[j] = swap;
      picked[r] = pool[r];
      scores[r] = 1.0 - (double) r / k;
    }
    return Selection.of(name(), options, picked, scores);
  }
}
