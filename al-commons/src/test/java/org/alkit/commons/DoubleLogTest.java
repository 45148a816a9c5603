package org.alkit.commons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link DoubleLog#ln} within {@code 10⁻¹⁴ + 10⁻¹⁵·|ln v|} of {@link Math#log} on a dense sample, and
 * Math.log's special cases.
 */
class DoubleLogTest {
  @Test
  void agreesWithMathLogOnEveryFloatOfADenseSample() {
    for (int bits = Float.floatToRawIntBits(Float.MIN_NORMAL); bits < Float.floatToRawIntBits(Float.MAX_VALUE);
        bits += 997) {
      float v = Float.intBitsToFloat(bits);
      assertClose(v);
    }
  }

  @Test
  void agreesWithMathLogOnDoublesNearOneAndAcrossTheRange() {
    SplittableRandom rng = new SplittableRandom(5);
    for (int k = 0; k < 1_000_000; k++) {
      double v = k % 2 == 0 ? 1 + (rng.nextDouble() - 0.5) * 1e-3 : Math.exp((rng.nextDouble() - 0.5) * 1400);
      assertClose(v);
    }
    assertThat(DoubleLog.ln(1.0)).isZero();
  }

  private static void assertClose(double v) {
    double exact = Math.log(v);
    assertThat(DoubleLog.ln(v)).as("ln %s", v).isCloseTo(exact, within(1e-14 + 1e-15 * Math.abs(exact)));
  }

  @Test
  void specialValuesAreMathDoubleLog() {
    double[] specials = {0, -0.0, -1, Double.MIN_VALUE, Float.MIN_VALUE, Double.POSITIVE_INFINITY,
        Double.NaN};
    for (double v : specials) {
      assertThat(Double.valueOf(DoubleLog.ln(v))).as("ln %s", v).isEqualTo(Double.valueOf(Math.log(v)));
    }
    assertThat(DoubleLog.xlnx(0)).isZero();
    assertThat(DoubleLog.normalisedEntropy(0, 0)).isZero();
  }
}
