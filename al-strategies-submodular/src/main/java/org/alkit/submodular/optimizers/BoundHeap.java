package org.alkit.submodular.optimizers;

/**
 * A binary max-heap of item indices ordered by {@code bound[item]} descending, then by index
 * ascending, so the top is the lowest-indexed item of largest bound. The bounds live in a shared
 * array; after changing the top's bound call {@link #topChanged()}.
 */
final class BoundHeap {
  private final double[] bound;
  private final int[] heap;
  private int size;

  /** A heap of {@code items[0..count)}, built in O(count). */
  BoundHeap(double[] bound, int[] items, int count) {
    this.bound = bound;
    this.heap = java.util.Arrays.copyOf(items, count);
    this.size = count;
    for (int p = size / 2 - 1; p >= 0; p--) {
      siftDown(p);
    }
  }

  int peek() {
    return heap[0];
  }

  int poll() {
    int top = heap[0];
    heap[0] = heap[--size];
    siftDown(0);
    return top;
  }

  /** Restores the order after the top's bound changed. */
  void topChanged() {
    siftDown(0);
  }

  private boolean above(int a, int b) {
    return bound[a] > bound[b] || bound[a] == bound[b] && a < b;
  }

  private void siftDown(int p) {
    int item = heap[p];
    while (true) {
      int c = 2 * p + 1;
      if (c >= size) {
        break;
      }
      if (c + 1 < size && above(heap[c + 1], heap[c])) {
        c++;
      }
      if (!above(heap[c], item)) {
        break;
      }
      heap[p] = heap[c];
      p = c;
    }
    heap[p] = item;
  }
}
