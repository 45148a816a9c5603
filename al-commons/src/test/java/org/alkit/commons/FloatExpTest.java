package org.alkit.commons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FloatExpTest {
  /** Units in the last place between two finite non-negative floats. */
  private static int ulps(float a, float b) {
    return Math.abs(Float.floatToRawIntBits(a) - Float.floatToRawIntBits(b));
  }

  @Test
  void euclideanIsWithinTwoUlpOfTheCorrectlyComputedExponentialOverItsWholeRange() {
    int worst = 0;
    // every 97th float distance from 0 up to where the result leaves the normal floats
    for (int bits = 0; bits <= Float.floatToRawIntBits(87.33f); bits += 97) {
      float distance = Float.intBitsToFloat(bits);
      float squared = distance * distance;
      float expected = (float) Math.exp(-(double) (float) Math.sqrt(squared));
      worst = Math.max(worst, ulps(FloatExp.euclideanSimilarity(squared, 1f), expected));
    }
    assertThat(worst).isLessThanOrEqualTo(2);
  }

  @Test
  void euclideanIsOneForARowWithItselfZeroFarAwayAndNaNForNaN() {
    assertThat(FloatExp.euclideanSimilarity(0f, 1f / 7)).isEqualTo(1f);
    assertThat(FloatExp.euclideanSimilarity(1e4f, 1f)).isEqualTo(0f);
    assertThat(FloatExp.euclideanSimilarity(Float.POSITIVE_INFINITY, 0.5f)).isEqualTo(0f);
    assertThat(FloatExp.euclideanSimilarity(Float.NaN, 1f)).isNaN();
  }

  @Test
  void euclideanFollowsTheDistanceScaledByOneOverD() {
    // exp(−√16 / 8) = exp(−0.5)
    assertThat(FloatExp.euclideanSimilarity(16f, 1f / 8)).isCloseTo((float) Math.exp(-0.5), within(1e-7f));
  }
}
