package org.alkit.vabal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.SplittableRandom;
import org.alkit.api.AlException;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.Options;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.testkit.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * VaB-AL on a synthetic imbalanced problem (fixed seed): two overlapping Gaussian classes in
 * 2-D, class 1 one tenth of the pool, labeled in proportion. VaB-AL's top picks hold far more
 * items of the rare class than the top picks of entropy over the same model's posterior.
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
        .signal(Signal.EMBEDDINGS, Matrix.of(x)).backend(Fixtures.javaBackend().orElseThrow()).build();
  }

  private Selection select(Map<String, String> options) {
    VabalProvider p = new VabalProvider();
    return p.create(Options.resolve("strategy 'vabal'", p.parameters(), options)).select(ctx);
  }

  private double rareShare(int[] picks) {
    return java.util.Arrays.stream(picks).filter(i -> truth[i] == 1).count() / (double) picks.length;
  }

  @Test
  void picksTheRareClassFarMoreOftenThanEntropy() {
    int[] labeled = ctx.labeled();
    DiagonalGaussianLikelihood model = DiagonalGaussianLikelihood.fit(ctx.matrix(Signal.EMBEDDINGS),
        labeled, ctx.labels(), 2);
    ClassTerms terms = ClassTerms.estimate(model, labeled, ctx.labels(), 1);
    int[] candidates = ctx.unlabeled();
    double[] entropy = new double[candidates.length];
    double[] row = new double[2];
    for (int k = 0; k < candidates.length; k++) {
      model.logLikelihoods(candidates[k], row);
      double posterior1 = 1 / (1 + Math.exp(row[0] + terms.logPrior()[0] - row[1] - terms.logPrior()[1]));
      entropy[k] = -xlnx(posterior1) - xlnx(1 - posterior1);
    }
    int[] byEntropy = java.util.Arrays.stream(org.alkit.commons.Ranking.topK(entropy, BUDGET))
        .map(k -> candidates[k]).toArray();
    double vabal = rareShare(select(Map.of()).indices());
    double plain = rareShare(byEntropy);
    // measured: 0.71 against 0.48
    assertThat(vabal).as("rare share of vabal's picks (entropy's: %s)", plain).isGreaterThan(plain + 0.15);
  }

  @Test
  void theAblationsChangeTheScores() {
    Selection full = select(Map.of());
    Selection noPrior = select(Map.of("prior", "false"));
    Selection noDifficulty = select(Map.of("difficulty", "false"));
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
