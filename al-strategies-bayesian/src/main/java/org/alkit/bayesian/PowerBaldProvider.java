package org.alkit.bayesian;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.SplittableRandom;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.ScoringStrategy;
import org.alkit.api.SelectionContext;
import org.alkit.api.Strategy;
import org.apiguardian.api.API;

/**
 * {@code power-bald}: stochastic batch acquisition (Kirsch, Farquhar, Atighehchian, Jesson,
 * Branchaud-Charron and Gal, "Stochastic Batch Acquisition: A Simple Baseline for Deep Active
 * Learning", TMLR 2023). The batch is a sample without replacement with probability
 * proportional to {@code BALD(x)^β}, drawn in one pass by the Gumbel-top-k trick (Kool, van Hoof
 * and Welling 2019):
 *
 * <pre>  key(x) = β · ln BALD(x) + g_x,   g_x = −ln(−ln u_x),   u_x ~ U(0, 1) i.i.d.,</pre>
 *
 * the batch being the k largest keys in descending order (ties to the lower pool index). β = 0 is
 * uniform random sampling, β → ∞ BALD's top-k; an item with BALD = 0 is drawn only after every
 * item with a positive score. The u_x are drawn from {@code ctx.random()} in ascending pool order,
 * so a seed fixes the batch, and a shard of the pool draws the same u_x as the whole pool
 * ({@link ScoringStrategy#rankingKeys}). Each pick is reported with its BALD score. Option {@code beta}
 * (default 1, ≥ 0). Requires {@code mc-probabilities}. Found through
 * {@link java.util.ServiceLoader} under its name; the class itself is not API.
 */
@API(status = INTERNAL, since = "0.1")
public final class PowerBaldProvider extends BayesianProvider {
  /** The provider, as ServiceLoader creates it. */
  public PowerBaldProvider() {
    super("power-bald",
        "batch sampled without replacement with p proportional to BALD^beta (Kirsch et al. 2023)");
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(Parameter.real("beta", 1, "exponent of BALD in the sampling weights (0 = uniform)").atLeast(0));
  }

  @Override
  public Strategy create(Options options) {
    double beta = options.getDouble("beta");
    return new ScoringStrategy(name(), options) {
      @Override
      public boolean scoresItemsAlone() {
        return true;
      }

      @Override
      protected double[] score(SelectionContext ctx, int[] candidates) {
        return McMeasure.BALD.score(McSamples.of(ctx), candidates, ctx.backend());
      }

      @Override
      protected double[] rankingKeys(SelectionContext ctx, int[] candidates, double[] bald) {
        SplittableRandom random = ctx.random();
        double[] keys = new double[candidates.length];
        for (int k = 0; k < keys.length; k++) {
          keys[k] = powerKey(bald[k], beta, random);
        }
        return keys;
      }
    };
  }

  /**
   * β · ln s plus a standard Gumbel draw; −∞ for a score ≤ 0 (rounding may leave BALD a hair
   * below 0) unless β = 0.
   */
  static double powerKey(double score, double beta, SplittableRandom random) {
    // u in (0, 1): the 53-bit draw shifted by half a step never reaches 0 or 1
    double u = ((random.nextLong() >>> 11) + 0.5) * 0x1p-53;
    double gumbel = -Math.log(-Math.log(u));
    if (beta == 0) {
      return gumbel;
    }
    return score > 0 ? beta * Math.log(score) + gumbel : Double.NEGATIVE_INFINITY;
  }
}
