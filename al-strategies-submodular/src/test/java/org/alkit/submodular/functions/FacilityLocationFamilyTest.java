package org.alkit.submodular.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.alkit.api.ComputeBackend;
import org.alkit.api.Matrix;
import org.alkit.api.Similarity;
import org.alkit.submodular.Kernels;
import org.alkit.submodular.SetFunction;
import org.alkit.submodular.kernels.KernelBuilder;
import org.alkit.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The facility-location family's shortcuts change no bit: a symmetric kernel read in place instead
 * of transposed, and the uncapped dense gain instead of the general one.
 */
class FacilityLocationFamilyTest {
  private static final ComputeBackend BACKEND = Fixtures.javaBackend().orElseThrow();
  private static final KernelBuilder BUILDER = new KernelBuilder("data", "query", "private");
  private static final int N = 60;
  private static final int PICKS = 12;

  private static Matrix features(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[n * 5];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    return Matrix.wrap(n, 5, x);
  }

  /**
   * Asserts equal gains ({@link Double#equals}: bit for bit, NaN included) of every item before
   * each of {@value #PICKS} common picks.
   */
  private static void assertSameGains(SetFunction a, SetFunction b, String what) {
    SplittableRandom random = new SplittableRandom(7);
    for (int t = 0; t < PICKS; t++) {
      for (int j = 0; j < a.groundSize(); j++) {
        assertThat(Double.valueOf(a.gain(j))).as("%s: gain of %d before pick %d", what, j, t)
            .isEqualTo(Double.valueOf(b.gain(j)));
      }
      int pick = random.nextInt(a.groundSize());
      a.add(pick);
      b.add(pick);
    }
  }

  @ParameterizedTest
  @EnumSource(value = Similarity.class, names = {"EUCLIDEAN", "COSINE", "DOT"})
  void aSymmetricKernelReadInPlaceGivesTheGainsOfItsTransposedCopy(Similarity metric) {
    Matrix data = features(N, 1);
    Matrix query = features(4, 2);
    Matrix privateSet = features(3, 3);
    for (String name : new String[] {"facility-location", "flmi", "flcg", "flcmi"}) {
      Kernels k = BUILDER.build(name, data, query, privateSet, metric, BACKEND,
          KernelBuilder.DataKernel.DENSE);
      Catalog.Spec spec = Catalog.get(name);
      assertSameGains(spec.create(Map.of(), k, true), spec.create(Map.of(), k, false),
          name + " " + metric);
    }
  }

  @Test
  void theUncappedDenseGainIsTheGeneralGain() {
    SplittableRandom random = new SplittableRandom(4);
    float[] s = new float[N * N];
    for (int p = 0; p < s.length; p++) {
      s[p] = (float) random.nextDouble(-0.5, 1); // negative similarities clamp at the floor
    }
    s[5 * N + 9] = Float.NaN;
    Columns columns = Columns.ofRows(Matrix.wrap(N, N, s));
    float[] floor = new float[N];
    for (int i = 0; i < N; i++) {
      floor[i] = (float) random.nextDouble(0, 0.5);
    }
    float[] infinite = new float[N];
    Arrays.fill(infinite, Float.POSITIVE_INFINITY);
    assertSameGains(new FacilityLocationFamily(columns, null, null, null),
        new FacilityLocationFamily(columns, null, infinite, null), "no floor");
    assertSameGains(new FacilityLocationFamily(columns, floor, null, null),
        new FacilityLocationFamily(columns, floor, infinite.clone(), null), "floor");
  }

  /**
   * The definition of {@link FacilityLocationFamily#gain}, from scratch: u_j + Σ_i over rows in
   * order of min(max(M_i, S_ij), c_i) − min(M_i, c_i), leaving out the rows with S_ij ≤ M_i and a
   * number c_i.
   */
  private static double definedGain(float[] s, int n, int j, float[] memo, float[] cap) {
    double g = 0.0;
    for (int i = 0; i < n; i++) {
      float v = s[j * n + i];
      float c = cap == null ? Float.POSITIVE_INFINITY : cap[i];
      if (!(v <= memo[i]) || Float.isNaN(c)) {
        g += Math.min(Math.max(memo[i], v), c) - Math.min(memo[i], c);
      }
    }
    return g;
  }

  /**
   * Gains read from kept survivor lists equal the defined sums over whole columns bit for bit, as
   * a naive greedy evaluates every item at every step (so lists are built, used and shortened),
   * with and without floor and cap; after {@code clear()} no list is kept and the gains are those
   * of A = ∅ again.
   */
  @Test
  void keptSurvivorListsGiveTheGainsOfWholeColumns() {
    int n = 4 * FacilityLocationFamily.MIN_KEPT + 3;
    SplittableRandom random = new SplittableRandom(11);
    float[] s = new float[n * n];
    for (int p = 0; p < s.length; p++) {
      s[p] = (float) random.nextDouble(-0.2, 1);
    }
    float[] floor = new float[n];
    float[] cap = new float[n];
    for (int i = 0; i < n; i++) {
      floor[i] = (float) random.nextDouble(0, 0.3);
      cap[i] = (float) random.nextDouble(0.6, 1.2);
    }
    float[][][] variants = {{null, null}, {floor, null}, {null, cap}, {floor, cap}};
    for (float[][] variant : variants) {
      float[] p = variant[0];
      float[] c = variant[1];
      String what = (p == null ? "no floor" : "floor") + ", " + (c == null ? "no cap" : "cap");
      FacilityLocationFamily f = new FacilityLocationFamily(Columns.ofRows(Matrix.wrap(n, n, s)),
          p == null ? null : p.clone(), c == null ? null : c.clone(), null);
      float[] memo = p == null ? new float[n] : p.clone();
      for (int step = 0; step < 30; step++) {
        for (int j = 0; j < n; j++) {
          assertThat(Double.valueOf(f.gain(j))).as("%s: gain of %d at step %d", what, j, step)
              .isEqualTo(Double.valueOf(definedGain(s, n, j, memo, c)));
        }
        int pick = random.nextInt(n);
        f.add(pick);
        for (int i = 0; i < n; i++) {
          memo[i] = Math.max(memo[i], s[pick * n + i]);
        }
      }
      assertThat(f.keptLists()).as("%s: columns with kept survivors", what).isPositive();
      f.clear();
      assertThat(f.keptLists()).as("%s: kept lists after clear", what).isZero();
      float[] empty = p == null ? new float[n] : p;
      for (int j = 0; j < n; j++) {
        assertThat(Double.valueOf(f.gain(j))).as("%s: gain of %d after clear", what, j)
            .isEqualTo(Double.valueOf(definedGain(s, n, j, empty, c)));
      }
    }
  }
}
