package org.alkit.bayesian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.alkit.api.ComputeBackend;
import org.alkit.testkit.Fixtures;

/**
 * The kernels against the plain computation in double: {@link JointKernel}'s products and fused
 * conditional entropies, and {@link Coarsening}'s grouped mixture, whose conditional entropies
 * bound the fine ones from above (Jensen) for any grouping.
 */
class JointKernelTest {
  @Property(tries = 80)
  void productsAndConditionalEntropiesMatchThePlainComputation(@ForAll @IntRange(min = 1, max = 13) int rows,
      @ForAll @IntRange(min = 1, max = 9) int passes, @ForAll @IntRange(min = 1, max = 5) int items,
      @ForAll @IntRange(min = 2, max = 5) int classes, @ForAll long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] posterior = posteriors(rows, passes, rng);
    double[] weights = weights(rows, rng);
    float[][] labels = labels(passes, items, classes, rng);
    int width = items * classes;
    float[][] acc = JointKernel.accumulators(width);
    for (int m = 0; m < rows; m += JointKernel.ROWS) {
      int count = Math.min(JointKernel.ROWS, rows - m);
      JointKernel.products(posterior, m, count, passes, labels, width, acc);
      for (int k = 0; k < JointKernel.ROWS; k++) {
        for (int j = 0; j < width; j++) {
          double expected = k < count ? predictive(posterior, m + k, passes, labels, j) : 0;
          assertThat((double) acc[k][j]).as("row %d column %d", m + k, j).isCloseTo(expected, within(1e-6));
        }
      }
    }
    double[] out = new double[items];
    JointKernel.conditionalEntropies(posterior, weights, rows, passes, labels, items, classes, out);
    double[] plain = plainConditionalEntropies(posterior, weights, rows, passes, labels, items, classes);
    for (int b = 0; b < items; b++) {
      assertThat(out[b]).as("item %d", b).isCloseTo(plain[b], within(1e-5));
    }
  }

  @Property(tries = 60)
  void groupedMixturesBoundTheConditionalEntropiesFromAbove(@ForAll @IntRange(min = 1, max = 300) int rows,
      @ForAll @IntRange(min = 1, max = 40) int groups, @ForAll @IntRange(min = 1, max = 8) int passes,
      @ForAll @IntRange(min = 2, max = 5) int classes, @ForAll long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] posterior = posteriors(rows, passes, rng);
    double[] weights = weights(rows, rng);
    JointPosterior.Mixture coarse = Coarsening.of(posterior, weights, rows, passes, groups, backend());
    assertThat(coarse.rows()).isBetween(1, Math.min(rows, groups));
    assertThat(Arrays.stream(coarse.weights()).sum()).isCloseTo(Arrays.stream(weights).sum(), within(1e-9));
    int items = 6;
    float[][] labels = labels(passes, items, classes, rng);
    double[] fine = plainConditionalEntropies(posterior, weights, rows, passes, labels, items, classes);
    double[] bound = new double[items];
    JointKernel.conditionalEntropies(coarse.posterior(), coarse.weights(), coarse.rows(), passes, labels, items,
        classes, bound);
    for (int b = 0; b < items; b++) {
      assertThat(bound[b]).as("item %d: grouped bound against the fine value", b)
          .isGreaterThanOrEqualTo(fine[b] - BatchBald.ROUNDING);
    }
    if (groups >= rows && Arrays.stream(weights).allMatch(w -> w > 0)) {
      for (int b = 0; b < items; b++) {
        assertThat(bound[b]).as("item %d: one row a group is the fine mixture", b).isCloseTo(fine[b], within(1e-5));
      }
    }
  }

  /** Rows of positive floats summing to 1, some nearly one-hot. */
  private static float[] posteriors(int rows, int passes, SplittableRandom rng) {
    float[] out = new float[rows * passes];
    for (int m = 0; m < rows; m++) {
      double sharpness = 1 + 6 * rng.nextDouble();
      double sum = 0;
      double[] row = new double[passes];
      for (int t = 0; t < passes; t++) {
        row[t] = Math.pow(rng.nextDouble(), sharpness) + 1e-9;
        sum += row[t];
      }
      for (int t = 0; t < passes; t++) {
        out[m * passes + t] = (float) (row[t] / sum);
      }
    }
    return out;
  }

  private static double[] weights(int rows, SplittableRandom rng) {
    double[] w = new double[rows];
    for (int m = 0; m < rows; m++) {
      // some rows of weight 0, never all: a mixture's weights sum to 1
      w[m] = m > 0 && rng.nextInt(5) == 0 ? 0 : rng.nextDouble();
    }
    return w;
  }

  /** {@code labels[t][b·C + c]}: each item's pass rows summing to 1. */
  private static float[][] labels(int passes, int items, int classes, SplittableRandom rng) {
    float[][] out = new float[passes][items * classes];
    for (int t = 0; t < passes; t++) {
      for (int b = 0; b < items; b++) {
        double[] row = new double[classes];
        double sum = 0;
        for (int c = 0; c < classes; c++) {
          row[c] = rng.nextDouble() * rng.nextDouble();
          sum += row[c];
        }
        for (int c = 0; c < classes; c++) {
          out[t][b * classes + c] = (float) (row[c] / sum);
        }
      }
    }
    return out;
  }

  private static double predictive(float[] posterior, int m, int passes, float[][] labels, int j) {
    double v = 0;
    for (int t = 0; t < passes; t++) {
      v += (double) posterior[m * passes + t] * labels[t][j];
    }
    return v;
  }

  private static double[] plainConditionalEntropies(float[] posterior, double[] weights, int rows, int passes,
      float[][] labels, int items, int classes) {
    double[] out = new double[items];
    for (int m = 0; m < rows; m++) {
      for (int b = 0; b < items; b++) {
        double[] p = new double[classes];
        double sum = 0;
        for (int c = 0; c < classes; c++) {
          p[c] = predictive(posterior, m, passes, labels, b * classes + c);
          sum += p[c];
        }
        for (int c = 0; c < classes; c++) {
          p[c] /= sum;
        }
        out[b] += weights[m] * McPools.entropy(p);
      }
    }
    return out;
  }

  private static ComputeBackend backend() {
    return Fixtures.javaBackend().orElseThrow();
  }
}
