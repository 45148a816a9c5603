package org.alkit.commons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PermutationsTest {
  @Test
  void shufflesIntoAPermutationThatTheSeedFixes() {
    int[] a = IntStream.range(0, 1000).toArray();
    int[] b = a.clone();
    Permutations.shuffle(a, new SplittableRandom(3));
    Permutations.shuffle(b, new SplittableRandom(3));
    assertThat(a).isEqualTo(b).isNotEqualTo(IntStream.range(0, 1000).toArray());
    int[] sorted = a.clone();
    Arrays.sort(sorted);
    assertThat(sorted).isEqualTo(IntStream.range(0, 1000).toArray());
  }

  @Test
  void everyPositionIsReachable() {
    // 3 items: each of the 6 orders appears within 600 shuffles
    java.util.Set<String> seen = new java.util.HashSet<>();
    SplittableRandom random = new SplittableRandom(1);
    for (int k = 0; k < 600; k++) {
      int[] a = {0, 1, 2};
      Permutations.shuffle(a, random);
      seen.add(Arrays.toString(a));
    }
    assertThat(seen).hasSize(6);
  }
}
