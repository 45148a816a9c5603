package org.alkit.gpu.model;

import static org.alkit.gpu.model.TestData.accuracy;
import static org.alkit.gpu.model.TestData.adapter;
import static org.alkit.gpu.model.TestData.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import org.alkit.api.FittedModel;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.ModelAdapter;
import org.alkit.api.Signal;
import org.alkit.gpu.engine.Torch;
import org.junit.jupiter.api.Test;

class MlpModelTest {
  private static final MlpModelProvider MLP = new MlpModelProvider();

  @Test
  void learnsOptdigitsFromFiveHundredLabels() {
    TestData.Labeled digits = TestData.optdigits();
    int[] train = range(0, 500);
    int[] test = range(1_000, 1_797);
    FittedModel model = adapter(MLP, Map.of("hidden", "128", "epochs", "30"))
        .fit(digits.x(), train, digits.labels(train), 10, 7);
    assertThat(accuracy(model, digits, test)).isGreaterThan(0.88);
  }

  @Test
  void offersEverySignalAShapeEach() {
    TestData.Labeled data = TestData.blobs(300, 6, 3, 1);
    ModelAdapter mlp = adapter(MLP, Map.of("hidden", "16,8", "epochs", "5", "mc-samples", "4"));
    assertThat(mlp.offers()).containsExactlyInAnyOrder(Signal.PROBABILITIES, Signal.EMBEDDINGS,
        Signal.GRADIENT_EMBEDDINGS, Signal.MC_PROBABILITIES);
    FittedModel model = mlp.fit(data.x(), range(0, 60), data.labels(range(0, 60)), 3, 3);
    Matrix p = model.matrix(Signal.PROBABILITIES, data.x());
    assertThat(p.rows()).isEqualTo(300);
    assertThat(p.cols()).isEqualTo(3);
    for (int i = 0; i < p.rows(); i++) {
      assertThat(p.get(i, 0) + p.get(i, 1) + p.get(i, 2)).isCloseTo(1f, within(1e-5f));
    }
    assertThat(model.matrix(Signal.EMBEDDINGS, data.x()).cols()).isEqualTo(8);
    assertThat(model.matrix(Signal.GRADIENT_EMBEDDINGS, data.x()).cols()).isEqualTo(3 * 8);
    List<Matrix> mc = model.stack(Signal.MC_PROBABILITIES, data.x());
    assertThat(mc).hasSize(4).allSatisfy(m -> assertThat(m.rows()).isEqualTo(300));
  }

  @Test
  void rejectsBadOptionsAndInputsNamingThem() {
    assertThatThrownBy(() -> adapter(MLP, Map.of("dropout", "1.0")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'dropout' = 1.0");
    assertThatThrownBy(() -> adapter(MLP, Map.of("hidden", "64,x")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'hidden' = '64,x'");
    assertThatThrownBy(() -> adapter(MLP, Map.of("device", "tpu")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'device' = 'tpu'");
    TestData.Labeled data = TestData.blobs(40, 4, 2, 1);
    ModelAdapter mlp = adapter(MLP, Map.of("epochs", "1"));
    assertThatThrownBy(() -> mlp.fit(data.x(), new int[] {0, 40}, new int[] {0, 1}, 2, 1))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("labeled[1] = 40");
    FittedModel model = mlp.fit(data.x(), range(0, 10), data.labels(range(0, 10)), 2, 1);
    assertThatThrownBy(() -> model.probabilities(Matrix.wrap(1, 3, new float[3])))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("fitted on 4 features");
  }

  @Test
  void learnsOnTheGpuWhenThereIsOne() {
    assumeTrue(Torch.engine().getGpuCount() > 0, "no GPU visible to PyTorch: the CUDA path is not tested here");
    TestData.Labeled digits = TestData.optdigits();
    int[] train = range(0, 500);
    FittedModel model = adapter(MLP, Map.of("hidden", "128", "device", "gpu"))
        .fit(digits.x(), train, digits.labels(train), 10, 7);
    assertThat(accuracy(model, digits, range(1_000, 1_797))).isGreaterThan(0.88);
    assertThat(model.stack(Signal.MC_PROBABILITIES, digits.x().rows(0, 10))).hasSize(20);
  }
}
