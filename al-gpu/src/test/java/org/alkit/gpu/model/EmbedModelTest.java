package org.alkit.gpu.model;

import static org.alkit.gpu.model.TestData.accuracy;
import static org.alkit.gpu.model.TestData.adapter;
import static org.alkit.gpu.model.TestData.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.alkit.api.FittedModel;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.ModelAdapter;
import org.alkit.api.Signal;
import org.junit.jupiter.api.Test;

class EmbedModelTest {
  private static final EmbedModelProvider EMBED = new EmbedModelProvider();

  @Test
  void aLogisticHeadOnRandomConvFeaturesLearnsOptdigits() {
    TestData.Labeled digits = TestData.optdigits();
    int[] train = range(0, 500);
    ModelAdapter embed = adapter(EMBED, Map.of("filters", "32"));
    assertThat(embed.offers()).containsExactlyInAnyOrder(Signal.PROBABILITIES, Signal.EMBEDDINGS,
        Signal.GRADIENT_EMBEDDINGS);
    FittedModel model = embed.fit(digits.x(), train, digits.labels(train), 10, 3);
    assertThat(accuracy(model, digits, range(1_000, 1_797))).as("chance is 0.1").isGreaterThan(0.88);
    assertThat(model.matrix(Signal.EMBEDDINGS, digits.x().rows(0, 3)).cols()).isEqualTo(32 * 16);
  }

  @Test
  void anSvmHeadOffersItsProbabilitiesAndEmbeddingsOnTheFeatures() {
    TestData.Labeled data = TestData.blobs(300, 6, 3, 5);
    ModelAdapter embed = adapter(EMBED, Map.of("extractor", "dense", "units", "32", "head", "svm",
        "head-options", "c=1; folds=3"));
    assertThat(embed.offers()).containsExactlyInAnyOrder(Signal.PROBABILITIES, Signal.EMBEDDINGS);
    FittedModel model = embed.fit(data.x(), range(0, 150), data.labels(range(0, 150)), 3, 3);
    assertThat(accuracy(model, data, range(150, 300))).as("separable blobs").isGreaterThan(0.9);
    assertThat(model.matrix(Signal.EMBEDDINGS, data.x().rows(0, 3)).cols()).isEqualTo(32);
    assertThatThrownBy(() -> adapter(EMBED, Map.of("head", "svm", "head-options", "c=-1")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'c'");
  }

  @Test
  void computesTheFeaturesOncePerMatrixAndKeepsThemFixed() {
    TestData.Labeled data = TestData.blobs(200, 6, 3, 5);
    Extractor extractor = new Extractor(new Mlp("m", new int[] {40}, 0), ai.djl.Device.cpu(), 9);
    Matrix first = extractor.apply(data.x());
    assertThat(extractor.apply(data.x())).isSameAs(first);
    Matrix copy = Matrix.wrap(200, 6, data.x().toArray());
    assertThat(extractor.apply(copy)).isNotSameAs(first).isEqualTo(first);
    assertThat(new Extractor(new Mlp("m", new int[] {40}, 0), ai.djl.Device.cpu(), 9).apply(data.x()))
        .as("the same seed, the same random network").isEqualTo(first);
  }

  @Test
  void anMlpHeadAddsMonteCarloDropoutAndTakesItsOwnOptions() {
    TestData.Labeled data = TestData.blobs(200, 6, 3, 5);
    ModelAdapter embed = adapter(EMBED, Map.of("extractor", "dense", "units", "64", "head", "mlp",
        "head-options", "hidden=16; epochs=3; mc-samples=5"));
    assertThat(embed.offers()).contains(Signal.MC_PROBABILITIES);
    FittedModel model = embed.fit(data.x(), range(0, 30), data.labels(range(0, 30)), 3, 1);
    assertThat(model.stack(Signal.MC_PROBABILITIES, data.x())).hasSize(5);
    assertThat(model.matrix(Signal.EMBEDDINGS, data.x()).cols()).isEqualTo(16);
    assertThatThrownBy(() -> adapter(EMBED, Map.of("head", "mlp", "head-options", "hiden=16")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("head 'mlp' has no option 'hiden'");
    assertThatThrownBy(() -> adapter(EMBED, Map.of("head-options", "l2")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'l2' is no key=value pair");
  }
}
