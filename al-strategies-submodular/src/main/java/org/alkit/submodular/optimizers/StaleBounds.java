package org.alkit.submodular.optimizers;

import java.util.Arrays;
import org.alkit.api.ComputeBackend;
import org.alkit.submodular.SetFunction;

/**
 * Minoux's lazy evaluation: {@code bound[j]} is f(j | A_s) from the step s it was last computed
 * at. For submodular f, A_s ⊆ A makes it an upper bound of the current gain f(j | A), so an item
 * whose bound is fresh and tops every other bound is a greedy choice.
 */
final class StaleBounds {
  private final SetFunction f;
  private final double[] bound;
  private final int[] stamp;

  private StaleBounds(SetFunction f, double[] bound, int initialStamp) {
    this.f = f;
    this.bound = bound;
    this.stamp = new int[bound.length];
    Arrays.fill(stamp, initialStamp);
  }

  /** Bounds of every item from f(j | ∅), fresh at step 0 (A must be ∅), on the backend's workers. */
  static StaleBounds evaluated(SetFunction f, int[] items, ComputeBackend backend) {
    double[] bound = new double[f.groundSize()];
    Gains.evaluate(f, items, items.length, bound, 0, backend);
    return new StaleBounds(f, bound, 0);
  }

  /** Bounds of +∞ for every item, none fresh. */
  static StaleBounds unknown(SetFunction f) {
    double[] bound = new double[f.groundSize()];
    Arrays.fill(bound, Double.POSITIVE_INFINITY);
    return new StaleBounds(f, bound, -1);
  }

  /** A heap of {@code items[0..count)} on these bounds. */
  BoundHeap heap(int[] items, int count) {
    return new BoundHeap(bound, items, count);
  }

  /**
   * Re-evaluates the top of {@code heap} until its bound is fresh at {@code step}, then removes it.
   *
   * @return the item, whose current gain is {@link #bound}
   */
  int pollBest(BoundHeap heap, int step) {
    while (true) {
      int j = heap.peek();
      if (stamp[j] == step) {
        return heap.poll();
      }
      refresh(j, Gains.of(f, j, step), step);
      heap.topChanged();
    }
  }

  /** Makes {@code gain} the bound of {@code j}, fresh at {@code step}. */
  private void refresh(int j, double gain, int step) {
    bound[j] = gain;
    stamp[j] = step;
  }

  /** The last computed gain of {@code j}. */
  double bound(int j) {
    return bound[j];
  }
}
