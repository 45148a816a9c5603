package org.alkit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sweep of Algorithm 1 and the {@code diversify} wrapper. */
class DiversifyTest {
  @Test
  void sweepsTakeOneItemPerClassInSortedOrder() {
    int[] sorted = {4, 0, 2, 5, 1, 3};
    int[] classes = {1, 0, 1, 0, 2, 1}; // along the sorted order: 2 1 1 1 0 0
    // sweep 1: 4 (class 2), 0 (1), 1 (0); sweep 2: 2 (1), 3 (0); sweep 3: 5 (1)
    assertThat(DiversifiedStrategy.diversify(sorted, classes, 6)).containsExactly(4, 0, 1, 2, 3, 5);
    assertThat(DiversifiedStrategy.diversify(sorted, classes, 2)).containsExactly(4, 0);
    assertThat(DiversifiedStrategy.diversify(sorted, new int[6], 4)).containsExactly(4, 0, 2, 5);
  }

  @Test
  void margDivSpreadsTheMarginOrderOverPredictedClasses() {
    // margin order 0, 1, 2, 3; predictions 0, 0, 1, 1
    double[][] p = {{0.5, 0.45, 0.05}, {0.55, 0.4, 0.05}, {0.3, 0.6, 0.1}, {0.1, 0.85, 0.05}};
    SelectionContext ctx = Strategies.context(p, 4).build();
    assertThat(Strategies.select(new MarginProvider(), ctx).indices()).containsExactly(0, 1, 2, 3);
    Selection div = Strategies.select(new DiversifyProvider(), ctx);
    assertThat(div.indices()).containsExactly(0, 2, 1, 3);
    double[] margin = Strategies.scores(new MarginProvider(), ctx);
    assertThat(div.scores()).containsExactly(margin[0], margin[2], margin[1], margin[3]);
  }

  @ParameterizedTest
  @ValueSource(strings = {"random", "margin", "entropy", "least-confidence", "ratio"})
  void firstSweepCoversEveryPredictedClass(String base) {
    double[][] p = new double[40][];
    for (int i = 0; i < p.length; i++) {
      double top = 0.4 + 0.01 * i;
      double[] row = {(1 - top) / 2, (1 - top) / 2, (1 - top) / 2};
      row[i % 3] = top;
      double sum = row[0] + row[1] + row[2];
      p[i] = new double[] {row[0] / sum, row[1] / sum, row[2] / sum};
    }
    Selection s = Strategies.select(new DiversifyProvider(), Map.of("base", base),
        Strategies.context(p, 6).seed(7).build());
    Set<Integer> firstSweep = new HashSet<>();
    Set<Integer> secondSweep = new HashSet<>();
    for (int r = 0; r < 3; r++) {
      firstSweep.add(s.index(r) % 3);
      secondSweep.add(s.index(r + 3) % 3);
    }
    assertThat(firstSweep).as("classes of picks 1-3 with base %s", base).containsExactlyInAnyOrder(0, 1, 2);
    assertThat(secondSweep).as("classes of picks 4-6 with base %s", base).containsExactlyInAnyOrder(0, 1, 2);
    assertThat(s.parameters()).containsEntry("base", base);
  }

  @Test
  void randomBaseDependsOnTheSeedOnly() {
    double[][] p = new double[30][];
    for (int i = 0; i < p.length; i++) {
      p[i] = i % 2 == 0 ? new double[] {0.7, 0.3} : new double[] {0.2, 0.8};
    }
    Map<String, String> random = Map.of("base", "random");
    int[] a = Strategies.select(new DiversifyProvider(), random, Strategies.context(p, 10).seed(1).build()).indices();
    int[] b = Strategies.select(new DiversifyProvider(), random, Strategies.context(p, 10).seed(1).build()).indices();
    int[] c = Strategies.select(new DiversifyProvider(), random, Strategies.context(p, 10).seed(2).build()).indices();
    assertThat(b).isEqualTo(a);
    assertThat(c).isNotEqualTo(a);
  }

  @Test
  void badBaseValuesAreRejectedNamingKeyValueAndChoices() {
    assertThatThrownBy(() -> new DiversifyOptions("bald"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("option 'base' = 'bald': expected one of least-confidence, margin, ratio, entropy, random");
    assertThatThrownBy(() -> new AlampOptions("random"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("option 'base' = 'random': expected one of least-confidence, margin, ratio, entropy");
    assertThatThrownBy(() -> new AlampOptions(null)).isInstanceOf(InvalidInputException.class);
    DiversifyProvider provider = new DiversifyProvider();
    assertThatThrownBy(() -> provider.options(Map.of("base", "nope"))).isInstanceOf(InvalidInputException.class).hasMessageContaining("nope");
  }
}
