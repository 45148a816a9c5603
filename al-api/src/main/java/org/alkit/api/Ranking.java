package org.alkit.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Top-k selection with alkit's tie rule: higher score first, and among equal scores the lower
 * position first (scores compare by value, so −0.0 ties with 0.0). A primitive binary heap of the k best so far makes it O(n log k) time in the
 * worst case and O(n) when most items lose to the current k-th best, with O(k) extra memory.
 */
@API(status = STABLE, since = "0.1")
public final class Ranking {
  private Ranking() {}

  /**
   * The positions of the {@code k} largest scores, best first; ties go to the lower position.
   *
   * @throws InvalidInputException if a score is NaN or {@code k} is outside {@code [0, scores.length]}
   */
  public static int[] topK(double[] scores, int k) {
    if (k < 0 || k > scores.length) {
      throw new InvalidInputException("k = " + k + "; expected 0 <= k <= " + scores.length);
    }
    // heap[0] is the worst kept position: the lowest score, then the highest position
    int[] heap = new int[k];
    int size = 0;
    for (int i = 0; i < scores.length; i++) {
      double s = scores[i];
      if (Double.isNaN(s)) {
        throw new InvalidInputException("score of position " + i + " is NaN; expected a number");
      }
      if (size < k) {
        heap[size] = i;
        siftUp(heap, size++, scores);
      } else if (k > 0 && s > scores[heap[0]]) {
        heap[0] = i;
        siftDown(heap, k, scores);
      }
    }
    int[] out = new int[size];
    for (int r = size - 1; r >= 0; r--) {
      out[r] = heap[0];
      heap[0] = heap[r];
      siftDown(heap, r, scores);
    }
    return out;
  }

  /** Whether position {@code a} ranks below position {@code b}. */
  private static boolean worse(double[] scores, int a, int b) {
    return scores[a] < scores[b] || (scores[a] == scores[b] && a > b);
  }

  private static void siftUp(int[] heap, int at, double[] scores) {
    int item = heap[at];
    while (at > 0) {
      int parent = (at - 1) >>> 1;
      if (!worse(scores, item, heap[parent])) {
        break;
      }
      heap[at] = heap[parent];
      at = parent;
    }
    heap[at] = item;
  }

  private static void siftDown(int[] heap, int size, double[] scores) {
    if (size == 0) {
      return;
    }
    int item = heap[0];
    int at = 0;
    while (true) {
      int child = 2 * at + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && worse(scores, heap[child + 1], heap[child])) {
        child++;
      }
      if (!worse(scores, heap[child], item)) {
        break;
      }
      heap[at] = heap[child];
      at = child;
    }
    heap[at] = item;
  }
}
