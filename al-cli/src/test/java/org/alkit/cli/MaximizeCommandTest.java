package org.alkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.alkit.api.Matrix;
import org.alkit.runtime.Npy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaximizeCommandTest {
  @TempDir
  Path dir;

  Path data;
  Path kernel;

  @BeforeEach
  void writeInputs() {
    data = dir.resolve("x.npy");
    // two tight pairs and a loner: facility location takes one of each group first
    Npy.writeMatrix(data, Matrix.of(new float[][] {{0, 0}, {0.1f, 0}, {5, 5}, {5, 5.1f}, {-6, 4}}));
    kernel = dir.resolve("k.npy");
    Npy.writeMatrix(kernel, Matrix.of(new float[][] {{1, 0.5f, 0}, {0.5f, 1, 0.2f}, {0, 0.2f, 1}}));
  }

  @Test
  void facilityLocationOnFeaturesWritesTheResult() throws IOException {
    CliHarness.Result r = CliHarness.run("maximize", "--function", "facility-location", "--budget", "3",
        "--optimizer", "lazy", "--data", data.toString(), "--metric", "euclidean");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("selected")).hasSize(3);
    assertThat(json.get("gains")).hasSize(3);
    double sum = 0;
    for (JsonNode g : json.get("gains")) {
      sum += g.asDouble();
    }
    assertThat(json.get("value").asDouble()).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(json.get("timing").has("maximize_ms")).isTrue();
    int first = json.get("selected").get(0).asInt();
    int second = json.get("selected").get(1).asInt();
    int third = json.get("selected").get(2).asInt();
    assertThat(new int[] {group(first), group(second), group(third)}).containsExactlyInAnyOrder(0, 1, 2);
  }

  private static int group(int i) {
    return i < 2 ? 0 : i < 4 ? 1 : 2;
  }

  @Test
  void precomputedKernelWithEveryOptimizer() {
    for (String optimizer : new String[] {"naive", "lazy", "stochastic", "lazier"}) {
      CliHarness.Result r = CliHarness.run("maximize", "--function", "graph-cut", "--budget", "2",
          "--optimizer", optimizer, "--kernel", kernel.toString(), "--set", "lambda=0.5");
      assertThat(r.code()).as("%s: %s", optimizer, r.err()).isZero();
    }
  }

  private static void assertBadInput(CliHarness.Result r, String... fragments) {
    assertThat(r.code()).as("exit code; stderr: %s", r.err()).isEqualTo(2);
    assertThat(r.err()).startsWith("alkit: ").doesNotContain("\tat ");
    for (String f : fragments) {
      assertThat(r.err()).contains(f);
    }
  }

  @Test
  void nonPositiveBudgetIsRejected() {
    assertBadInput(CliHarness.run("maximize", "--function", "facility-location", "--budget", "0",
        "--data", data.toString()), "--budget = 0");
  }

  @Test
  void unknownFunctionListsTheKnownOnes() {
    assertBadInput(CliHarness.run("maximize", "--function", "nope", "--budget", "1",
        "--data", data.toString()), "unknown function 'nope'", "facility-location", "log-det");
  }

  @Test
  void unknownOptimizerListsTheKnownOnes() {
    assertBadInput(CliHarness.run("maximize", "--function", "facility-location", "--budget", "1",
        "--optimizer", "greedyish", "--data", data.toString()), "greedyish", "lazy");
  }

  @Test
  void dataAndKernelTogetherAreRejected() {
    CliHarness.Result r = CliHarness.run("maximize", "--function", "facility-location", "--budget", "1",
        "--data", data.toString(), "--kernel", kernel.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--data").contains("--kernel");
  }

  @Test
  void nonSquareKernelIsNamed() {
    Path rect = dir.resolve("rect.npy");
    Npy.writeMatrix(rect, Matrix.of(new float[][] {{1, 0, 0}, {0, 1, 0}}));
    assertBadInput(CliHarness.run("maximize", "--function", "facility-location", "--budget", "1",
        "--kernel", rect.toString()), "2 × 3");
  }

  @Test
  void queryFunctionWithoutQueryIsNamed() {
    assertBadInput(CliHarness.run("maximize", "--function", "flmi", "--budget", "1",
        "--data", data.toString()), "query");
  }

  @Test
  void missingKernelFileIsNamed() {
    assertBadInput(CliHarness.run("maximize", "--function", "facility-location", "--budget", "1",
        "--kernel", dir.resolve("none.npy").toString()), "--kernel", "none.npy");
  }
}
