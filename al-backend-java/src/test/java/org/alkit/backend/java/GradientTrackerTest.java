package org.alkit.backend.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.alkit.api.Matrix;

/** BADGE's factorised distances and tracker against the materialised g ⊗ h. */
class GradientTrackerTest {
  private static final JavaBackend SERIAL = new JavaBackend(1, 512, false);

  @Property(tries = 200)
  void factorisedDistancesEqualMaterialised(@ForAll long seed, @ForAll @IntRange(min = 2, max = 12) int n,
      @ForAll @IntRange(min = 1, max = 5) int classes, @ForAll @IntRange(min = 1, max = 9) int d) {
    SplittableRandom rng = new SplittableRandom(seed);
    Matrix h = RandomMatrices.gaussian(n, d, rng);
    Matrix p = RandomMatrices.probabilities(n, classes, rng);
    int[] all = new int[n];
    Arrays.setAll(all, i -> i);
    FactorisedGradients g = FactorisedGradients.of(p, h, all, SERIAL);
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
    Matrix h = RandomMatrices.gaussian(n, 4, rng);
    Matrix p = RandomMatrices.probabilities(n, 3, rng);
    int[] all = new int[n];
    Arrays.setAll(all, i -> i);
    try (JavaBackend backend = new JavaBackend(1, 512, false)) {
      GradientTracker tracker = (GradientTracker) backend.gradientCentreTracker(p, h, all);
      double[] norms = tracker.squaredNorms();
      int largest = 0;
      for (int i = 1; i < n; i++) {
        if (norms[i] > norms[largest]) {
          largest = i;
        }
      }
      tracker.add(largest);
      SplittableRandom draws = new SplittableRandom(seed);
      int[] centres = new int[k];
      centres[0] = largest;
      for (int t = 1; t < k; t++) {
        centres[t] = tracker.sample(draws.nextDouble());
        assertThat(tracker.isCentre(centres[t])).as("draw %d is no centre yet", t).isFalse();
        tracker.add(centres[t]);
      }
      assertThat(centres).doesNotHaveDuplicates().hasSize(k);
    }
  }

  @Property(tries = 40)
  void boundedUpdateEqualsPairwiseMinimumForAnyThreadCount(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 3000) int n, @ForAll @IntRange(min = 1, max = 7) int classes,
      @ForAll @IntRange(min = 1, max = 11) int d) {
    SplittableRandom rng = new SplittableRandom(seed);
    FactorisedGradients g;
    try (JavaBackend two = new JavaBackend(2, 512, false)) {
      g = FactorisedGradients.of(RandomMatrices.probabilities(n, classes, rng),
          RandomMatrices.gaussian(n, d, rng), IntStream.range(0, n).toArray(), two);
    }
    int[] centres = rng.ints(Math.min(n, 5), 0, n).toArray();
    double[] one;
    double[] three;
    try (JavaBackend w1 = new JavaBackend(1, 512, false); JavaBackend w3 = new JavaBackend(3, 512, false)) {
      GradientTracker a = new GradientTracker(w1, g);
      GradientTracker b = new GradientTracker(w3, g);
      for (int t = 0; t < centres.length; t++) {
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
