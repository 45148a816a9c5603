package org.alkit.diversity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * discriminative on the golden cases of {@code testdata/parity} (numpy, outside alkit:
 * {@code generate.py}): one sub-batch, every unlabeled item a negative; its picks and scores.
 */
class DiscriminativeGoldenTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<Path> cases() throws IOException {
    Path dir = Path.of(System.getProperty("alkit.root", "..")).resolve("testdata/parity");
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> found = files.filter(f -> f.getFileName().toString().startsWith("discriminative_")).sorted().toList();
      assertThat(found).as("discriminative_* cases in %s", dir).isNotEmpty();
      return found;
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void picksMatchNumpy(Path file) throws IOException {
    JsonNode c = JSON.readTree(file.toFile());
    Matrix e = Matrix.of(JSON.convertValue(c.get("embeddings"), double[][].class));
    int[] labeled = JSON.convertValue(c.get("labeled"), int[].class);
    SelectionContext ctx = SelectionContext.builder(e.rows()).labeled(labeled, null).budget(c.get("budget").asInt())
        .signal(Signal.EMBEDDINGS, e).backend(Fixtures.javaBackend().orElseThrow()).build();
    DiscriminativeProvider p = new DiscriminativeProvider();
    Selection s = p.create(p.options(Map.of("sub-batches", "1", "sample-ratio", "0",
        "iterations", c.get("iterations").asText(), "l2", c.get("l2").asText()))).select(ctx);
    assertThat(s.indices()).isEqualTo(JSON.convertValue(c.get("selected"), int[].class));
    double[] scores = JSON.convertValue(c.get("scores"), double[].class);
    for (int r = 0; r < scores.length; r++) {
      assertThat(s.scores()[r]).isCloseTo(scores[r], within(1e-12));
    }
  }

  @Test
  void subBatchesRetrainWithThePicksCountedAsLabeled() {
    // two tight groups far apart, the labeled items in the first: one sub-batch takes the budget
    // from the far group; two sub-batches retrain after the first half and move on
    double[][] rows = new double[40][2];
    for (int i = 0; i < 40; i++) {
      rows[i][0] = i < 20 ? 0.01 * i : 5 + 0.01 * i;
      rows[i][1] = i % 2;
    }
    SelectionContext ctx = SelectionContext.builder(40).labeled(new int[] {0, 1, 2}, null).budget(4)
        .signal(Signal.EMBEDDINGS, Matrix.of(rows)).backend(Fixtures.javaBackend().orElseThrow()).build();
    DiscriminativeProvider p = new DiscriminativeProvider();
    int[] one = p.create(p.options(Map.of("sub-batches", "1", "sample-ratio", "0"))).select(ctx).indices();
    int[] two = p.create(p.options(Map.of("sub-batches", "4", "sample-ratio", "0"))).select(ctx).indices();
    assertThat(java.util.Arrays.stream(one).boxed().toList()).allMatch(i -> i >= 20);
    assertThat(two).isNotEqualTo(one);
  }

  @Test
  void badOptionsAreNamed() {
    DiscriminativeProvider p = new DiscriminativeProvider();
    assertThatThrownBy(() -> p.options(Map.of("sub-batches", "0"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("sub-batches");
    assertThatThrownBy(() -> p.options(Map.of("sample-ratio", "-1"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("sample-ratio");
  }
}
