package org.alkit.diversity;

import static org.alkit.diversity.KCenterPropertiesTest.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.alkit.api.Matrix;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.testkit.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code probcover}, {@code typiclust} and {@code ranked-batch} on the golden cases of
 * {@code testdata/parity}, computed with numpy outside alkit ({@code generate_geometric.py}) from the
 * papers' definitions: the picks in order and their scores. The features lie on a 2⁻⁸ grid, so
 * every squared distance is exact in float32 and float64 alike. The clustering cases are
 * well-separated blobs; each first checks that alkit's k-means found exactly the blobs.
 */
class ParityGoldenTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<Path> cases(String prefix) throws IOException {
    Path dir = Path.of(System.getProperty("alkit.root", "..")).resolve("testdata/parity");
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> found = files.filter(f -> f.getFileName().toString().startsWith(prefix)
          && f.getFileName().toString().endsWith(".json")).sorted().toList();
      assertThat(found).as("%s* cases in %s", prefix, dir).isNotEmpty();
      return found;
    }
  }

  static List<Path> probcoverCases() throws IOException {
    return cases("probcover_0");
  }

  static List<Path> purityCases() throws IOException {
    return cases("probcover_purity_");
  }

  static List<Path> typiclustCases() throws IOException {
    return cases("typiclust_");
  }

  static List<Path> rankedBatchCases() throws IOException {
    return cases("ranked_batch_");
  }

  @ParameterizedTest
  @MethodSource("probcoverCases")
  void probcoverCoversGreedilyAsNumpy(Path file) throws IOException {
    JsonNode c = JSON.readTree(file.toFile());
    Selection sel = select(new ProbCoverProvider(), Map.of("delta", c.get("delta").asText()), context(c, 7));
    checkGreedyThenRandom(file, c, sel);
  }

  @ParameterizedTest
  @MethodSource("purityCases")
  void probcoverPurityRuleFindsTheNumpyRadius(Path file) throws IOException {
    JsonNode c = JSON.readTree(file.toFile());
    SelectionContext ctx = context(c, 3);
    Matrix e = ctx.matrix(Signal.EMBEDDINGS);
    int clusters = c.get("clusters").asInt();
    expectBlobs(file, c, e, clusters, new SplittableRandom(3));
    ProbCoverOptions settings = new ProbCoverOptions(0, c.get("purity").asDouble(), clusters);
    assertThat(ProbCoverProvider.purityRadius(ctx.backend(), e, settings, new SplittableRandom(3)))
        .as("%s: delta", file.getFileName()).isEqualTo(c.get("delta").asDouble());
    Selection sel = select(new ProbCoverProvider(), Map.of("purity", c.get("purity").asText(),
        "clusters", String.valueOf(clusters)), ctx);
    checkGreedyThenRandom(file, c, sel);
  }

  @ParameterizedTest
  @MethodSource("typiclustCases")
  void typiclustPicksTheNumpyTypicalItems(Path file) throws IOException {
    JsonNode c = JSON.readTree(file.toFile());
    SelectionContext ctx = context(c, 5);
    int clusters = Math.min(ctx.labeled().length + ctx.budget(), c.get("max_clusters").asInt());
    expectBlobs(file, c, ctx.matrix(Signal.EMBEDDINGS), clusters, new SplittableRandom(5));
    Selection sel = select(new TypiClustProvider(), Map.of("max-clusters", c.get("max_clusters").asText()), ctx);
    checkSelection(file, c, sel);
  }

  @ParameterizedTest
  @MethodSource("rankedBatchCases")
  void rankedBatchPicksAsModalsAlgorithm(Path file) throws IOException {
    JsonNode c = JSON.readTree(file.toFile());
    Selection sel = select(new RankedBatchProvider(), Map.of(), context(c, 1));
    checkSelection(file, c, sel);
  }

  private static SelectionContext context(JsonNode c, long seed) {
    SelectionContext.Builder b = SelectionContext.builder(c.get("embeddings").size())
        .labeled(ReferenceCases.ints(c.get("labeled")), null)
        .budget(c.get("budget").asInt())
        .seed(seed)
        .signal(Signal.EMBEDDINGS, ReferenceCases.matrix(c.get("embeddings")))
        .backend(Fixtures.javaBackend().orElseThrow());
    if (c.has("probabilities")) {
      b.signal(Signal.PROBABILITIES, ReferenceCases.matrix(c.get("probabilities")));
    }
    return b.build();
  }

  /** alkit's k-means with this seed puts exactly the case's blobs together (the premise of the case). */
  private static void expectBlobs(Path file, JsonNode c, Matrix e, int clusters, SplittableRandom rng) {
    int[] all = new int[e.rows()];
    Arrays.setAll(all, i -> i);
    int[] found = Lloyd.cluster(Fixtures.javaBackend().orElseThrow(), e, all, clusters,
        KMeansOptions.DEFAULT_ITERATIONS, rng).assignment().index();
    int[] blob = ReferenceCases.ints(c.get("blobs"));
    Map<Integer, Integer> blobOfCluster = new HashMap<>();
    for (int i = 0; i < blob.length; i++) {
      int own = blob[i];
      assertThat(blobOfCluster.computeIfAbsent(found[i], k -> own))
          .as("%s: the cluster of item %d holds one blob", file.getFileName(), i).isEqualTo(blob[i]);
    }
    assertThat(new HashSet<>(blobOfCluster.values())).as("%s: blobs found", file.getFileName()).hasSize(clusters);
  }

  /** The greedy picks and counts as numpy's; then (coverage complete) distinct random picks scored 0. */
  private static void checkGreedyThenRandom(Path file, JsonNode c, Selection sel) {
    int[] greedy = ReferenceCases.ints(c.get("greedy"));
    int budget = c.get("budget").asInt();
    assertThat(sel.size()).isEqualTo(budget);
    assertThat(Arrays.copyOf(sel.indices(), greedy.length)).as("%s: greedy picks", file.getFileName())
        .containsExactly(greedy);
    for (int r = 0; r < greedy.length; r++) {
      assertThat(sel.score(r)).as("%s: newly covered by pick %d", file.getFileName(), r)
          .isEqualTo(c.get("greedy_scores").get(r).asDouble());
    }
    Set<Integer> seen = new HashSet<>();
    Set<Integer> labeled = new HashSet<>();
    for (int l : ReferenceCases.ints(c.get("labeled"))) {
      labeled.add(l);
    }
    for (int r = 0; r < budget; r++) {
      assertThat(seen.add(sel.index(r))).as("%s: pick %d distinct", file.getFileName(), r).isTrue();
      assertThat(labeled).doesNotContain(sel.index(r));
      if (r >= greedy.length) {
        assertThat(sel.score(r)).as("%s: random pick %d", file.getFileName(), r).isZero();
      }
    }
  }

  private static void checkSelection(Path file, JsonNode c, Selection sel) {
    assertThat(sel.indices()).as("%s: selection", file.getFileName())
        .containsExactly(ReferenceCases.ints(c.get("selected")));
    for (int r = 0; r < sel.size(); r++) {
      double expected = c.get("scores").get(r).asDouble();
      assertThat(sel.score(r)).as("%s: score of pick %d", file.getFileName(), r)
          .isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
    }
  }
}
