package org.alkit.submodular.optimizers;

import java.util.stream.IntStream;
import org.alkit.api.ComputeBackend;
import org.alkit.submodular.SetFunction;

/**
 * Minoux's lazy greedy on a heap of stale bounds seeded with f(j | ∅), evaluated on the compute
 * backend's workers. It picks exactly what {@link NaiveGreedy} picks when f is submodular (a fresh
 * top bound with the lowest index among equal bounds is the naive argmax); for other functions it
 * runs {@link NaiveGreedy}. Where a gain is costly ({@link GainCost}) and the backend has two or
 * more workers, stale bounds are re-evaluated two at a time ({@link StaleBounds#pollBest}).
 */
final class LazyGreedy implements Optimizer {
  /** Memo reads per gain from which re-evaluating in pairs on the backend's workers pays. */
  static final long PAIR_MIN_READS = 2048;
  private final OptimizerOptions options;

  LazyGreedy(OptimizerOptions options) {
    this.options = options;
  }

  @Override
  public GreedyResult maximize(SetFunction f, int budget, ComputeBackend backend) {
    if (!f.isSubmodular()) {
      return new NaiveGreedy(options).maximize(f, budget, backend);
    }
    Trace trace = new Trace(f, budget, options);
    int[] all = IntStream.range(0, f.groundSize()).toArray();
    StaleBounds bounds = StaleBounds.evaluated(f, all, backend);
    BoundHeap heap = bounds.heap(all, all.length);
    boolean pairs = backend.threads() > 1 && f instanceof GainCost c && c.gainReads() >= PAIR_MIN_READS;
    while (trace.open()) {
      int j = pairs ? bounds.pollBest(heap, trace.step(), backend) : bounds.pollBest(heap, trace.step());
      if (!trace.take(j, bounds.bound(j))) {
        break;
      }
    }
    return trace.result();
  }
}
