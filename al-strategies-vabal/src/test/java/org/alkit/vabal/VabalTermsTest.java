package org.alkit.vabal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.alkit.api.Matrix;
import org.junit.jupiter.api.Test;

/** Each probability term of VaB-AL against values computed by hand on tiny models. */
class VabalTermsTest {
  /** A likelihood whose predictions of pool items 0..7 are fixed. */
  private static ClassLikelihood predicting(int classes, int... predictions) {
    return new ClassLikelihood() {
      @Override
      public int classes() {
        return classes;
      }

      @Override
      public double[] logLikelihoods(int[] items) {
        throw new UnsupportedOperationException("not needed by the class terms");
      }

      @Override
      public int[] predict(int[] items) {
        return java.util.Arrays.stream(items).map(i -> predictions[i]).toArray();
      }
    };
  }

  @Test
  void priorAndDifficultyCountTheModelsPredictionsOnTheLabeledPool() {
    // 8 labeled items: predicted 0,0,0,0,0,1,1,2 ; true 0,0,0,1,2,1,0,2; class 3 never predicted
    ClassLikelihood model = predicting(4, 0, 0, 0, 0, 0, 1, 1, 2);
    int[] labeled = {0, 1, 2, 3, 4, 5, 6, 7};
    int[] labels = {0, 0, 0, 1, 2, 1, 0, 2};
    ClassTerms raw = ClassTerms.estimate(model, labeled, labels, 1e-9);
    assertThat(raw.logPrior()[0]).isCloseTo(Math.log(5 / 8.0), within(1e-8));
    assertThat(raw.logPrior()[1]).isCloseTo(Math.log(2 / 8.0), within(1e-8));
    assertThat(raw.logPrior()[2]).isCloseTo(Math.log(1 / 8.0), within(1e-8));
    assertThat(raw.correct()).containsExactly(new double[] {3 / 5.0, 1 / 2.0, 1, 0.5}, within(1e-8));
    ClassTerms laplace = ClassTerms.estimate(model, labeled, labels, 1);
    assertThat(laplace.logPrior()).containsExactly(new double[] {Math.log(6 / 12.0), Math.log(3 / 12.0),
        Math.log(2 / 12.0), Math.log(1 / 12.0)}, within(1e-12));
    assertThat(laplace.correct()).containsExactly(new double[] {4 / 7.0, 2 / 4.0, 2 / 3.0, 1 / 2.0},
        within(1e-12));
    assertThat(laplace.withUniformPrior().logPrior()).containsOnly(Math.log(0.25));
    assertThat(laplace.withUniformPrior().correct()).isEqualTo(laplace.correct());
  }

  @Test
  void theErrorProbabilityWeighsThePosteriorByTheDifficulty() {
    // p(x|n) ∝ (0.2, 0.6), p(n) = (1/4, 3/4): posterior (0.1, 0.9); p(y_n|ŷ_n) = (0.5, 0.9)
    ClassTerms terms = new ClassTerms(new double[] {Math.log(0.25), Math.log(0.75)}, new double[] {0.5, 0.9});
    assertThat(ErrorProbability.score(new double[] {Math.log(0.2), Math.log(0.6)}, terms, true))
        .isCloseTo(1 - (0.5 * 0.1 + 0.9 * 0.9), within(1e-12));
    assertThat(ErrorProbability.score(new double[] {Math.log(0.2), Math.log(0.6)}, terms, false))
        .isCloseTo(0.1, within(1e-12));
  }

  @Test
  void likelihoodsFarBelowTheSmallestDoubleKeepTheirRatios() {
    ClassTerms terms = new ClassTerms(new double[] {Math.log(0.25), Math.log(0.75)}, new double[] {0.5, 0.9});
    double[] tiny = {-50_000 + Math.log(0.2), -50_000 + Math.log(0.6)};
    assertThat(ErrorProbability.score(tiny, terms, true)).isCloseTo(0.14, within(1e-9));
  }

  @Test
  void gaussianLikelihoodsShrinkTowardsThePooledVariance() {
    // one feature; labeled: class 0 at 0 and 2, class 1 at 10; class 2 without labeled items
    Matrix x = Matrix.of(new float[][] {{0}, {2}, {10}, {1}});
    DiagonalGaussianLikelihood model = DiagonalGaussianLikelihood.fit(x, new int[] {0, 1, 2},
        new int[] {0, 0, 1}, 3);
    double pooled = (16 + 4 + 36) / 3.0;
    double var0 = (2 + pooled) / 3;
    double var1 = pooled / 2;
    double[] log = model.logLikelihoods(new int[] {3});
    assertThat(log[0]).isCloseTo(-0.5 * Math.log(2 * Math.PI * var0), within(1e-6));
    assertThat(log[1]).isCloseTo(-0.5 * Math.log(2 * Math.PI * var1) - 81 / (2 * var1), within(1e-6));
    assertThat(log[2]).isCloseTo(-0.5 * Math.log(2 * Math.PI * pooled) - 9 / (2 * pooled), within(1e-6));
    // posterior mode with add-one frequencies (3/6, 2/6, 1/6)
    assertThat(model.predict(new int[] {3, 2})).containsExactly(0, 1);
  }
}
