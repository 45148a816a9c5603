package org.alkit.submodular.optimizers;

import java.util.stream.IntStream;
import org.alkit.api.ComputeBackend;
import org.alkit.submodular.SetFunction;

/** The plain greedy: each step evaluates every remaining gain and takes the largest, ties to the lowest index. */
final class NaiveGreedy implements Optimizer {
  private final OptimizerOptions options;

  NaiveGreedy(OptimizerOptions options) {
    this.options = options;
  }

  @Override
  public GreedyResult maximize(SetFunction f, int budget, ComputeBackend backend) {
    Trace trace = new Trace(f, budget, options);
    int[] remaining = IntStream.range(0, f.groundSize()).toArray();
    double[] gains = new double[remaining.length];
    int size = remaining.length;
    while (trace.open()) {
      Gains.evaluate(f, remaining, size, gains, trace.step(), backend);
      int best = Gains.argmax(remaining, gains, size);
      if (!trace.take(remaining[best], gains[best])) {
        break;
      }
      System.arraycopy(remaining, best + 1, remaining, best, size - best - 1);
      size--;
    }
    return trace.result();
  }
}
