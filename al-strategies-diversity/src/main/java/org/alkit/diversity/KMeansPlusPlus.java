package org.alkit.diversity;

import java.util.SplittableRandom;
import org.alkit.api.CentreTracker;

/**
 * k-means++ seeding (Arthur &amp; Vassilvitskii, "k-means++: The Advantages of Careful Seeding",
 * SODA 2007), shared by {@code kmeans} and {@code badge}: after a given first centre, each next
 * centre is drawn with probability D²(x) / Σ_y D²(y), D(x) being the distance to the nearest
 * centre so far ({@link CentreTracker#sample}; when every remaining D² is 0, the lowest-index
 * non-centre point). D² lives in the compute backend's {@link CentreTracker}, one update per new
 * centre; the last centre is not folded in, as no draw follows it.
 */
final class KMeansPlusPlus {
  private KMeansPlusPlus() {}

  /**
   * @param centres the chosen points, in order
   * @param squaredDistances D² of each centre at the moment it was drawn (the first: 0)
   */
  record Seeds(int[] centres, double[] squaredDistances) {}

  /**
   * {@code k ≤ state.size()} centres: {@code first}, which this makes a centre of {@code state},
   * then k − 1 draws with {@code rng}; afterwards {@code state} lacks the last centre.
   */
  static Seeds seed(CentreTracker state, int k, int first, SplittableRandom rng) {
    int[] centres = new int[k];
    double[] d2AtPick = new double[k];
    centres[0] = first;
    if (k > 1) {
      state.add(first);
    }
    for (int t = 1; t < k; t++) {
      int next = state.sample(rng.nextDouble());
      centres[t] = next;
      d2AtPick[t] = state.squaredDistance(next);
      if (t + 1 < k) {
        state.add(next);
      }
    }
    return new Seeds(centres, d2AtPick);
  }
}
