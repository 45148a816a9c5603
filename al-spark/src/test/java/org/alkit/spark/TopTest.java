package org.alkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.alkit.api.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The driver's merge of the partitions' tops: alkit's rule across partitions, and unique ids. */
class TopTest {
  @Test
  void higherKeysFirstAndTiesToTheLowerIdWhateverThePartitionsOrder() {
    Top a = new Top(new long[] {40, 7, 90}, new double[] {0.9, 0.5, 0.5}, new double[] {9, 5, 5}, 100);
    Top b = new Top(new long[] {3, 12}, new double[] {0.5, 0.2}, new double[] {50, 2}, 50);
    for (List<Top> tops : List.of(List.of(a, b), List.of(b, a))) {
      Top merged = Top.merge(tops, 4);
      assertThat(merged.ids()).containsExactly(40, 3, 7, 90);
      assertThat(merged.scores()).containsExactly(9, 50, 5, 5);
      assertThat(merged.candidates()).isEqualTo(150);
    }
    assertThat(Top.merge(List.of(a, b), 10).ids()).containsExactly(40, 3, 7, 90, 12);
  }

  @Test
  void anIdInTwoPartitionsIsOneLine() {
    Top a = new Top(new long[] {5, 8}, new double[] {1, 0}, new double[] {1, 0}, 2);
    Top b = new Top(new long[] {8}, new double[] {2}, new double[] {2}, 1);
    assertThatThrownBy(() -> Top.merge(List.of(a, b), 1)).isInstanceOf(InvalidInputException.class)
        .hasMessage("id 8 names two pool items; expected unique ids");
  }

  @Test
  void aPartitionsFailureIsTheMergesMessage() {
    Top ok = new Top(new long[] {1}, new double[] {1}, new double[] {1}, 1);
    Top bad = Top.reporting(() -> {
      throw new InvalidInputException("probabilities of pool item 3 [0] = NaN; expected a finite value");
    });
    assertThatThrownBy(() -> Top.merge(List.of(ok, bad), 1))
        .hasMessage("probabilities of pool item 3 [0] = NaN; expected a finite value");
  }
}
