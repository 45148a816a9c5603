package org.alkit.gpu.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.alkit.api.ComputeBackend;
import org.alkit.api.Matrix;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Similarity;
import org.alkit.api.StrategyProvider;
import org.alkit.runtime.Registry;
import org.alkit.submodular.MaximizeRequest;
import org.alkit.submodular.MaximizeResult;
import org.alkit.submodular.Maximizer;
import org.alkit.testkit.SubmodlibNames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden cases of {@code testdata/reference} whose strategies run on the compute backend,
 * through the {@code java} and the {@code djl} backend alike: every submodlib function on
 * features (the kernel built by the backend, then naive greedy) and DISTIL's core-set picks.
 * The strategy modules test the same cases on {@code java} with their own harness; here both
 * backends must meet the reference under one rule: picks equal up to the first step where
 * submodlib's pick was a near tie (|chosen − best other| ≤ 1e-6), gains and f(A) within 1e-5
 * relative; core-set picks equal, distances at each pick within 1e-5.
 */
class GoldenCasesOnBothBackendsTest {
  private static final double NEAR_TIE = 1e-6;
  private static final Path CASES = Path.of(System.getProperty("alkit.root", "../"), "testdata/reference/cases");
  private static final Map<String, ComputeBackend> BACKENDS = new HashMap<>();

  @BeforeAll
  static void start() {
    BACKENDS.put("java", DjlBackendTest.backend("java", Map.of("threads", "1")));
    BACKENDS.put("djl", DjlBackendTest.backend("djl", Map.of("threads", "1")));
  }

  @AfterAll
  static void stop() {
    BACKENDS.values().forEach(ComputeBackend::close);
  }

  static Stream<Arguments> cases(String prefix) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(CASES)) {
      files = s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
    }
    assertThat(files).as("%s cases in %s", prefix, CASES).isNotEmpty();
    return files.stream().flatMap(f -> Stream.of("java", "djl").map(b -> Arguments.of(f.getFileName(), f, b)));
  }

  static Stream<Arguments> submodlib() throws IOException {
    return cases("submodlib_");
  }

  static Stream<Arguments> coreset() throws IOException {
    return cases("distil_coreset_");
  }

  @ParameterizedTest(name = "{0} on {2}")
  @MethodSource("submodlib")
  void submodlibNaiveGreedy(Path name, Path file, String backend) throws IOException {
    JsonNode c = new ObjectMapper().readTree(file.toFile());
    String function = SubmodlibNames.function(c.get("function").asText());
    Map<String, String> params = new HashMap<>();
    c.get("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
    Map<String, String> options = SubmodlibNames.options(params);
    MaximizeResult result = Maximizer.maximize(new MaximizeRequest(function, "naive", c.get("budget").asInt(),
        options, features(c.get("data")), features(c.get("query_data")), features(c.get("private_data")),
        Similarity.valueOf(c.get("metric").asText().toUpperCase(Locale.ROOT)), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        BACKENDS.get(backend), 0));

    JsonNode reference = c.get("results").get("NaiveGreedy");
    assertThat(result.selected()).hasSize(reference.get("order").size());
    for (int t = 0; t < result.selected().length; t++) {
      double gain = reference.get("gains").get(t).asDouble();
      assertThat(result.gains()[t]).as("gain at step %d", t).isCloseTo(gain, within(relative(gain)));
      if (result.selected()[t] != reference.get("order").get(t).asInt()) {
        assertThat(Math.abs(reference.get("chosen_minus_best_other").get(t).asDouble()))
            .as("step %d: picked %d, submodlib %d, not a near tie", t, result.selected()[t],
                reference.get("order").get(t).asInt())
            .isLessThanOrEqualTo(NEAR_TIE);
        return;
      }
    }
    double value = reference.get("f_final").asDouble();
    assertThat(result.value()).as("f(A)").isCloseTo(value, within(relative(value)));
  }

  @ParameterizedTest(name = "{0} on {2}")
  @MethodSource("coreset")
  void distilCoreset(Path name, Path file, String backend) throws IOException {
    JsonNode c = new ObjectMapper().readTree(file.toFile());
    Matrix unlabeled = features(c.get("unlabeled_embeddings")).orElseThrow();
    Matrix labeled = features(c.get("labeled_embeddings")).orElseThrow();
    int n = unlabeled.rows() + labeled.rows();
    float[][] pool = new float[n][];
    for (int i = 0; i < n; i++) {
      pool[i] = i < unlabeled.rows() ? unlabeled.row(i) : labeled.row(i - unlabeled.rows());
    }
    int budget = c.get("budget").asInt();
    SelectionContext ctx = SelectionContext.builder(n)
        .labeled(IntStream.range(unlabeled.rows(), n).toArray(), null)
        .budget(budget)
        .signal(Signal.EMBEDDINGS, Matrix.of(pool))
        .backend(BACKENDS.get(backend))
        .build();
    StrategyProvider coreset = Registry.load().strategy("coreset");
    Selection picks = coreset.create(coreset.defaults()).select(ctx);
    JsonNode order = c.get("outputs").get("CoreSet.select");
    JsonNode distances = c.get("harness_reference").get("min_dist_at_pick_float64");
    for (int r = 0; r < budget; r++) {
      assertThat(picks.index(r)).as("pick %d", r).isEqualTo(order.get(r).asInt());
      assertThat(picks.score(r)).as("distance at pick %d", r).isCloseTo(distances.get(r).asDouble(), within(1e-5));
    }
  }

  private static double relative(double expected) {
    return 1e-5 * Math.abs(expected) + 1e-9;
  }

  private static Optional<Matrix> features(JsonNode rows) {
    if (rows == null || rows.isNull()) {
      return Optional.empty();
    }
    double[][] out = new double[rows.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = new double[rows.get(i).size()];
      for (int j = 0; j < out[i].length; j++) {
        out[i][j] = rows.get(i).get(j).asDouble();
      }
    }
    return Optional.of(Matrix.of(out));
  }
}
