package org.alkit.runtime;

import java.util.SplittableRandom;

/** Seeded index sampling shared by the data split and the loop's initial labeled set. */
final class Sampling {
  private Sampling() {}

  /** A random permutation of {@code [0, n)} (Fisher–Yates, Durstenfeld 1964). */
  static int[] shuffled(int n, SplittableRandom random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }
}
