package org.alkit.diversity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.junit.jupiter.api.Test;

class RandomProviderTest {
  private static Selection select(int pool, int budget, long seed) {
    RandomProvider p = new RandomProvider();
    SelectionContext ctx = SelectionContext.builder(pool).labeled(new int[] {0, 2}, null)
        .budget(budget).seed(seed).build();
    return p.create(p.defaults()).select(ctx);
  }

  @Test
  void differentSeedsGiveDifferentSamples() {
    assertThat(select(1000, 20, 1).indices()).isNotEqualTo(select(1000, 20, 2).indices());
  }

  @Test
  void everyUnlabeledItemIsEquallyLikely() {
    int[] counts = new int[10];
    for (long seed = 0; seed < 4000; seed++) {
      for (int i : select(10, 1, seed).indices()) {
        counts[i]++;
      }
    }
    assertThat(counts[0]).isZero();
    assertThat(counts[2]).isZero();
    // 8 unlabeled items, 4000 draws: 500 expected each; 5 standard deviations is about 100
    for (int i : new int[] {1, 3, 4, 5, 6, 7, 8, 9}) {
      assertThat(counts[i]).as("draws of item %d in %s", i, Arrays.toString(counts)).isBetween(400, 600);
    }
  }

  @Test
  void scoresFallWithDrawRank() {
    assertThat(select(50, 4, 7).scores()).containsExactly(1.0, 0.75, 0.5, 0.25);
  }
}
