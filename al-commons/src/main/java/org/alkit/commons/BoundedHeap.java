package org.alkit.commons;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * The {@code capacity} best of a stream of (key, id) pairs under alkit's tie rule: a larger key
 * ranks first, and among equal keys the lower id (keys compare by value, so −0.0 ties with 0.0).
 * A binary min-heap on primitive arrays with the worst kept pair on top, so an offer that loses
 * to it costs one comparison: O(n log capacity) time in the worst case, O(n) when most lose, and
 * O(capacity) memory. The kept set does not depend on the order of the offers.
 *
 * <p>NaN keys are the caller's to reject; {@link Ranking#topK} does.
 */
@API(status = INTERNAL, since = "0.1")
public final class BoundedHeap {
  private final double[] keys;
  private final int[] ids;
  private int size;

  /** An empty heap that keeps at most {@code capacity ≥ 0} pairs. */
  public BoundedHeap(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity = " + capacity + "; expected >= 0");
    }
    this.keys = new double[capacity];
    this.ids = new int[capacity];
  }

  /** The number of pairs kept. */
  public int size() {
    return size;
  }

  /** Offers a pair; it is kept when the heap is not full or it ranks before the worst kept one. */
  public void offer(double key, int id) {
    if (size < keys.length) {
      int at = size++;
      while (at > 0) {
        int parent = (at - 1) >>> 1;
        if (!worse(key, id, keys[parent], ids[parent])) {
          break;
        }
        keys[at] = keys[parent];
        ids[at] = ids[parent];
        at = parent;
      }
      keys[at] = key;
      ids[at] = id;
    } else if (size > 0 && worse(keys[0], ids[0], key, id)) {
      siftDown(key, id, size);
    }
  }

  /** The ids kept, best first; empties the heap. */
  public int[] drainBestFirst() {
    int[] out = new int[size];
    drainBestFirst(out, new double[size]);
    return out;
  }

  /**
   * Writes the kept pairs best first to {@code idsOut[0, size)} and {@code keysOut[0, size)};
   * empties the heap.
   *
   * @return how many pairs were written
   */
  public int drainBestFirst(int[] idsOut, double[] keysOut) {
    int n = size;
    for (int r = n - 1; r >= 0; r--) {
      idsOut[r] = ids[0];
      keysOut[r] = keys[0];
      int last = --size;
      if (last > 0) {
        siftDown(keys[last], ids[last], last);
      }
    }
    return n;
  }

  /** Whether (ka, ia) ranks after (kb, ib). */
  private static boolean worse(double ka, int ia, double kb, int ib) {
    return ka < kb || (ka == kb && ia > ib);
  }

  /** Puts (key, id) at the root of a heap of {@code n} entries and sifts it down. */
  private void siftDown(double key, int id, int n) {
    int at = 0;
    while (true) {
      int child = 2 * at + 1;
      if (child >= n) {
        break;
      }
      if (child + 1 < n && worse(keys[child + 1], ids[child + 1], keys[child], ids[child])) {
        child++;
      }
      if (!worse(keys[child], ids[child], key, id)) {
        break;
      }
      keys[at] = keys[child];
      ids[at] = ids[child];
      at = child;
    }
    keys[at] = key;
    ids[at] = id;
  }
}
