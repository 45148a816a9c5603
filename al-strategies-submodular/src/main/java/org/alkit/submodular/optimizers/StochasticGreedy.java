package org.alkit.submodular.optimizers;

import java.util.SplittableRandom;
import org.alkit.api.ComputeBackend;
import org.alkit.submodular.SetFunction;

/**
 * Stochastic greedy (Mirzasoleiman, Badanidiyuru, Karbasi, Vondrák &amp; Krause 2015, "Lazier
 * than lazy greedy", AAAI): each step draws a uniform sample R of s = ⌈(n/k)·ln(1/ε)⌉ remaining
 * items (all of them when fewer remain) and takes argmax_{j∈R} f(j | A), ties to the lowest index.
 * Sampling uses a {@link SplittableRandom} seeded from the options, so a seed fixes the result.
 *
 * <p>With {@code lazy} set ("lazier than lazy"), the sample is searched with Minoux's stale
 * bounds kept across steps, so only items whose bound could win are re-evaluated; the picks are
 * those of the plain variant when f is submodular. For non-submodular f the flag is ignored.
 */
final class StochasticGreedy implements Optimizer {
  private final OptimizerOptions options;
  private final boolean lazy;

  StochasticGreedy(OptimizerOptions options, boolean lazy) {
    this.options = options;
    this.lazy = lazy;
  }

  @Override
  public GreedyResult maximize(SetFunction f, int budget, ComputeBackend backend) {
    Trace trace = new Trace(f, budget, options);
    int n = f.groundSize();
    Sampler sampler = new Sampler(n, new SplittableRandom(options.seed()));
    int sampleSize = budget == 0 ? 0 : sampleSize(n, budget, options.epsilon());
    StaleBounds bounds = lazy && f.isSubmodular() ? StaleBounds.unknown(f) : null;
    double[] gains = bounds == null ? new double[Math.min(sampleSize, n)] : null;
    while (trace.open()) {
      int count = sampler.sample(sampleSize);
      int[] sample = sampler.items();
      int j;
      double gain;
      if (bounds != null) {
        j = bounds.pollBest(bounds.heap(sample, count), trace.step());
        gain = bounds.bound(j);
      } else {
        Gains.evaluate(f, sample, count, gains, trace.step(), backend);
        int best = Gains.argmax(sample, gains, count);
        j = sample[best];
        gain = gains[best];
      }
      if (!trace.take(j, gain)) {
        break;
      }
      sampler.remove(j);
    }
    return trace.result();
  }

  /** ⌈(n/k)·ln(1/ε)⌉, at least 1 and at most n. */
  static int sampleSize(int n, int k, double epsilon) {
    double s = Math.ceil((double) n / k * Math.log(1 / epsilon));
    return (int) Math.max(1, Math.min(n, s));
  }
}
