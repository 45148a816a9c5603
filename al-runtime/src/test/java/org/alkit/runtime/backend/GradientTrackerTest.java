package org.alkit.diversity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.alkit.api.Matrix;

/** BADGE's factorised distances against the materialised g ⊗ h. */
class BadgePropertiesTest {

  @Property(tries = 200)
  void factorisedDistancesEqualMaterialised(@ForAll long seed, @ForAll @IntRange(min = 2, max = 12) int n,
      @ForAll @IntRange(min = 1, max = 5) int classes, @ForAll @IntRange(min = 1, max = 9) int d) {
    SplittableRandom rng = new SplittableRandom(seed);
    Matrix h = Pools.gaussian(n, d, rng);
    Matrix p = Pools.probabilities(n, classes, rng);
    int[] all = new int[n];
    Arrays.setAll(all, i -> i);
    FactorisedGradients g = FactorisedGradients.of(p, h, all, Workers.of(1));
    for (int i = 0; i < n; i++) {
      float[] gi = g.materialise(i);
      double norm = 0;
      for (float v : gi) {
        norm += (double) v * v;
      }
      assertThat(g.squaredNorm(i)).isCloseTo(norm, within(1e-5 * (1 + norm)));
      for (int j = 0; j < n; j++) {
        float[] gj = g.materialise(j);
        double s = 0;
        for (int k = 0; k < gi.length; k++) {
          double t = (double) gi[k] - gj[k];
          s += t * t;
        }
        assertThat(g.squaredDistance(i, j)).as("‖g%d − g%d‖²", i, j).isCloseTo(s, within(1e-5 * (1 + norm)));
      }
    }
  }

  @Property(tries = 50)
  void seedingIsDistinctAndStartsAtTheLargestNorm(@ForAll long seed, @ForAll @IntRange(min = 1, max = 20) int k) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = 20;
    Matrix h = Pools.gaussian(n, 4, rng);
    Matrix p = Pools.probabilities(n, 3, rng);
    int[] all = new int[n];
    Arrays.setAll(all, i -> i);
    FactorisedGradients g = FactorisedGradients.of(p, h, all, Workers.of(1));
    int largest = 0;
    for (int i = 1; i < n; i++) {
      if (g.squaredNorm(i) > g.squaredNorm(largest)) {
        largest = i;
      }
    }
    KMeansPlusPlus.Seeds s = KMeansPlusPlus.seed(
        GradientMinDistances.startingAt(g, largest, Workers.of(1)), k, largest,
        new SplittableRandom(seed));
    assertThat(s.centres()).doesNotHaveDuplicates().hasSize(k);
    assertThat(s.centres()[0]).isEqualTo(largest);
  }

  @Property(tries = 40)
  void boundedUpdateEqualsPairwiseMinimumForAnyThreadCount(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 3000) int n, @ForAll @IntRange(min = 1, max = 7) int classes,
      @ForAll @IntRange(min = 1, max = 11) int d) {
    SplittableRandom rng = new SplittableRandom(seed);
    FactorisedGradients g;
    try (Workers w2 = Workers.of(2)) {
      g = FactorisedGradients.of(Pools.probabilities(n, classes, rng), Pools.gaussian(n, d, rng),
          IntStream.range(0, n).toArray(), w2);
    }
    int[] centres = rng.ints(Math.min(n, 5), 0, n).toArray();
    double[] one;
    double[] three;
    try (Workers w1 = Workers.of(1); Workers w3 = Workers.of(3)) {
      GradientMinDistances a = GradientMinDistances.startingAt(g, centres[0], w1);
      GradientMinDistances b = GradientMinDistances.startingAt(g, centres[0], w3);
      for (int t = 1; t < centres.length; t++) {
        a.add(centres[t]);
        b.add(centres[t]);
      }
      one = IntStream.range(0, n).mapToDouble(a::squaredDistance).toArray();
      three = IntStream.range(0, n).mapToDouble(b::squaredDistance).toArray();
      for (int c : centres) {
        assertThat(a.isCentre(c)).isTrue();
      }
    }
    assertThat(three).isEqualTo(one);
    // the Cauchy–Schwarz skip leaves exactly the values a full pass computes
    for (int x = 0; x < n; x++) {
      double min = Double.POSITIVE_INFINITY;
      for (int c : centres) {
        min = Math.min(min, c == x ? 0 : g.squaredDistance(x, c));
      }
      assertThat(one[x]).as("D²(%d)", x).isEqualTo(min);
    }
  }
}
