package org.alkit.submodular.optimizers;

import java.util.SplittableRandom;

/**
 * The remaining items of a stochastic greedy in an array that partial Fisher–Yates shuffles: a
 * sample of size s is a uniform s-subset moved to the front, O(s) per draw and O(1) per removal.
 */
final class Sampler {
  private final int[] items;
  private final int[] position;
  private final SplittableRandom random;
  private int size;

  Sampler(int n, SplittableRandom random) {
    this.items = new int[n];
    this.position = new int[n];
    for (int i = 0; i < n; i++) {
      items[i] = i;
      position[i] = i;
    }
    this.size = n;
    this.random = random;
  }

  /**
   * Draws min(s, remaining) distinct remaining items uniformly into the front of {@link #items()}.
   *
   * @return how many were drawn
   */
  int sample(int s) {
    int count = Math.min(s, size);
    for (int t = 0; t < count; t++) {
      swap(t, t + random.nextInt(size - t));
    }
    return count;
  }

  /** The backing array; its front holds the last sample. */
  int[] items() {
    return items;
  }

  /** Removes a remaining item. */
  void remove(int item) {
    swap(position[item], --size);
  }

  private void swap(int a, int b) {
    int x = items[a];
    int y = items[b];
    items[a] = y;
    items[b] = x;
    position[y] = a;
    position[x] = b;
  }
}
