package org.alkit.submodular.optimizers;

import java.util.stream.IntStream;
import org.alkit.submodular.SetFunction;

/**
 * Minoux's lazy greedy on a heap of stale bounds seeded with f(j | ∅). It picks exactly what
 * {@link NaiveGreedy} picks when f is submodular (a fresh top bound with the lowest index among
 * equal bounds is the naive argmax); for other functions it runs {@link NaiveGreedy}.
 */
final class LazyGreedy implements Optimizer {
  private final OptimizerOptions options;

  LazyGreedy(OptimizerOptions options) {
    this.options = options;
  }

  @Override
  public GreedyResult maximize(SetFunction f, int budget) {
    if (!f.isSubmodular()) {
      return new NaiveGreedy(options).maximize(f, budget);
    }
    Trace trace = new Trace(f, budget, options);
    int[] all = IntStream.range(0, f.groundSize()).toArray();
    StaleBounds bounds = StaleBounds.evaluated(f, all);
    BoundHeap heap = bounds.heap(all, all.length);
    while (trace.open()) {
      int j = bounds.pollBest(heap, trace.step());
      if (!trace.take(j, bounds.bound(j))) {
        break;
      }
    }
    return trace.result();
  }
}
