package org.alkit.commons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.alkit.api.InvalidInputException;
import org.junit.jupiter.api.Test;

class RankingTest {
  @Property
  void equalsAFullStableSort(@ForAll @Size(max = 60) double[] raw, @ForAll @IntRange(max = 60) int kRaw) {
    double[] scores = new double[raw.length];
    for (int i = 0; i < raw.length; i++) {
      // few distinct values, so ties are common
      scores[i] = Double.isNaN(raw[i]) ? 0 : Math.floor(Math.abs(raw[i]) % 5);
    }
    int k = Math.min(kRaw, scores.length);
    int[] expected = IntStream.range(0, scores.length).boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i))
        .limit(k).mapToInt(Integer::intValue).toArray();
    assertThat(Ranking.topK(scores, k)).containsExactly(expected);
  }

  @Test
  void tiesGoToTheLowerPosition() {
    assertThat(Ranking.topK(new double[] {1, 3, 3, 2, 3}, 2)).containsExactly(1, 2);
  }

  @Test
  void rejectsNanAndBadK() {
    assertThatThrownBy(() -> Ranking.topK(new double[] {1, Double.NaN}, 1))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("position 1");
    assertThatThrownBy(() -> Ranking.topK(new double[] {1}, 2))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("k = 2");
  }
}
