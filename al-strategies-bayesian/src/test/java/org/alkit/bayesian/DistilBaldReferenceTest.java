package org.alkit.bayesian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.alkit.api.SelectionContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DISTIL's {@code BALDDropout} on the golden cases {@code testdata/reference/cases/distil_bald_*}:
 * float32 passes read exactly, every acquisition score within 10⁻⁵, and the ordered selection of
 * {@code ScoreStreamingStrategy.select} equal (its stable descending sort sends ties to the lower
 * index, as alkit does).
 */
class DistilBaldReferenceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<Path> cases() throws IOException {
    Path dir = Path.of(System.getProperty("alkit.reference", "../testdata/reference/cases"));
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> cases = files.filter(f -> f.getFileName().toString().startsWith("distil_bald_"))
          .sorted().toList();
      assertThat(cases).as("distil_bald_* cases in %s", dir).isNotEmpty();
      return cases;
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void scoresAndSelectionMatchDistil(Path file) throws IOException {
    JsonNode c = JSON.readTree(file.toFile());
    assertThat(c.get("mc_probs_layout").asText()).contains("float32");
    double[][][] passes = JSON.convertValue(c.get("mc_probs"), double[][][].class);
    assertThat(passes.length).isEqualTo(c.get("n_drop").asInt());
    SelectionContext ctx = McPools.context(passes, c.get("budget").asInt()).build();
    double[] expected = JSON.convertValue(c.get("outputs").get("acquire_scores_float32"), double[].class);
    double[] actual = McPools.scores(new BaldProvider(), ctx);
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i]).as("%s: BALD of item %d", file.getFileName(), i).isCloseTo(expected[i], within(1e-5));
    }
    int[] select = JSON.convertValue(c.get("outputs").get("select"), int[].class);
    assertThat(McPools.select(new BaldProvider(), java.util.Map.of(), ctx).indices())
        .as("%s: selection", file.getFileName()).containsExactly(select);
  }
}
