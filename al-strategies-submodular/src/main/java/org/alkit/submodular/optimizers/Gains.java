package org.alkit.submodular.optimizers;

import org.alkit.api.AlException;
import org.alkit.api.ComputeBackend;
import org.alkit.submodular.SetFunction;

/**
 * Marginal-gain evaluation shared by the optimizers: a NaN gain is an error, and a batch of gains
 * is evaluated on the compute backend's workers in runs of {@value #CHUNK} items, each result
 * written by one task to its own slot, so the outcome does not depend on the thread count.
 */
final class Gains {
  /** Batches smaller than this run as one task. */
  private static final int PARALLEL_THRESHOLD = 256;
  /** Items per task of a larger batch. */
  private static final int CHUNK = 32;

  private Gains() {}

  /** f(j | A) at greedy step {@code step}, checked. */
  static double of(SetFunction f, int j, int step) {
    return checked(f.gain(j), j, step);
  }

  /** {@code g} = f(j | A) at greedy step {@code step}, unless it is NaN, an error. */
  static double checked(double g, int j, int step) {
    if (Double.isNaN(g)) {
      throw new AlException("marginal gain f(" + j + " | A) is NaN at greedy step " + step
          + " (|A| = " + step + "); expected a number: check the kernel for NaN values and the"
          + " function's domain (log-det needs a positive semi-definite kernel, com non-negative"
          + " similarities)");
    }
    return g;
  }

  /** {@code out[t] = f(items[t] | A)} for {@code t < count}. */
  static void evaluate(SetFunction f, int[] items, int count, double[] out, int step,
      ComputeBackend backend) {
    int size = count >= PARALLEL_THRESHOLD ? CHUNK : Math.max(count, 1);
    backend.parallelFor((count + size - 1) / size, c -> {
      for (int t = c * size, end = Math.min(count, t + size); t < end; t++) {
        out[t] = of(f, items[t], step);
      }
    });
  }

  /** The position of the largest {@code gains[t]}, t &lt; count, ties to the lowest {@code items[t]}. */
  static int argmax(int[] items, double[] gains, int count) {
    int best = 0;
    for (int t = 1; t < count; t++) {
      if (gains[t] > gains[best] || gains[t] == gains[best] && items[t] < items[best]) {
        best = t;
      }
    }
    return best;
  }
}
