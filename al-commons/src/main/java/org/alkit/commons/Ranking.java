package org.alkit.commons;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.alkit.api.InvalidInputException;
import org.apiguardian.api.API;

/**
 * Top-k selection with alkit's tie rule: higher score first, and among equal scores the lower
 * position first (scores compare by value, so −0.0 ties with 0.0). Kept in a
 * {@link BoundedHeap}: O(n log k) time in the worst case, O(n) when most items lose to the
 * current k-th best, O(k) extra memory. The java compute backend's {@code topK} is this.
 */
@API(status = INTERNAL, since = "0.1")
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
    BoundedHeap heap = new BoundedHeap(k);
    for (int i = 0; i < scores.length; i++) {
      if (Double.isNaN(scores[i])) {
        throw new InvalidInputException("score of position " + i + " is NaN; expected a number");
      }
      heap.offer(scores[i], i);
    }
    return heap.drainBestFirst();
  }

  /** The position of the largest score, the first on ties; −1 for no scores. NaN is never largest. */
  public static int argmax(double[] scores) {
    int best = scores.length == 0 ? -1 : 0;
    for (int i = 1; i < scores.length; i++) {
      if (scores[i] > scores[best]) {
        best = i;
      }
    }
    return best;
  }
}
