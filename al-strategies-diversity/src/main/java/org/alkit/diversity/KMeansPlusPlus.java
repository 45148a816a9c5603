package org.alkit.diversity;

import java.util.SplittableRandom;

/**
 * k-means++ seeding (Arthur &amp; Vassilvitskii, "k-means++: The Advantages of Careful Seeding",
 * SODA 2007), shared by {@code kmeans} and {@code badge}: after a given first centre, each next
 * centre is drawn with probability D²(x) / Σ_y D²(y), D(x) being the distance to the nearest
 * centre so far. D² is kept up to date by a {@link MinDistances}, one pass per new centre; the
 * last centre is not folded in, as no draw follows it.
 *
 * <p>When every remaining D² is 0 (duplicates), the lowest-index non-centre point is taken.
 */
final class KMeansPlusPlus {
  private KMeansPlusPlus() {}

  /**
   * @param centres the chosen points, in order
   * @param squaredDistances D² of each centre at the moment it was drawn (the first: 0)
   */
  record Seeds(int[] centres, double[] squaredDistances) {}

  /**
   * {@code k ≤ state.tracked()} centres drawn from {@code state}, which already has the single
   * centre {@code first}; afterwards {@code state} lacks the last centre.
   */
  static Seeds seed(MinDistances state, int k, int first, SplittableRandom rng) {
    int[] centres = new int[k];
    double[] d2AtPick = new double[k];
    centres[0] = first;
    for (int t = 1; t < k; t++) {
      int next = draw(state, rng.nextDouble());
      centres[t] = next;
      d2AtPick[t] = state.squaredDistance(next);
      if (t + 1 < k) {
        state.add(next);
      }
    }
    return new Seeds(centres, d2AtPick);
  }

  /** The point where the cumulative D² first exceeds {@code u · Σ D²}. */
  private static int draw(MinDistances state, double u) {
    int n = state.tracked();
    double total = 0;
    for (int x = 0; x < n; x++) {
      if (!state.isCentre(x)) {
        total += state.squaredDistance(x);
      }
    }
    int last = -1;
    if (total > 0) {
      double target = u * total;
      double cumulative = 0;
      for (int x = 0; x < n; x++) {
        if (state.isCentre(x) || state.squaredDistance(x) <= 0) {
          continue;
        }
        cumulative += state.squaredDistance(x);
        last = x;
        if (cumulative > target) {
          return x;
        }
      }
      return last;
    }
    for (int x = 0; x < n; x++) {
      if (!state.isCentre(x)) {
        return x;
      }
    }
    throw new IllegalStateException("no point left to draw; k exceeds the number of points");
  }
}
