package org.alkit.gpu.model;

import static org.alkit.gpu.model.TestData.adapter;
import static org.alkit.gpu.model.TestData.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.List;
import java.util.Map;
import org.alkit.api.FittedModel;
import org.alkit.api.Matrix;
import org.alkit.api.ModelAdapter;
import org.alkit.api.Signal;
import org.alkit.commons.Probabilities;
import org.alkit.gpu.engine.Torch;
import org.alkit.testkit.CollectorPressure;
import org.junit.jupiter.api.Test;

/** The signals of a trained network: reproducible, Monte-Carlo samples that vary, true gradients. */
class NetworkSignalsTest {
  private static final MlpModelProvider MLP = new MlpModelProvider();
  private static final TestData.Labeled DATA = TestData.blobs(400, 5, 3, 11);
  private static final int[] LABELED = range(0, 90);

  private static FittedModel fit(Map<String, String> options, long seed) {
    return adapter(MLP, options).fit(DATA.x(), LABELED, DATA.labels(LABELED), 3, seed);
  }

  @Test
  void theSameSeedGivesTheSameSignalsBitForBit() {
    Map<String, String> options = Map.of("hidden", "32,16", "epochs", "8", "mc-samples", "3");
    FittedModel a = fit(options, 5);
    FittedModel b = fit(options, 5);
    for (Signal s : List.of(Signal.PROBABILITIES, Signal.EMBEDDINGS, Signal.GRADIENT_EMBEDDINGS)) {
      assertThat(a.matrix(s, DATA.x()).toArray()).as(s.key()).isEqualTo(b.matrix(s, DATA.x()).toArray());
    }
    List<Matrix> mcA = a.stack(Signal.MC_PROBABILITIES, DATA.x());
    List<Matrix> mcB = b.stack(Signal.MC_PROBABILITIES, DATA.x());
    for (int t = 0; t < 3; t++) {
      assertThat(mcA.get(t).toArray()).isEqualTo(mcB.get(t).toArray());
    }
    assertThat(a.stack(Signal.MC_PROBABILITIES, DATA.x()).get(2).toArray()).as("a second call, same samples")
        .isEqualTo(mcA.get(2).toArray());
    assertThat(fit(options, 6).probabilities(DATA.x()).toArray()).as("another seed")
        .isNotEqualTo(a.probabilities(DATA.x()).toArray());
  }

  @Test
  void trainingGivesTheSameBitsWhileTheGarbageCollectorRuns() throws Exception {
    // no native memory the backward pass reads may belong to a Java object the collector can free
    Map<String, String> options = Map.of("hidden", "32,16", "epochs", "8", "mc-samples", "3");
    float[] alone = fit(options, 5).probabilities(DATA.x()).toArray();
    assertThat(CollectorPressure.during(() -> fit(options, 5).probabilities(DATA.x()).toArray()))
        .isEqualTo(alone);
  }

  @Test
  void warmRetrainingStartsFromTheLastWeights() {
    Map<String, String> options = Map.of("hidden", "16", "epochs", "1", "retrain", "warm");
    ModelAdapter warm = adapter(MLP, options);
    FittedModel first = warm.fit(DATA.x(), LABELED, DATA.labels(LABELED), 3, 1);
    FittedModel second = warm.fit(DATA.x(), LABELED, DATA.labels(LABELED), 3, 1);
    FittedModel scratch = adapter(MLP, Map.of("hidden", "16", "epochs", "1"))
        .fit(DATA.x(), LABELED, DATA.labels(LABELED), 3, 1);
    assertThat(scratch.probabilities(DATA.x()).toArray()).isEqualTo(first.probabilities(DATA.x()).toArray());
    assertThat(second.probabilities(DATA.x()).toArray()).isNotEqualTo(first.probabilities(DATA.x()).toArray());
    assertThat(logLoss(second)).as("two epochs in all fit better than one").isLessThan(logLoss(first));
  }

  private static double logLoss(FittedModel model) {
    Matrix p = model.probabilities(DATA.x().select(LABELED));
    double loss = 0;
    for (int r = 0; r < LABELED.length; r++) {
      loss -= Math.log(p.get(r, DATA.y()[LABELED[r]]));
    }
    return loss / LABELED.length;
  }

