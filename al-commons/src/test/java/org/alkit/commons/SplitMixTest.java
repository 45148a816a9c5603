package org.alkit.commons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SplitMixTest {
  @Test
  void equalsTheOutputOfSplittableRandom() {
    // SplittableRandom(seed).nextLong() is mix(seed + γ) with γ the golden gamma: our mix(seed)
    for (long seed : new long[] {0, 1, 42, -7, Long.MAX_VALUE}) {
      assertThat(SplitMix.mix(seed)).isEqualTo(new SplittableRandom(seed).nextLong());
    }
  }

  @Test
  void spreadsConsecutiveKeys() {
    Set<Long> high = new HashSet<>();
    for (int i = 0; i < 4096; i++) {
      high.add(SplitMix.mix(i) >>> 52);
    }
    assertThat(high.size()).isGreaterThan(2000);
  }
}
