package org.alkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.alkit.runtime.Npy;
import org.alkit.submodular.Maximizer;
import org.alkit.testkit.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code alkit maximize} runs every set function with every optimizer from {@code .npy} features. */
class EveryFunctionTest {
  @TempDir
  static Path dir;

  static Stream<Arguments> functionsAndOptimizers() {
    return Maximizer.functionNames().stream()
        .flatMap(f -> Maximizer.optimizerNames().stream().map(o -> Arguments.of(f, o)));
  }

  @BeforeAll
  static void writeFeatures() {
    SplittableRandom rng = new SplittableRandom(23);
    Npy.writeMatrix(dir.resolve("data.npy"), Fixtures.embeddings(14, rng));
    Npy.writeMatrix(dir.resolve("query.npy"), Fixtures.embeddings(3, rng));
    Npy.writeMatrix(dir.resolve("private.npy"), Fixtures.embeddings(2, rng));
  }

  @ParameterizedTest(name = "{0} / {1}")
  @MethodSource("functionsAndOptimizers")
  void runsFromNpyFeatures(String function, String optimizer) throws IOException {
    CliHarness.Result r = CliHarness.run("maximize", "--function", function, "--optimizer", optimizer,
        "--budget", "4", "--seed", "2", "--data", dir.resolve("data.npy").toString(),
        "--query-data", dir.resolve("query.npy").toString(),
        "--private-data", dir.resolve("private.npy").toString(), "--metric", "euclidean");
    assertThat(r.code()).as("%s / %s: %s", function, optimizer, r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("selected")).hasSize(4);
    assertThat(json.get("gains")).hasSize(4);
    assertThat(json.get("value").isNumber()).isTrue();
  }
}
