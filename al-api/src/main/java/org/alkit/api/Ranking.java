package org.alkit.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.PriorityQueue;
import org.apiguardian.api.API;

/**
 * Top-k selection with alkit's tie rule: higher score first, and among equal scores the lower
 * position first. A bounded heap makes it O(n log k) time and O(k) extra memory.
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
    // the heap's head is the worst kept entry: lowest score, then highest position
    PriorityQueue<Integer> heap = new PriorityQueue<>(Math.max(1, k), (a, b) -> {
      int c = Double.compare(scores[a], scores[b]);
      return c != 0 ? c : Integer.compare(b, a);
    });
    for (int i = 0; i < scores.length; i++) {
      if (Double.isNaN(scores[i])) {
        throw new InvalidInputException("score of position " + i + " is NaN; expected a number");
      }
      if (k == 0) {
        continue;
      }
      if (heap.size() < k) {
        heap.add(i);
      } else {
        int worst = heap.peek();
        if (scores[i] > scores[worst]) {
          heap.poll();
          heap.add(i);
        }
      }
    }
    int[] out = new int[heap.size()];
    for (int r = out.length - 1; r >= 0; r--) {
      out[r] = heap.poll();
    }
    return out;
  }
}
