package org.alkit.commons;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.SplittableRandom;
import org.apiguardian.api.API;

/**
 * Seeded permutations and resamples: the Fisher–Yates shuffle (Durstenfeld, "Algorithm 235:
 * Random permutation", CACM 1964), for the mini-batch order of alkit's networks and of VaB-AL's
 * VAE, and the bootstrap resample of committees and ensembles. The same generator state gives the
 * same order.
 */
@API(status = INTERNAL, since = "0.1")
public final class Permutations {
  private Permutations() {}

  /** Shuffles {@code a} in place: for i = n−1 … 1 swap a[i] with a[j], j uniform in [0, i]. */
  public static void shuffle(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /**
   * A bootstrap resample (Efron 1979; bagging, Breiman 1996): {@code n} positions drawn uniformly
   * from [0, n) with replacement, one {@code random.nextInt(n)} each, in draw order.
   */
  public static int[] bootstrap(int n, SplittableRandom random) {
    int[] picks = new int[n];
    for (int r = 0; r < n; r++) {
      picks[r] = random.nextInt(n);
    }
    return picks;
  }
}
