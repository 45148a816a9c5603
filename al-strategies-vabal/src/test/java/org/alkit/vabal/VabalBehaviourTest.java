package org.alkit.vabal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.SplittableRandom;
import org.alkit.api.AlException;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.NetworkTraining;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * VaB-AL on a synthetic imbalanced problem (fixed seed): two overlapping Gaussian classes in
 * 2-D, class 1 one tenth of the pool, labeled in proportion. With either likelihood, VaB-AL's top
 * picks hold far more items of the rare class than the top picks of entropy over the same model's
 * posterior.
 */
class VabalBehaviourTest {
  private static final int N = 2000;
  private static final int LABELED = 200;
  private static final int BUDGET = 100;

  private final int[] truth = new int[N];
  private final SelectionContext ctx = imbalanced();

  private SelectionContext imbalanced() {
    SplittableRandom rng = new SplittableRandom(12);
    float[][] x = new float[N][2];
    for (int i = 0; i < N; i++) {
      truth[i] = i % 10 == 9 ? 1 : 0;
      double centre = truth[i] == 1 ? 1.5 : -0.5;
      x[i][0] = (float) (centre + gaussian(rng));
      x[i][1] = (float) gaussian(rng);
    }
    int[] labeled = new int[LABELED];
    int[] labels = new int[LABELED];
    for (int k = 0; k < LABELED; k++) {
      labeled[k] = k;
      labels[k] = truth[k];
    }
    return SelectionContext.builder(N).labeled(labeled, labels).budget(BUDGET)
        .signal(Signal.EMBEDDINGS, Matrix.of(x)).backend(Fixtures.javaBackend().orElseThrow())
        .capability(NetworkTraining.class, Fixtures.capability(NetworkTraining.class).orElseThrow()).build();
  }

  private Selection select(Map<String, String> options) {
    VabalProvider p = new VabalProvider();
    return p.create(p.options(options)).select(ctx);
  }

  private double rareShare(int[] picks) {
    return java.util.Arrays.stream(picks).filter(i -> truth[i] == 1).count() / (double) picks.length;
  }

  /**
   * VaB-AL with either likelihood against entropy over the class posterior of the Gaussian model
   * (with the labeled class frequencies): the near-Bayes classifier of this problem, standing in
   * for the classifier whose uncertainty plain entropy sampling ranks by.
   */
  @ParameterizedTest
  @ValueSource(strings = {"vae", "gaussian"})
  void picksTheRareClassFarMoreOftenThanEntropy(String likelihood) {
    ClassLikelihood model = DiagonalGaussianLikelihood.fit(ctx.matrix(Signal.EMBEDDINGS), ctx.labeled(),
        ctx.labels(), 2);
    ClassTerms terms = ClassTerms.estimate(model, ctx.labeled(), ctx.labels(), 1);
    int[] candidates = ctx.unlabeled();
    double[] entropy = new double[candidates.length];
    double[] log = model.logLikelihoods(candidates);
    for (int k = 0; k < candidates.length; k++) {
      double posterior1 = 1 / (1 + Math.exp(log[2 * k] + terms.logPrior()[0] - log[2 * k + 1]
          - terms.logPrior()[1]));
      entropy[k] = -xlnx(posterior1) - xlnx(1 - posterior1);
    }
    int[] byEntropy = java.util.Arrays.stream(org.alkit.commons.Ranking.topK(entropy, BUDGET))
        .map(k -> candidates[k]).toArray();
    double vabal = rareShare(select(Map.of("likelihood", likelihood)).indices());
    double plain = rareShare(byEntropy);
    // measured: vae 0.72, gaussian 0.71, entropy 0.48
    assertThat(vabal).as("rare share of vabal's picks (entropy's: %s)", plain).isGreaterThan(plain + 0.15);
  }

  @Test
  void theVaeIsDeterministicUnderTheSeedAndTheSeedMatters() {
    Map<String, String> quick = Map.of("epochs", "5", "mc-samples", "10");
    Selection a = select(quick);
    assertThat(select(quick)).isEqualTo(a);
    VabalProvider p = new VabalProvider();
    Selection other = p.create(p.options(quick))
        .select(ctx.toBuilder().seed(ctx.seed() + 1).build());
    assertThat(other.scores()).isNotEqualTo(a.scores());
  }

  @Test
  void theAblationsChangeTheScores() {
    Selection full = select(Map.of("likelihood", "gaussian"));
    Selection noPrior = select(Map.of("likelihood", "gaussian", "prior", "false"));
    Selection noDifficulty = select(Map.of("likelihood", "gaussian", "difficulty", "false"));
    // with two classes the score is monotone in p(ŷ_1 | x), so a flat prior keeps the order
    assertThat(noPrior.indices()).isEqualTo(full.indices());
    assertThat(noPrior.scores()).isNotEqualTo(full.scores());
    assertThat(noDifficulty.indices()).isNotEqualTo(full.indices());
    assertThat(noDifficulty.parameters()).containsEntry("difficulty", "false").containsEntry("prior", "true");
    // without the difficulty term the score is 1 − max posterior: at most 1/2 with two classes
    for (double s : noDifficulty.scores()) {
      assertThat(s).isBetween(0.0, 0.5 + 1e-12);
    }
    for (double s : full.scores()) {
      assertThat(s).isBetween(0.0, 1.0);
    }
  }

  @Test
  void badInputIsNamed() {
    assertThatThrownBy(() -> select(Map.of("smoothing", "0")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("option 'smoothing' = 0.0");
    assertThatThrownBy(() -> select(Map.of("epochs", "0")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("option 'epochs' = 0: expected 1 <= epochs");
    assertThatThrownBy(() -> select(Map.of("mc-samples", "-3")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("option 'mc-samples' = -3");
    assertThatThrownBy(() -> select(Map.of("learning-rate", "0")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("option 'learning-rate' = 0.0");
    assertThatThrownBy(() -> select(Map.of("lambda", "-1")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("option 'lambda' = -1.0");
    assertThatThrownBy(() -> select(Map.of("likelihood", "flow")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("likelihood")
        .hasMessageContaining("vae").hasMessageContaining("gaussian");
    SelectionContext unlabeled = SelectionContext.builder(3).budget(1)
        .signal(Signal.EMBEDDINGS, Matrix.of(new float[][] {{0}, {1}, {2}})).build();
    VabalProvider p = new VabalProvider();
    assertThatThrownBy(() -> p.create(p.defaults()).select(unlabeled))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("got 0 labeled items");
    SelectionContext withoutLabels = SelectionContext.builder(3).budget(1).labeled(new int[] {0}, null)
        .signal(Signal.EMBEDDINGS, Matrix.of(new float[][] {{0}, {1}, {2}})).build();
    assertThatThrownBy(() -> p.create(p.defaults()).select(withoutLabels))
        .isInstanceOf(AlException.class).hasMessageContaining("labels");
  }

  private static double xlnx(double v) {
    return v > 0 ? v * Math.log(v) : 0;
  }

  private static double gaussian(SplittableRandom rng) {
    double u = Math.max(rng.nextDouble(), 1e-300);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
  }
}
