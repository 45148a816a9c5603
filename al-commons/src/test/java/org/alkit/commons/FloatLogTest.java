package org.alkit.commons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import org.alkit.api.Matrix;
import org.junit.jupiter.api.Test;

/**
 * {@link FloatLog} against {@link Math#log}: a dense sample of every binade, every float next to 1
 * and next to the table's split at 1.5, the special values, and the entropy built on it.
 */
class FloatLogTest {
  /** The relative error FloatLog promises. */
  private static final double RELATIVE = 1e-11;

  @Test
  void matchesMathLogOverEveryBinade() {
    // a prime stride visits every table node and many mantissa tails of every binade
    assertThat(worstRelativeError(Float.MIN_NORMAL, Float.MAX_VALUE, 61)).isLessThan(RELATIVE);
  }

  @Test
  void matchesMathLogNextToOneAndToTheTableSplit() {
    for (float centre : new float[] {1f, 0.75f, 1.5f}) {
      float from = Float.intBitsToFloat(Float.floatToRawIntBits(centre) - (1 << 16));
      float to = Float.intBitsToFloat(Float.floatToRawIntBits(centre) + (1 << 16));
      assertThat(worstRelativeError(from, to, 1)).as("around %s", centre).isLessThan(RELATIVE);
    }
  }

  @Test
  void isExactWhereMathLogIs() {
    assertThat(FloatLog.ln(1f)).isZero();
    assertThat(FloatLog.ln(2f)).isEqualTo(Math.log(2));
    assertThat(FloatLog.ln(0.5f)).isEqualTo(-Math.log(2));
  }

  @Test
  void leavesSpecialValuesToMathLog() {
    for (float v : new float[] {0f, -0f, Float.MIN_VALUE, Float.MIN_NORMAL / 3, -1f,
        Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN}) {
      // compared as bits, so that NaN equals NaN
      assertThat(Double.doubleToLongBits(FloatLog.ln(v))).as("ln %s", v)
          .isEqualTo(Double.doubleToLongBits(Math.log(v)));
    }
  }

  @Test
  void entropyOfFloatRowsMatchesTheMathLogFormula() {
    SplittableRandom rng = new SplittableRandom(7);
    int rows = 2000;
    int cols = 50;
    float[] data = new float[rows * cols];
    for (int i = 0; i < data.length; i++) {
      // spans 1e-12 .. 1, zeros included; rows are left unnormalised on purpose
      data[i] = rng.nextInt(10) == 0 ? 0f : (float) Math.pow(10, -12 * rng.nextDouble());
    }
    Matrix p = Matrix.wrap(rows, cols, data);
    for (int i = 0; i < rows; i++) {
      double sum = 0;
      for (int j = 0; j < cols; j++) {
        sum += p.get(i, j);
      }
      double expected = 0;
      for (int j = 0; j < cols; j++) {
        double q = p.get(i, j) / sum;
        expected -= q > 0 ? q * Math.log(q) : 0;
      }
      assertThat(Probabilities.entropy(p, i)).as("entropy of row %d", i)
          .isCloseTo(expected, offset(1e-12 * expected));
    }
  }

  /**
   * The largest {@code |FloatLog.ln(v) − Math.log(v)| / |Math.log(v)|} over the floats from
   * {@code from} to {@code to} (both positive), every {@code stride}-th bit pattern; infinite if
   * FloatLog misses an exact {@code ln 1 = 0}.
   */
  private static double worstRelativeError(float from, float to, int stride) {
    double worst = 0;
    for (int bits = Float.floatToRawIntBits(from); bits <= Float.floatToRawIntBits(to); bits += stride) {
      float v = Float.intBitsToFloat(bits);
      double expected = Math.log(v);
      double error = Math.abs(FloatLog.ln(v) - expected);
      worst = Math.max(worst, expected == 0 ? (error == 0 ? 0 : Double.POSITIVE_INFINITY)
          : error / Math.abs(expected));
    }
    return worst;
  }
}
