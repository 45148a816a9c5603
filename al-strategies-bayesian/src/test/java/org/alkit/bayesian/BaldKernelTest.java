package org.alkit.bayesian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.alkit.api.Matrix;
import org.junit.jupiter.api.Test;

/**
 * The Vector API kernel gives the scalar kernel's bits, so BALD selects the same items with and
 * without {@code --add-modules jdk.incubator.vector}; and the kernel's terms are the brute-force
 * entropies.
 */
class BaldKernelTest {
  /** The candidates of one block: items 0 to 7. */
  private static final int[] LANES = java.util.stream.IntStream.range(0, BaldKernel.LANES).toArray();

  @Property(tries = 60)
  void theVectorKernelGivesTheScalarKernelsBits(@ForAll @IntRange(min = 1, max = 24) int passes,
      @ForAll @IntRange(min = 2, max = 12) int classes, @ForAll long seed) {
    assumeTrue(BaldKernel.vectorAvailable(), "jdk.incubator.vector is not resolved");
    BaldKernel scalar = BaldKernel.create(passes, classes, false);
    BaldKernel vector = BaldKernel.create(passes, classes, true);
    Matrix[] stack = randomPasses(new SplittableRandom(seed), passes, classes);
    scalar.load(stack, LANES, 0, BaldKernel.LANES);
    vector.load(stack, LANES, 0, BaldKernel.LANES);
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
      kernel.load(McPools.stack(mc).toArray(Matrix[]::new), LANES, 0, BaldKernel.LANES);
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

  @Test
  void aPartBlockScoresItsItemsAsAFullBlockDoes() {
    Matrix[] stack = randomPasses(new SplittableRandom(5), 7, 5);
    for (boolean vector : vectorChoices()) {
      BaldKernel full = BaldKernel.create(7, 5, vector);
      full.load(stack, LANES, 0, BaldKernel.LANES);
      full.run();
      BaldKernel part = BaldKernel.create(7, 5, vector);
      // candidates 5, 6, 7 at positions 5..7 of the block's candidate list
      part.load(stack, LANES, 5, 3);
      part.run();
      double[] bald = new double[3];
      double[] expected = new double[3];
      part.copyTo(bald, expected, 0, 3);
      for (int b = 0; b < 3; b++) {
        assertThat(bald[b]).as("item %d (vector %s)", 5 + b, vector).isEqualTo(full.bald[5 + b]);
        assertThat(expected[b]).isEqualTo(full.expected[5 + b]);
      }
    }
  }

  /**
   * {@link BaldKernel#score} over a run of candidates (repeats, any order, not starting at 0)
   * gives each item the bits a full block's {@link BaldKernel#run} gives it, with either kernel
   * (the scalar one reads the rows straight from the passes there), and writes nothing outside the run.
   */
  @Property(tries = 40)
  void scoringARunGivesTheBlocksBits(@ForAll @IntRange(min = 1, max = 24) int passes,
      @ForAll @IntRange(min = 2, max = 12) int classes, @ForAll long seed) {
    Matrix[] stack = randomPasses(new SplittableRandom(seed), passes, classes);
    int[] candidates = {6, 7, 0, 3, 3, 5, 1, 2, 4, 0, 7};
    for (boolean vector : vectorChoices()) {
      BaldKernel block = BaldKernel.create(passes, classes, vector);
      block.load(stack, LANES, 0, BaldKernel.LANES);
      block.run();
      double[] bald = new double[candidates.length];
      double[] expected = new double[candidates.length];
      BaldKernel.create(passes, classes, vector).score(stack, candidates, 1, candidates.length, bald, expected);
      assertThat(bald[0]).as("position 0 is outside the run").isZero();
      for (int k = 1; k < candidates.length; k++) {
        assertThat(bald[k]).as("BALD at %d (item %d, vector %s)", k, candidates[k], vector)
            .isEqualTo(block.bald[candidates[k]]);
        assertThat(expected[k]).isEqualTo(block.expected[candidates[k]]);
      }
    }
  }

  private static boolean[] vectorChoices() {
    return BaldKernel.vectorAvailable() ? new boolean[] {false, true} : new boolean[] {false};
  }

  /**
   * Random rows, some with exact zeros, some that do not sum to 1 (within 10⁻³, as a context
   * accepts), and one item (0) whose passes all agree.
   */
  private static Matrix[] randomPasses(SplittableRandom rng, int passes, int classes) {
    Matrix[] out = new Matrix[passes];
    float[] agreeing = null;
    for (int t = 0; t < passes; t++) {
      float[] pass = new float[BaldKernel.LANES * classes];
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
        System.arraycopy(row, 0, pass, b * classes, classes);
      }
      out[t] = Matrix.wrap(BaldKernel.LANES, classes, pass);
    }
    return out;
  }
}
