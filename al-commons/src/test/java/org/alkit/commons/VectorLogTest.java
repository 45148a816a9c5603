package org.alkit.commons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link VectorLog#ln} gives exactly {@link DoubleLog#ln}'s bits on every positive normal input,
 * in the vector body and the scalar tail alike, and a finite value at zero. Runs where the JVM
 * resolves {@code jdk.incubator.vector} (the build passes {@code --add-modules}).
 */
class VectorLogTest {
  @BeforeAll
  static void needsTheVectorApi() {
    assumeTrue(VectorApi.available(VectorLogTest.class), "jdk.incubator.vector is not resolved");
  }

  @Test
  void everyFloatOfADenseSampleHasDoubleLogsBits() {
    int first = Float.floatToRawIntBits(Float.MIN_VALUE);
    int last = Float.floatToRawIntBits(Float.MAX_VALUE);
    int step = 101;
    double[] x = new double[(last - first) / step + 1];
    for (int k = 0; k < x.length; k++) {
      x[k] = Float.intBitsToFloat(first + k * step);
    }
    assertSameBits(x);
  }

  @Test
  void doublesNearOneAndAcrossTheRangeHaveDoubleLogsBits() {
    SplittableRandom rng = new SplittableRandom(11);
    // an odd length, so the scalar tail runs too
    double[] x = new double[1_000_003];
    for (int k = 0; k < x.length; k++) {
      x[k] = switch (k % 4) {
        case 0 -> 1 + (rng.nextDouble() - 0.5) * 1e-3;
        case 1 -> Math.exp((rng.nextDouble() - 0.5) * 1400);
        case 2 -> Math.sqrt(2) * (1 + (rng.nextDouble() - 0.5) * 1e-9);
        default -> rng.nextDouble();
      };
    }
    x[0] = 1;
    x[1] = Double.MIN_NORMAL;
    x[2] = Double.MAX_VALUE;
    assertSameBits(x);
  }

  @Test
  void zeroGivesAFiniteValueSoThatZeroTimesItIsZero() {
    double[] x = new double[17];
    double[] out = new double[17];
    VectorLog.ln(x, out, x.length);
    for (int k = 0; k < x.length; k++) {
      assertThat(out[k]).as("lane %d", k).isFinite();
      assertThat(x[k] * out[k]).isZero();
    }
  }

  private static void assertSameBits(double[] x) {
    double[] out = new double[x.length];
    VectorLog.ln(x, out, x.length);
    for (int k = 0; k < x.length; k++) {
      if (Double.doubleToRawLongBits(out[k]) != Double.doubleToRawLongBits(DoubleLog.ln(x[k]))) {
        assertThat(out[k]).as("ln %s at %d", x[k], k).isEqualTo(DoubleLog.ln(x[k]));
      }
    }
  }
}
