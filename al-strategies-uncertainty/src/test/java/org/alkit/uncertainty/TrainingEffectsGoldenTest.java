package org.alkit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.alkit.api.Matrix;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.StrategyProvider;
import org.alkit.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code egl} and {@code label-dispersion} on the golden cases of {@code testdata/survey}, computed
 * with numpy outside alkit ({@code generate.py}): every score within 10⁻¹² (relative) and the
 * ordered selection equal, exact ties (repeated items) to the lower index.
 */
class TrainingEffectsGoldenTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<Path> cases(String prefix) throws IOException {
    Path dir = Path.of(System.getProperty("alkit.root", "..")).resolve("testdata/survey");
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> found = files.filter(f -> f.getFileName().toString().startsWith(prefix)
          && f.getFileName().toString().endsWith(".json")).sorted().toList();
      assertThat(found).as("%s* cases in %s", prefix, dir).isNotEmpty();
      return found;
    }
  }

  static List<Path> eglCases() throws IOException {
    return cases("egl_");
  }

  static List<Path> dispersionCases() throws IOException {
    return cases("label_dispersion_");
  }

  @ParameterizedTest
  @MethodSource("eglCases")
  void eglMatchesNumpy(Path file) throws IOException {
    JsonNode c = JSON.readTree(file.toFile());
    Matrix p = Matrix.of(JSON.convertValue(c.get("probabilities"), double[][].class));
    Matrix h = Matrix.of(JSON.convertValue(c.get("embeddings"), double[][].class));
    SelectionContext ctx = context(p.rows(), c).signal(Signal.PROBABILITIES, p).signal(Signal.EMBEDDINGS, h).build();
    check(file, c, new EglProvider(), ctx);
  }

  @ParameterizedTest
  @MethodSource("dispersionCases")
  void labelDispersionMatchesNumpy(Path file) throws IOException {
    JsonNode c = JSON.readTree(file.toFile());
    int[][] history = JSON.convertValue(c.get("history"), int[][].class); // epochs × n
    double[][] rows = new double[history[0].length][history.length];
    for (int e = 0; e < history.length; e++) {
      for (int i = 0; i < history[e].length; i++) {
        rows[i][e] = history[e][i];
      }
    }
    SelectionContext ctx = context(rows.length, c).signal(Signal.PREDICTION_HISTORY, Matrix.of(rows)).build();
    check(file, c, new LabelDispersionProvider(), ctx);
  }

  @Test
  void classIdsBeyondTheCountedRangeAreSortedIntoTheSameDispersion() {
    // ids ≥ 2¹⁶ take the sorting path; the dispersion is that of the same votes under small ids
    float big = 1 << 20;
    Matrix history = Matrix.of(new float[][] {{big, 3, big, big + 1}, {0, 3, 0, 1}});
    double[] scores = Strategies.scores(new LabelDispersionProvider(), SelectionContext.builder(2).budget(2)
        .signal(Signal.PREDICTION_HISTORY, history).backend(Fixtures.javaBackend().orElseThrow()).build());
    assertThat(scores).containsExactly(0.5, 0.5);
  }

  private static SelectionContext.Builder context(int n, JsonNode c) {
    return SelectionContext.builder(n).labeled(JSON.convertValue(c.get("labeled"), int[].class), null)
        .budget(c.get("budget").asInt()).backend(Fixtures.javaBackend().orElseThrow());
  }

  private static void check(Path file, JsonNode c, StrategyProvider provider, SelectionContext ctx) {
    double[] expected = JSON.convertValue(c.get("scores"), double[].class);
    int[] selected = JSON.convertValue(c.get("selected"), int[].class);
    assertThat(Strategies.select(provider, ctx).indices()).as("%s: selection", file.getFileName())
        .containsExactly(selected);
    double[] actual = Strategies.scores(provider, ctx);
    for (int i : ctx.unlabeled()) {
      assertThat(actual[i]).as("%s: score of item %d", file.getFileName(), i)
          .isCloseTo(expected[i], within(1e-12 * Math.max(1, Math.abs(expected[i]))));
    }
  }
}
