package org.alkit.commons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.alkit.api.Matrix;
import org.junit.jupiter.api.Test;

/** The one definition of argmax, top-2, entropy and KL divergence, zeros included. */
class ProbabilitiesTest {

  @Test
  void argmaxAndTop2TakeTheFirstMaximum() {
    Matrix p = Matrix.of(new float[][] {{0.2f, 0.4f, 0.4f}, {1f, 0f, 0f}});
    Matrix single = Matrix.of(new float[][] {{1f}});
    assertThat(Probabilities.argmax(p, 0)).isEqualTo(1);
    assertThat(Probabilities.top2(p, 0)).containsExactly(0.4000000059604645, 0.4000000059604645);
    assertThat(Probabilities.top2(p, 1)).containsExactly(1, 0);
    assertThat(Probabilities.top2(single, 0)).containsExactly(1, 0);
    assertThat(Ranking.argmax(new double[] {1, 3, 3})).isEqualTo(1);
    assertThat(Ranking.argmax(new double[0])).isEqualTo(-1);
  }

  @Test
  void zerosInPContributeNothingAndZerosInQAreFloored() {
    Matrix p = Matrix.of(new float[][] {{0.5f, 0.5f, 0f}});
    // a zero in p where q is positive: the term is 0
    assertThat(Probabilities.klDivergence(p, 0, new double[] {0.5, 0.25, 0.25}))
        .isCloseTo(0.5 * Math.log(1) + 0.5 * Math.log(2), within(1e-12));
    // a zero in q where p is positive: q counts as MIN_PROBABILITY, large but finite
    double kl = Probabilities.klDivergence(p, 0, new double[] {1, 0, 0});
    assertThat(kl).isCloseTo(0.5 * Math.log(0.5) + 0.5 * Math.log(0.5 / Probabilities.MIN_PROBABILITY),
        within(1e-9));
    assertThat(Probabilities.klDivergence(Matrix.of(new float[][] {{0f, 0f}}), 0, new double[] {0.5, 0.5}))
        .isZero();
    assertThat(Probabilities.entropy(new double[] {0, 0})).isZero();
    assertThat(Probabilities.entropy(new double[] {1, 0})).isZero();
  }

  @Property
  void bothSidesAreRenormalisedAndTheDivergenceOfARowWithItselfIsZero(
      @ForAll @DoubleRange(min = 0.01, max = 1) double a, @ForAll @DoubleRange(min = 0.01, max = 1) double b,
      @ForAll @DoubleRange(min = 0.5, max = 2) double scale) {
    Matrix p = Matrix.of(new double[][] {{a, b}});
    double[] same = {p.get(0, 0) * scale, p.get(0, 1) * scale};
    assertThat(Probabilities.klDivergence(p, 0, same)).isCloseTo(0, within(1e-12));
    double[] other = {b, a};
    double sum = (double) p.get(0, 0) + p.get(0, 1);
    double pa = p.get(0, 0) / sum;
    double pb = p.get(0, 1) / sum;
    double expected = pa * Math.log(pa / pb) + pb * Math.log(pb / pa);
    assertThat(Probabilities.klDivergence(p, 0, other)).isCloseTo(expected, within(1e-6));
  }
}