  @Test
  void monteCarloSamplesVaryAndAverageNearTheDeterministicPrediction() {
    FittedModel model = fit(Map.of("hidden", "64", "dropout", "0.3", "epochs", "20", "mc-samples", "30"), 2);
    Matrix p = model.probabilities(DATA.x());
    List<Matrix> samples = model.stack(Signal.MC_PROBABILITIES, DATA.x());
    assertThat(samples).hasSize(30);
    assertThat(samples.get(0).toArray()).isNotEqualTo(samples.get(1).toArray());
    double totalVariation = 0;
    int agree = 0;
    float[] mean = new float[3];
    for (int i = 0; i < p.rows(); i++) {
      java.util.Arrays.fill(mean, 0);
      for (Matrix s : samples) {
        for (int c = 0; c < 3; c++) {
          mean[c] += s.get(i, c) / samples.size();
        }
      }
      for (int c = 0; c < 3; c++) {
        totalVariation += Math.abs(mean[c] - p.get(i, c)) / (2.0 * p.rows());
      }
      Matrix m = Matrix.wrap(1, 3, mean.clone());
      agree += Probabilities.argmax(m, 0) == Probabilities.argmax(p, i) ? 1 : 0;
    }
    assertThat(totalVariation).as("mean total variation between the MC mean and p").isLessThan(0.1);
    assertThat(agree).isGreaterThan(p.rows() * 95 / 100);
  }

  /**
   * With W, b the head's weights and h the embeddings, softmax(W h + b) is the probabilities, and
   * each gradient-embedding entry g[c·d + j] equals ∂/∂W[c][j] of −log softmax(W h + b)_ŷ at the
   * predicted ŷ, by central differences in double precision.
   */
  @Test
  void gradientEmbeddingsAreTheLastLayersCrossEntropyGradient() {
    FittedModel model = fit(Map.of("hidden", "6", "epochs", "5"), 4);
    Matrix x = DATA.x().rows(0, 12);
    Matrix p = model.matrix(Signal.PROBABILITIES, x);
    Matrix h = model.matrix(Signal.EMBEDDINGS, x);
    Matrix g = model.matrix(Signal.GRADIENT_EMBEDDINGS, x);
    float[] w;
    float[] b;
    try (NDManager manager = Torch.engine().newBaseManager()) {
      Architecture.Network network = ((FittedNetwork) model).load(manager);
      List<Parameter> head = network.head().getParameters().values();
      w = head.get(0).getArray().toFloatArray();
      b = head.get(1).getArray().toFloatArray();
    }
    int d = h.cols();
    assertThat(w).hasSize(3 * d);
    double eps = 1e-4;
    for (int i = 0; i < x.rows(); i++) {
      double[] weights = new double[w.length];
      for (int q = 0; q < w.length; q++) {
        weights[q] = w[q];
      }
      double[] probabilities = softmax(weights, b, h, i);
      int predicted = Probabilities.argmax(p, i);
      for (int c = 0; c < 3; c++) {
        assertThat(probabilities[c]).isCloseTo(p.get(i, c), within(1e-5));
        for (int j = 0; j < d; j++) {
          int q = c * d + j;
          double saved = weights[q];
          weights[q] = saved + eps;
          double up = -Math.log(softmax(weights, b, h, i)[predicted]);
          weights[q] = saved - eps;
          double down = -Math.log(softmax(weights, b, h, i)[predicted]);
          weights[q] = saved;
          assertThat((double) g.get(i, q)).as("item %d, class %d, unit %d", i, c, j)
              .isCloseTo((up - down) / (2 * eps), within(2e-5));
        }
      }
    }
  }

  private static double[] softmax(double[] w, float[] b, Matrix h, int i) {
    int classes = b.length;
    int d = h.cols();
    double[] z = new double[classes];
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < classes; c++) {
      z[c] = b[c];
      for (int j = 0; j < d; j++) {
        z[c] += w[c * d + j] * h.get(i, j);
      }
      max = Math.max(max, z[c]);
    }
    double sum = 0;
    for (int c = 0; c < classes; c++) {
      z[c] = Math.exp(z[c] - max);
      sum += z[c];
    }
    for (int c = 0; c < classes; c++) {
      z[c] /= sum;
    }
    return z;
  }
}
