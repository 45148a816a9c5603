package org.alkit.diversity;

import static org.alkit.diversity.KCenterPropertiesTest.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.Options;
import org.alkit.api.SelectionContext;
import org.alkit.api.StrategyProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Bad option values and inputs are rejected with messages naming key, value and expectation. */
class OptionsAndInputsTest {

  @ParameterizedTest(name = "{0} {1}={2}")
  @CsvSource(delimiter = '|', value = {
      "coreset-doubt  | beam          | 0    | 1 <= beam <= 256",
      "coreset-doubt  | beam          | 257  | 1 <= beam <= 256",
      "kmeans         | prefilter     | 0.5  | 0 (off) or 1 <= prefilter <= 1000",
      "kmeans         | iterations    | -1   | 0 <= iterations <= 1000",
      "cal            | neighbors     | 0    | 1 <= neighbors <= 10000",
      "cluster-margin | candidates    | 0    | 1 <= candidates <= 1000",
      "cluster-margin | clusters      | -2   | expected >= 0",
      "cluster-margin | threshold     | -1.0 | expected >= 0",
      "cluster-margin | max-clustered | 1    | 2 <= max-clustered <= 20000",
      "probcover      | delta         | -0.5 | expected >= 0",
      "probcover      | purity        | 0    | 0 < purity <= 1",
      "probcover      | purity        | 1.5  | 0 < purity <= 1",
      "probcover      | clusters      | 1    | 2 <= clusters <= 100000",
      "typiclust      | max-clusters  | 0    | 1 <= max-clusters <= 100000"})
  void outOfRangeOptionIsNamed(String strategy, String key, String value, String expected) {
    StrategyProvider p = provider(strategy);
    assertThatThrownBy(() -> p.create(p.options(Map.of(key, value))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'" + key + "'")
        .hasMessageContaining(value)
        .hasMessageContaining(expected);
  }

  @Test
  void clustersAndThresholdTogetherAreRejected() {
    StrategyProvider p = new ClusterMarginProvider();
    Options o = p.options(Map.of("clusters", "3", "threshold", "0.5"));
    assertThatThrownBy(() -> p.create(o)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("threshold").hasMessageContaining("clusters = 3");
  }

  @Test
  void calWithoutLabeledItemsSaysSo() {
    Matrix e = Matrix.of(new float[][] {{0, 0}, {1, 1}, {2, 2}});
    Matrix p = Matrix.of(new float[][] {{0.5f, 0.5f}, {0.9f, 0.1f}, {0.2f, 0.8f}});
    SelectionContext ctx = Pools.context(e, p, 0, 2, 1);
    assertThatThrownBy(() -> select(new CalProvider(), Map.of(), ctx))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no item is labeled");
  }

  @Test
  void coresetWithoutLabeledItemsStartsFarthestFromTheMean() {
    // mean (1.25, 0.25): item 3 at (4, 0) is farthest, then item 0 at (-1, 0) is farthest from it
    Matrix e = Matrix.of(new float[][] {{-1, 0}, {1, 0}, {1, 1}, {4, 0}});
    SelectionContext ctx = Pools.context(e, null, 0, 2, 1);
    var sel = select(new CoresetProvider(), Map.of(), ctx);
    assertThat(sel.indices()).containsExactly(3, 0);
    assertThat(sel.score(0)).isCloseTo(Math.hypot(2.75, 0.25), within(1e-6));
    assertThat(sel.score(1)).isEqualTo(5.0);
  }

  private static StrategyProvider provider(String name) {
    return switch (name) {
      case "coreset-doubt" -> new DoubtCoresetProvider();
      case "kmeans" -> new KMeansProvider();
      case "cal" -> new CalProvider();
      case "cluster-margin" -> new ClusterMarginProvider();
      case "probcover" -> new ProbCoverProvider();
      case "typiclust" -> new TypiClustProvider();
      default -> throw new IllegalArgumentException(name);
    };
  }
}
