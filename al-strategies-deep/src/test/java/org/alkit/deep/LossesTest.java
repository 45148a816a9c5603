package org.alkit.deep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.function.Function;
import org.alkit.api.NetworkTraining;
import org.alkit.testkit.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Each loss term of learning loss, VAAL and MAL against values computed by hand, on the engine the
 * strategies train on (a {@link NetworkTraining} session of the djl backend).
 */
class LossesTest {
  private static final double EPS = 1e-5;
  private static final double LN2 = Math.log(2);

  /** softplus(v) = ln(1 + e^v). */
  private static double softplus(double v) {
    return Math.log1p(Math.exp(v));
  }

  private static <R> R session(Function<NDManager, R> work) {
    NetworkTraining training = Fixtures.capability(NetworkTraining.class).orElseThrow();
    return training.session(NDManager.class, 0, work);
  }

  private static float[] values(Function<NDManager, NDArray> term) {
    return session(m -> term.apply(m).toFloatArray());
  }

  private static NDArray matrix(NDManager m, float[][] rows) {
    float[] flat = new float[rows.length * rows[0].length];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, flat, i * rows[0].length, rows[0].length);
    }
    return m.create(flat, new Shape(rows.length, rows[0].length));
  }

  @Test
  void squaredErrorIsHalfTheSquaredDistancePerRowOfAnyShape() {
    // rows (1, 2) vs (0, 0): ½·5; (0, 0) vs (1, 1): ½·2
    assertThat(values(m -> new Losses(m).squaredError(matrix(m, new float[][] {{0, 0}, {1, 1}}),
        matrix(m, new float[][] {{1, 2}, {0, 0}})))).containsExactly(new float[] {2.5f, 1f}, within(1e-6f));
    // an image batch 1 × 1 × 2 × 2, all ones against zeros: ½·4
    assertThat(values(m -> new Losses(m).squaredError(m.ones(new Shape(1, 1, 2, 2)), m.zeros(new Shape(1, 1, 2, 2)))))
        .containsExactly(new float[] {2f}, within(1e-6f));
  }

  @Test
  void klIsZeroForTheStandardNormalAndMatchesTheClosedForm() {
    // μ = (1, 2), ln σ² = (ln 2, 0): −½[(1 + ln 2 − 1 − 2) + (1 + 0 − 4 − 1)] = 3 − ½ ln 2
    float[] kl = values(m -> new Losses(m).kl(matrix(m, new float[][] {{0, 0}, {1, 2}}),
        matrix(m, new float[][] {{0, 0}, {(float) LN2, 0}})));
    assertThat(kl[0]).isCloseTo(0f, within(1e-7f));
    assertThat((double) kl[1]).isCloseTo(3 - LN2 / 2, within(EPS));
  }

  @Test
  void theReparameterisedDrawIsMuPlusSigmaTimesEpsilon() {
    // μ = 1, σ² = 4, ε = 0.5: z = 1 + 2·0.5
    assertThat(values(m -> new Losses(m).reparameterised(matrix(m, new float[][] {{1}}),
        matrix(m, new float[][] {{(float) Math.log(4)}}), matrix(m, new float[][] {{0.5f}}))))
        .containsExactly(new float[] {2f}, within(1e-6f));
  }

  @Test
  void binaryCrossEntropyOfLogitsAgainstLabeledAndUnlabeled() {
    float[] labeled = values(m -> Losses.bce(m.create(new float[] {0, 2, -1}), true));
    float[] unlabeled = values(m -> Losses.bce(m.create(new float[] {0, 2, -1}, new Shape(3, 1)), false));
    assertThat(toDouble(labeled)).containsExactly(new double[] {LN2, softplus(-2), softplus(1)}, within(EPS));
    assertThat(toDouble(unlabeled)).containsExactly(new double[] {LN2, softplus(2), softplus(-1)}, within(EPS));
  }

  @Test
  void crossEntropyAndEntropyOfLogits() {
    // uniform logits over 3 classes: CE = ln 3 whatever the class; logits (2, 0), class 0: ln(1 + e^−2)
    float[] ce = values(m -> Losses.crossEntropy(matrix(m, new float[][] {{0, 0, 0}}),
        matrix(m, new float[][] {{0, 1, 0}})));
    assertThat((double) ce[0]).isCloseTo(Math.log(3), within(EPS));
    float[] ce2 = values(m -> Losses.crossEntropy(matrix(m, new float[][] {{2, 0}}), matrix(m, new float[][] {{1, 0}})));
    assertThat((double) ce2[0]).isCloseTo(softplus(-2), within(EPS));
    float[] uniform = values(m -> Losses.entropy(matrix(m, new float[][] {{0, 0, 0, 0}})));
    assertThat((double) uniform[0]).isCloseTo(Math.log(4), within(EPS));
    // logits (ln 3, 0): p = (3/4, 1/4)
    float[] skewed = values(m -> Losses.entropy(matrix(m, new float[][] {{(float) Math.log(3), 0}})));
    assertThat((double) skewed[0]).isCloseTo(-(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25)), within(EPS));
  }

  @Test
  void marginRankingPairsEachItemWithItsMirrorAndCountsTiesAsMinusOne() {
    // l̂ = (3, 1, 2, 0), l = (0.5, 2, 1, 0.1): pairs (0, 3) and (1, 2); l̂ differences 3 and −1, both l
    // differences positive: max(0, 1 − 3) = 0 and max(0, 1 + 1) = 2, mean 1
    assertThat(values(m -> Losses.marginRanking(m.create(new float[] {3, 1, 2, 0}, new Shape(4, 1)),
        m.create(new float[] {0.5f, 2, 1, 0.1f}), 1f))).containsExactly(new float[] {1f}, within(1e-6f));
    // five items: the middle one sits out; l̂ − mirror = (−4, −2), l − mirror = (4, 2): (5 + 3) / 2
    assertThat(values(m -> Losses.marginRanking(m.create(new float[] {1, 2, 3, 4, 5}),
        m.create(new float[] {5, 4, 3, 2, 1}), 1f))).containsExactly(new float[] {4f}, within(1e-6f));
    // equal true losses count as sign −1 (the paper's code): max(0, 1 + 0.5)
    assertThat(values(m -> Losses.marginRanking(m.create(new float[] {0.5f, 0}), m.create(new float[] {1, 1}), 1f)))
        .containsExactly(new float[] {1.5f}, within(1e-6f));
    // margin 0 and every pair ranked right: nothing to learn
    assertThat(values(m -> Losses.marginRanking(m.create(new float[] {2, 0}), m.create(new float[] {1, 0}), 0f)))
        .containsExactly(new float[] {0f}, within(1e-6f));
  }

  @Test
  void marginRankingTrainsThePredictionsAndLeavesTheTrueLossesAlone() {
    float[][] grads = session(m -> {
      NDArray predicted = m.create(new float[] {0.5f, 0});
      NDArray truth = m.create(new float[] {2, 1});
      predicted.setRequiresGradient(true);
      truth.setRequiresGradient(true);
      try (GradientCollector c = m.getEngine().newGradientCollector()) {
        c.backward(Losses.marginRanking(predicted, truth, 1f));
      }
      return new float[][] {predicted.getGradient().toFloatArray(), truth.getGradient().toFloatArray()};
    });
    // one pair, sign +1, loss 1 − (l̂_0 − l̂_1) = 0.5 > 0: ∂/∂l̂_0 = −1, ∂/∂l̂_1 = +1
    assertThat(grads[0]).containsExactly(new float[] {-1, 1}, within(1e-6f));
    assertThat(grads[1]).containsOnly(0f);
  }

  @Test
  void theGradientReversalKeepsTheValueAndNegatesTheGradient() {
    float[][] out = session(m -> {
      NDArray f = m.create(new float[] {0.1f, -3.7f, 1e-8f, 12345.678f});
      f.setRequiresGradient(true);
      NDArray value;
      try (GradientCollector c = m.getEngine().newGradientCollector()) {
        NDArray r = new Losses(m).reversed(f);
        value = r.duplicate();
        c.backward(r.mul(m.create(new float[] {1, 2, 3, 4})).sum());
      }
      return new float[][] {value.toFloatArray(), f.getGradient().toFloatArray()};
    });
    assertThat(out[0]).containsExactly(0.1f, -3.7f, 1e-8f, 12345.678f);
    assertThat(out[1]).containsExactly(-1f, -2f, -3f, -4f);
  }

  @Test
  void theCosineClassifierDividesTheCosineToEachPrototypeByTheTemperature() {
    float[] logits = session(m -> {
      CosineClassifier c = new CosineClassifier(2, 0.5);
      Networks.initialize(c, m, new Shape(1, 2));
      c.getParameters().get("prototypes").getArray().set(new float[] {1, 0, 0, 2});
      NDArray f = m.create(new float[] {3, 4}, new Shape(1, 2));
      return c.forward(new ParameterStore(m, false), new NDList(f), false).singletonOrThrow().toFloatArray();
    });
    // f / ‖f‖ = (0.6, 0.8); prototypes e_1 and e_2: cosines 0.6 and 0.8, over T = 0.5
    assertThat(logits).containsExactly(new float[] {1.2f, 1.6f}, within(1e-6f));
  }

  @Test
  void theDiscriminatorsLossAndTheFoolingTermAddTheirTwoBatches() {
    // zero weights: every logit is the last bias b; b = 0 gives ln 2 per item, b = 1 below
    float[][] out = session(m -> {
      Adversary d = new Adversary(4);
      d.initialize(m, 3);
      d.block().getParameters().forEach(p -> p.getValue().getArray().set(new float[(int) p.getValue().getShape().size()]));
      ParameterStore store = new ParameterStore(m, false);
      NDArray l = m.ones(new Shape(2, 3));
      NDArray u = m.ones(new Shape(5, 3));
      float zero = d.loss(store, l, u).getFloat();
      float zeroFool = d.fooling(store, l, u).getFloat();
      NDArray bias = d.block().getParameters().valueAt(d.block().getParameters().size() - 1).getArray();
      bias.set(new float[] {1});
      return new float[][] {{zero, zeroFool}, {d.loss(store, l, u).getFloat(), d.fooling(store, l, u).getFloat()},
          d.labeledProbability(store, u)};
    });
    assertThat((double) out[0][0]).isCloseTo(2 * LN2, within(EPS));
    assertThat((double) out[0][1]).isCloseTo(2 * LN2, within(EPS));
    assertThat((double) out[1][0]).as("BCE(1 → labeled) + BCE(1 → unlabeled)")
        .isCloseTo(softplus(-1) + softplus(1), within(EPS));
    assertThat((double) out[1][1]).as("both batches called labeled").isCloseTo(2 * softplus(-1), within(EPS));
    assertThat((double) out[2][0]).isCloseTo(1 / (1 + Math.exp(-1)), within(EPS));
  }

  private static double[] toDouble(float[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i];
    }
    return out;
  }
}
