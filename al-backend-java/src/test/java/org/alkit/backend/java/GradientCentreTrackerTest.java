package org.alkit.backend.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.commons.GradientCentreTracker;
import org.alkit.commons.GradientEmbeddings;
import org.junit.jupiter.api.Test;

/**
 * BADGE's factorised tracker (al-commons' {@link GradientCentreTracker}) on this engine's workers,
 * against the materialised g ⊗ h ({@link GradientEmbeddings}).
 */
class GradientCentreTrackerTest {
  private static final JavaBackend SERIAL = new JavaBackend(1, 512, false);

  @Property(tries = 200)
  void factorisedDistancesEqualMaterialised(@ForAll long seed, @ForAll @IntRange(min = 2, max = 12) int n,
      @ForAll @IntRange(min = 1, max = 5) int classes, @ForAll @IntRange(min = 1, max = 9) int d) {
    SplittableRandom rng = new SplittableRandom(seed);
    Matrix h = RandomMatrices.gaussian(n, d, rng);
    Matrix p = RandomMatrices.probabilities(n, classes, rng);
    int[] all = new int[n];
    Arrays.setAll(all, i -> i);
    Matrix materialised = GradientEmbeddings.of(p, h);
    GradientCentreTracker none = GradientCentreTracker.of(SERIAL, p, h, all);
    double[] norms = none.squaredNorms();
    // D²(i) with j as the only centre is the factorised ‖g_i − g_j‖²
    GradientCentreTracker[] only = new GradientCentreTracker[n];
    for (int j = 0; j < n; j++) {
      only[j] = none.copy();
      only[j].add(j);
    }
    for (int i = 0; i < n; i++) {
      double norm = 0;
      for (int k = 0; k < materialised.cols(); k++) {
        norm += (double) materialised.get(i, k) * materialised.get(i, k);
      }
      assertThat(norms[i]).isCloseTo(norm, within(1e-5 * (1 + norm)));
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int k = 0; k < materialised.cols(); k++) {
          double t = (double) materialised.get(i, k) - materialised.get(j, k);
          s += t * t;
        }
        assertThat(only[j].squaredDistance(i)).as("‖g%d − g%d‖²", i, j).isCloseTo(s, within(1e-5 * (1 + norm)));
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
      GradientCentreTracker tracker = GradientCentreTracker.of(backend, p, h, all);
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
    Matrix p = RandomMatrices.probabilities(n, classes, rng);
    Matrix h = RandomMatrices.gaussian(n, d, rng);
    int[] all = IntStream.range(0, n).toArray();
    int[] centres = rng.ints(Math.min(n, 5), 0, n).toArray();
    double[] one;
    double[] three;
    double[] full = new double[n];
    Arrays.fill(full, Double.POSITIVE_INFINITY);
    try (JavaBackend w1 = new JavaBackend(1, 512, false); JavaBackend w3 = new JavaBackend(3, 512, false)) {
      GradientCentreTracker a = GradientCentreTracker.of(w1, p, h, all);
      GradientCentreTracker b = GradientCentreTracker.of(w3, p, h, all);
      for (int t = 0; t < centres.length; t++) {
        a.add(centres[t]);
        b.add(centres[t]);
      }
      one = IntStream.range(0, n).mapToDouble(a::squaredDistance).toArray();
      three = IntStream.range(0, n).mapToDouble(b::squaredDistance).toArray();
      for (int c : centres) {
        assertThat(a.isCentre(c)).isTrue();
        // from D² = +∞ the bound never skips: a tracker with c alone holds every full distance to c
        GradientCentreTracker alone = GradientCentreTracker.of(w1, p, h, all);
        alone.add(c);
        for (int x = 0; x < n; x++) {
          full[x] = Math.min(full[x], alone.squaredDistance(x));
        }
      }
    }
    assertThat(three).isEqualTo(one);
    // the Cauchy–Schwarz skip leaves exactly the values a full pass computes
    for (int x = 0; x < n; x++) {
      assertThat(one[x]).as("D²(%d)", x).isEqualTo(full[x]);
    }
  }

  @Test
  void rejectsSignalsOfDifferentLengthsAndPointsOutsideThem() {
    Matrix p = RandomMatrices.probabilities(4, 3, new SplittableRandom(1));
    Matrix h = RandomMatrices.gaussian(5, 2, new SplittableRandom(2));
    assertThatThrownBy(() -> GradientCentreTracker.of(SERIAL, p, h, new int[] {0}))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("probabilities have 4 rows but features have 5; expected one row per item in both");
    assertThatThrownBy(() -> GradientCentreTracker.of(SERIAL, p, h.rows(0, 4), new int[] {0, 4}))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("points holds row 4, outside the matrix's rows [0, 4)");
  }
}
