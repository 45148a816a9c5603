package org.alkit.eval.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.alkit.api.FittedModel;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.ModelAdapter;
import org.alkit.api.Signal;
import org.alkit.runtime.Dataset;
import org.alkit.runtime.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code transfer:} data set with the model {@code logistic} as a stand-in extractor (its
 * embeddings are its standardised input): al-eval's tests run without DJL; the cnn's own
 * embeddings are tested in al-gpu.
 */
class TransferTest {
  private static Supplier<ModelAdapter> counting(AtomicInteger trainings) {
    return () -> {
      trainings.incrementAndGet();
      return Registry.load().createModel("logistic", Map.of("iterations", "5"));
    };
  }

  @Test
  void parsesSourceClassesAndSeed() {
    Transfer.Spec spec = Transfer.parse("transfer:fashion-mnist:5-9->0-4");
    assertThat(spec.source()).isEqualTo("fashion-mnist");
    assertThat(spec.from()).containsExactly(5, 6, 7, 8, 9);
    assertThat(spec.to()).containsExactly(0, 1, 2, 3, 4);
    assertThat(spec.seed()).isZero();
    Transfer.Spec other = Transfer.parse("transfer:fashion-mnist:data/fm:0-2,7->9,4@3");
    assertThat(other.source()).isEqualTo("fashion-mnist:data/fm");
    assertThat(other.from()).containsExactly(0, 1, 2, 7);
    assertThat(other.to()).containsExactly(9, 4);
    assertThat(other.seed()).isEqualTo(3);
  }

  @Test
  void trainsOnTheSourceClassesOnceAndServesTheTargetsFromTheCache(@TempDir Path cache) throws Exception {
    AtomicInteger trainings = new AtomicInteger();
    Transfer.Spec spec = Transfer.parse("transfer:optdigits:5-9->3,0,1");
    Dataset first = Transfer.load(spec, 0.25, cache, counting(trainings));
    assertThat(trainings).hasValue(1);
    try (var files = Files.list(cache.resolve("transfer"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("optdigits_5_6_7_8_9_to_3_0_1_tf0.25_seed0_r1-pool.npy",
              "optdigits_5_6_7_8_9_to_3_0_1_tf0.25_seed0_r1-test.npy");
    }
    Dataset again = Transfer.load(spec, 0.25, cache, counting(trainings));
    assertThat(trainings).as("the second load reads the cache").hasValue(1);
    assertThat(again).isEqualTo(first);

    Dataset digits = Datasets.load("optdigits", 0.25, 0);
    int[] targets = Arrays.stream(digits.poolLabels()).filter(y -> y == 3 || y == 0 || y == 1).toArray();
    assertThat(first.numClasses()).isEqualTo(3);
    assertThat(first.classNames()).containsExactly("3", "0", "1");
    assertThat(first.poolLabels()).containsExactly(Arrays.stream(targets).map(y -> y == 3 ? 0 : y == 0 ? 1 : 2)
        .toArray());
    assertThat(first.pool().cols()).isEqualTo(64);
    assertThat(first.itemShape()).containsExactly(64);
    assertThat(first.test().rows()).isEqualTo(Arrays.stream(digits.testLabels()).filter(y -> y < 2 || y == 3).count());
    assertThat(Transfer.load(Transfer.parse("transfer:optdigits:5-9->3,0,1@1"), 0.25, cache, counting(trainings)))
        .as("another extractor seed trains another extractor").isNotNull();
    assertThat(trainings).hasValue(2);
  }

  @Test
  void anExtractorWithoutEmbeddingsIsRejected(@TempDir Path cache) {
    ModelAdapter blind = new ModelAdapter() {
      @Override
      public Set<Signal> offers() {
        return Set.of(Signal.PROBABILITIES);
      }

      @Override
      public FittedModel fit(Matrix features, int[] labeled, int[] labels, int numClasses, long seed) {
        throw new AssertionError("never trained");
      }
    };
    assertThatThrownBy(() -> Transfer.load(Transfer.parse("transfer:optdigits:0-4->5-9"), 0.25, cache, () -> blind))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("offers no embeddings");
  }

  @Test
  void badSpecsNameThePartAndTheExpectedForm(@TempDir Path cache) {
    assertThatThrownBy(() -> Transfer.parse("transfer:fashion-mnist:0-5->5-9"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("[5]").hasMessageContaining("disjoint");
    assertThatThrownBy(() -> Transfer.parse("transfer:fashion-mnist"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("transfer:fashion-mnist:5-9->0-4");
    assertThatThrownBy(() -> Transfer.parse("transfer:fashion-mnist:9-5->0-4"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'9-5'");
    assertThatThrownBy(() -> Transfer.parse("transfer:fashion-mnist:5,5->0"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("class 5 is listed twice");
    assertThatThrownBy(() -> Transfer.parse("transfer:fashion-mnist:5-9->0-4@x"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("seed 'x'");
    assertThatThrownBy(() -> Transfer.parse("transfer:transfer:optdigits:1->2:3->4"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("itself a transfer");
    assertThatThrownBy(() -> Transfer.load(Transfer.parse("transfer:optdigits:5-12->0-4"), 0.25, cache,
        counting(new AtomicInteger()))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("class 10 is outside the 10 classes");
  }

  @Test
  void theLoaderRoutesTransferSpecs() {
    assertThatThrownBy(() -> Datasets.load("transfer:optdigits:1->1", 0.25, 0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("both source and target");
  }
}
