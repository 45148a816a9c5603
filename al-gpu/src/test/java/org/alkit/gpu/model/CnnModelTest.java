package org.alkit.gpu.model;

import static org.alkit.gpu.model.TestData.accuracy;
import static org.alkit.gpu.model.TestData.adapter;
import static org.alkit.gpu.model.TestData.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.alkit.api.FittedModel;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.Signal;
import org.junit.jupiter.api.Test;

class CnnModelTest {
  private static final CnnModelProvider CNN = new CnnModelProvider();

  @Test
  void learnsOptdigitsAsEightByEightImages() {
    TestData.Labeled digits = TestData.optdigits();
    int[] train = range(0, 500);
    int[] test = range(1_000, 1_797);
    FittedModel model = adapter(CNN, Map.of("channels", "16,32", "dense", "64", "epochs", "15"))
        .fit(digits.x(), train, digits.labels(train), 10, 3);
    assertThat(accuracy(model, digits, test)).as("chance is 0.1").isGreaterThan(0.85);
    Matrix x = digits.x().rows(0, 50);
    assertThat(model.matrix(Signal.EMBEDDINGS, x).cols()).isEqualTo(64);
    assertThat(model.matrix(Signal.GRADIENT_EMBEDDINGS, x).cols()).isEqualTo(640);
    List<Matrix> mc = model.stack(Signal.MC_PROBABILITIES, x);
    assertThat(mc).hasSize(20);
    assertThat(mc.get(0).toArray()).isNotEqualTo(mc.get(1).toArray());
  }

  @Test
  void readsTheItemShapeOrInfersASquareImage() {
    assertThat(ItemShape.resolve("m", "", 784)).isEqualTo(new ItemShape(1, 28, 28));
    assertThat(ItemShape.resolve("m", "", 3072)).isEqualTo(new ItemShape(3, 32, 32));
    assertThat(ItemShape.resolve("m", "3x4x2", 24)).isEqualTo(new ItemShape(3, 4, 2));
    assertThatThrownBy(() -> ItemShape.resolve("m", "", 60)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("60 features are no square").hasMessageContaining("item-shape");
    assertThatThrownBy(() -> ItemShape.resolve("m", "1x28x28", 64)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("holds 784 values, but the items have 64 features");
    assertThatThrownBy(() -> ItemShape.resolve("m", "28x28", 784)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'item-shape' = '28x28'");
  }

  @Test
  void rejectsImagesTooSmallForItsPoolings() {
    TestData.Labeled data = TestData.blobs(20, 16, 2, 1);
    assertThatThrownBy(() -> adapter(CNN, Map.of("channels", "8,8,8")).fit(data.x(), range(0, 4),
        data.labels(range(0, 4)), 2, 1)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("1x4x4 are too small for 3 2×2 poolings");
  }
}
