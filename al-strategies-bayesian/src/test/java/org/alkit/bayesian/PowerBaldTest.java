package org.alkit.bayesian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * power-BALD: β → ∞ is BALD's top-k, and the first pick is drawn with probability
 * BALD^β / Σ BALD^β (β = 0 uniform).
 */
class PowerBaldTest {
  private static final PowerBaldProvider PROVIDER = new PowerBaldProvider();

  @Property(tries = 60)
  void aHugeBetaGivesBaldsTopK(@ForAll @IntRange(min = 2, max = 8) int passes,
      @ForAll @IntRange(min = 1, max = 40) int n, @ForAll @IntRange(min = 2, max = 6) int classes,
      @ForAll @IntRange(min = 1, max = 40) int budget, @ForAll long seed) {
    double[][][] mc = McPools.random(passes, n, classes, seed);
    SelectionContext ctx = McPools.context(mc, Math.min(budget, n)).seed(seed).build();
    Selection power = McPools.select(PROVIDER, Map.of("beta", "1e12"), ctx);
    Selection bald = McPools.select(new BaldProvider(), Map.of(), ctx);
    // scores within 1e-9: items whose BALD differs by less may legitimately swap
    assertThat(power.scores()).as("BALD of the picks, in order")
        .containsExactly(bald.scores(), within(1e-9));
  }

  @ParameterizedTest(name = "beta {0}")
  @ValueSource(doubles = {0, 1, 2})
  void theFirstPickIsDrawnInProportionToBaldToTheBeta(double beta) {
    double[][][] mc = McPools.random(6, 5, 3, 21);
    double[] bald = McPools.scores(new BaldProvider(), McPools.context(mc, 1).build());
    double[] weight = Arrays.stream(bald).map(s -> Math.pow(s, beta)).toArray();
    double total = Arrays.stream(weight).sum();
    int draws = 4000;
    int[] counts = new int[bald.length];
    for (int seed = 0; seed < draws; seed++) {
      Selection s = McPools.select(PROVIDER, Map.of("beta", Double.toString(beta)),
          McPools.context(mc, 1).seed(seed).build());
      counts[s.index(0)]++;
    }
    for (int i = 0; i < bald.length; i++) {
      double p = weight[i] / total;
      double sigma = Math.sqrt(draws * p * (1 - p));
      assertThat((double) counts[i]).as("draws of item %d, expected share %.3f", i, p)
          .isCloseTo(draws * p, within(5 * sigma + 1));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "-0.5"})
  void aNegativeBetaIsRejected(String beta) {
    SelectionContext ctx = McPools.context(McPools.random(2, 3, 2, 1), 1).build();
    assertThatThrownBy(() -> McPools.select(PROVIDER, Map.of("beta", beta), ctx))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("option 'beta' = " + Double.parseDouble(beta))
        .hasMessageContaining("expected >= 0");
  }
}
