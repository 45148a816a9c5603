package org.alkit.bayesian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The Vector API kernel gives the scalar kernel's bits, so BALD selects the same items with and
 * without {@code --add-modules jdk.incubator.vector}; and the kernel's terms are the brute-force
 * entropies.
 */
class BaldKernelTest {
  @Property(tries = 60)
  void theVectorKernelGivesTheScalarKernelsBits(@ForAll @IntRange(min = 1, max = 24) int passes,
      @ForAll @IntRange(min = 2, max = 12) int classes, @ForAll long seed) {
    assumeTrue(BaldKernel.vectorAvailable(), "jdk.incubator.vector is not resolved");
    BaldKernel scalar = BaldKernel.create(passes, classes, false);
    BaldKernel vector = BaldKernel.create(passes, classes, true);
    fill(new SplittableRandom(seed), passes, classes, scalar, vector);
    scalar.run();
    vector.run();
    for (int b = 0; b < BaldKernel.LANES; b++) {
      assertThat(vector.bald[b]).as("BALD of lane %d", b).isEqualTo(scalar.bald[b]);
      assertThat(vector.expected[b]).as("expected entropy of lane %d", b).isEqualTo(scalar.expected[b]);
    }
  }

  @Test
  void eachLaneHoldsItsItemsMutualInformation() {
    int passes = 5;
    int classes = 4;
    double[][][] mc = McPools.random(passes, BaldKernel.LANES, classes, 21);
    JointEntropies brute = new JointEntropies(mc);
    for (boolean vector : vectorChoices()) {
      BaldKernel kernel = BaldKernel.create(passes, classes, vector);
      for (int t = 0; t < passes; t++) {
        for (int b = 0; b < BaldKernel.LANES; b++) {
          for (int c = 0; c < classes; c++) {
            kernel.set(t, c, b, (float) mc[t][b][c]);
          }
        }
      }
      kernel.run();
      for (int b = 0; b < BaldKernel.LANES; b++) {
        double expected = 0;
        for (double[] row : McPools.rowsOf(mc, b)) {
          expected += McPools.entropy(row) / passes;
        }
        assertThat(kernel.bald[b]).as("BALD of lane %d (vector %s)", b, vector)
            .isCloseTo(brute.bald(b), within(1e-12));
        assertThat(kernel.expected[b]).isCloseTo(expected, within(1e-12));
      }
    }
  }

  private static boolean[] vectorChoices() {
    return BaldKernel.vectorAvailable() ? new boolean[] {false, true} : new boolean[] {false};
  }

  /**
   * Random rows, some with exact zeros, some that do not sum to 1 (within 10⁻³, as a context
   * accepts), and one lane whose passes all agree.
   */
  private static void fill(SplittableRandom rng, int passes, int classes, BaldKernel... kernels) {
    float[] agreeing = null;
    for (int t = 0; t < passes; t++) {
      for (int b = 0; b < BaldKernel.LANES; b++) {
        float[] row = new float[classes];
        double sum = 0;
        for (int c = 0; c < classes; c++) {
          row[c] = rng.nextInt(4) == 0 ? 0 : (float) Math.exp(3 * rng.nextDouble() - 3);
          sum += row[c];
        }
        double scale = (1 + (rng.nextDouble() - 0.5) * 1e-3) / (sum > 0 ? sum : 1);
        for (int c = 0; c < classes; c++) {
          row[c] = sum > 0 ? (float) (row[c] * scale) : 1f / classes;
        }
        if (b == 0) {
          agreeing = agreeing == null ? row : agreeing;
          row = agreeing;
        }
        for (BaldKernel kernel : kernels) {
          for (int c = 0; c < classes; c++) {
            kernel.set(t, c, b, row[c]);
          }
        }
      }
    }
  }
}
