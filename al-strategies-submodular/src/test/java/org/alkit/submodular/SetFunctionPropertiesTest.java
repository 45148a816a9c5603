package org.alkit.submodular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.alkit.api.Matrix;
import org.alkit.api.Parameter;

/**
 * Laws every function keeps on random Laplacian kernels exp(−‖x − y‖ / d), which are symmetric,
 * positive definite and in (0, 1]: memoized gains equal differences of {@code evaluate}, values
 * telescope, monotone functions never lose, and submodular ones have diminishing returns.
 */
class SetFunctionPropertiesTest {
  private static final double TOL = 1e-5;
  private static final Set<String> MONOTONE = Set.of("facility-location", "flmi", "flvmi", "gcmi",
      "com", "flcg", "flcmi", "logdet-mi", "logdet-cmi", "disparity-sum");

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.of(SetFunctions.names());
  }

  /**
   * A random instance: n in 4..12, q and p in 1..4, options drawn from dyadic values. For the
   * log-det measures η, ν ≤ 1 (and 1 for logdet-cmi, whose KQP is not scaled), which keeps the
   * super-kernel positive semi-definite: scaling the cross blocks by more than 1 may not.
   */
  private static SetFunction instance(String name, SplittableRandom rnd, Map<String, String> forced) {
    int n = 4 + rnd.nextInt(9);
    int d = 1 + rnd.nextInt(3);
    float[][] x = points(rnd, n, d);
    float[][] q = points(rnd, 1 + rnd.nextInt(4), d);
    float[][] p = points(rnd, 1 + rnd.nextInt(4), d);
    Kernels k = Kernels.none()
        .withKernel(SubmodlibKernels.kernel(x, x, "euclidean"))
        .withQueryKernel(SubmodlibKernels.kernel(x, q, "euclidean"))
        .withPrivateKernel(SubmodlibKernels.kernel(x, p, "euclidean"))
        .withQueryQueryKernel(SubmodlibKernels.kernel(q, q, "euclidean"))
        .withPrivatePrivateKernel(SubmodlibKernels.kernel(p, p, "euclidean"))
        .withQueryPrivateKernel(SubmodlibKernels.kernel(q, p, "euclidean"));
    Map<String, String> options = new HashMap<>();
    String[] scales = {"0.25", "0.5", "1", "2"};
    for (Parameter param : SetFunctions.parameters(name)) {
      String value = param.type() == Parameter.Type.CHOICE
          ? param.choices().get(rnd.nextInt(param.choices().size()))
          : scales[rnd.nextInt(name.startsWith("log") ? 3 : scales.length)];
      boolean crossScale = param.name().equals("eta") || param.name().equals("nu");
      options.put(param.name(), name.equals("logdet-cmi") && crossScale ? "1" : value);
    }
    options.putAll(forced);
    return SetFunctions.create(name, options, k);
  }

  private static float[][] points(SplittableRandom rnd, int count, int d) {
    float[][] x = new float[count][d];
    for (float[] row : x) {
      for (int k = 0; k < d; k++) {
        row[k] = rnd.nextInt(-512, 512) / 256f;
      }
    }
    return x;
  }

  private static int[] permutation(SplittableRandom rnd, int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      int j = rnd.nextInt(i + 1);
      a[i] = a[j];
      a[j] = i;
    }
    return a;
  }

  private static double tolerance(double scale) {
    return TOL * Math.max(1, Math.abs(scale));
  }

  @Property(tries = 150)
  void gainsAreDifferencesOfEvaluateAndTelescope(@ForAll("names") String name, @ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    SetFunction f = instance(name, rnd, Map.of());
    int n = f.groundSize();
    int[] order = permutation(rnd, n);
    int steps = 1 + rnd.nextInt(n - 1);
    double value = f.evaluate(new int[0]);
    for (int t = 0; t < steps; t++) {
      int[] current = Arrays.copyOf(order, t);
      double fa = f.evaluate(current);
      for (int s = t; s < n; s++) {
        int j = order[s];
        int[] with = Arrays.copyOf(order, t + 1);
        with[t] = j;
        double expected = f.evaluate(with) - fa;
        assertThat(f.gain(j)).as("%s: f(%d | %s)", name, j, Arrays.toString(current))
            .isCloseTo(expected, within(tolerance(fa)));
      }
      value += f.gain(order[t]);
      f.add(order[t]);
    }
    assertThat(value).as("%s: f(∅) + Σ gains", name)
        .isCloseTo(f.evaluate(Arrays.copyOf(order, steps)), within(tolerance(value)));
    f.clear();
    assertThat(f.gain(order[0])).as("%s: gain after clear()", name)
        .isCloseTo(f.evaluate(new int[] {order[0]}) - f.evaluate(new int[0]), within(TOL));
  }

  @Property(tries = 100)
  void monotoneFunctionsNeverLose(@ForAll("names") String name, @ForAll long seed) {
    if (!MONOTONE.contains(name) && !name.equals("graph-cut")) {
      return;
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    Map<String, String> forced = name.equals("graph-cut") ? Map.of("lambda", "0.5") : Map.of();
    SetFunction f = instance(name, rnd, forced);
    int[] order = permutation(rnd, f.groundSize());
    for (int t = 0; t < order.length; t++) {
      for (int s = t; s < order.length; s++) {
        assertThat(f.gain(order[s])).as("%s: gain of %d after %d adds", name, order[s], t)
            .isGreaterThanOrEqualTo(-TOL);
      }
      f.add(order[t]);
    }
  }

  @Property(tries = 150)
  void submodularFunctionsHaveDiminishingReturns(@ForAll("names") String name, @ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    SetFunction f = instance(name, rnd, Map.of());
    if (!f.isSubmodular()) {
      return;
    }
    int n = f.groundSize();
    int[] order = permutation(rnd, n);
    int a = rnd.nextInt(n - 1);
    int b = a + rnd.nextInt(n - a);
    for (int t = 0; t < a; t++) {
      f.add(order[t]);
    }
    double[] small = new double[n];
    for (int s = b; s < n; s++) {
      small[s] = f.gain(order[s]);
    }
    for (int t = a; t < b; t++) {
      f.add(order[t]);
    }
    for (int s = b; s < n; s++) {
      assertThat(f.gain(order[s])).as("%s: gain of %d given |A| = %d vs |B| = %d", name, order[s], a, b)
          .isLessThanOrEqualTo(small[s] + tolerance(small[s]));
    }
  }

  @Property(tries = 30)
  void sparseFacilityLocationEqualsDenseWithTheSameEntries(@ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = 4 + rnd.nextInt(9);
    float[][] x = points(rnd, n, 2);
    Matrix dense = SubmodlibKernels.kernel(x, x, "euclidean");
    int k = 1 + rnd.nextInt(n);
    float[][] kept = new float[n][n];
    long[] rowPtr = new long[n + 1];
    int[] cols = new int[n * k];
    float[] vals = new float[n * k];
    int at = 0;
    for (int i = 0; i < n; i++) {
      int[] perm = permutation(rnd, n);
      int[] chosen = Arrays.copyOf(perm, k);
      Arrays.sort(chosen);
      for (int j : chosen) {
        kept[i][j] = dense.get(i, j);
        cols[at] = j;
        vals[at++] = dense.get(i, j);
      }
      rowPtr[i + 1] = at;
    }
    SetFunction sparse = SetFunctions.create("facility-location", Map.of(),
        Kernels.none().withSparseKernel(new org.alkit.api.SparseMatrix(n, n, rowPtr, cols, vals)));
    SetFunction full = SetFunctions.create("facility-location", Map.of(),
        Kernels.none().withKernel(Matrix.of(kept)));
    int[] order = permutation(rnd, n);
    for (int t = 0; t < n; t++) {
      for (int j = 0; j < n; j++) {
        assertThat(sparse.gain(j)).isEqualTo(full.gain(j));
      }
      assertThat(sparse.evaluate(Arrays.copyOf(order, t))).isEqualTo(full.evaluate(Arrays.copyOf(order, t)));
      sparse.add(order[t]);
      full.add(order[t]);
    }
  }
}
