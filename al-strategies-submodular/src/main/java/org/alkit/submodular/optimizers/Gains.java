package org.alkit.submodular.optimizers;

import java.util.stream.IntStream;
import org.alkit.api.AlException;
import org.alkit.submodular.SetFunction;

/**
 * Marginal-gain evaluation shared by the optimizers: a NaN gain is an error, and a batch of gains
 * is evaluated in parallel with each result written by one thread to its own slot, so the outcome
 * does not depend on the thread count.
 */
final class Gains {
  /** Batches smaller than this run on the calling thread. */
  private static final int PARALLEL_THRESHOLD = 256;

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
  static void evaluate(SetFunction f, int[] items, int count, double[] out, int step) {
    IntStream range = IntStream.range(0, count);
    (count >= PARALLEL_THRESHOLD ? range.parallel() : range).forEach(t -> out[t] = of(f, items[t], step));
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
