package org.alkit.submodular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.alkit.api.Matrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code submodlib_*} reference case: the kernels the peer's C++ received, our function,
 * and a test-side naive greedy that breaks exact ties towards the highest index as submodlib's
 * NaiveGreedy does. Orders must match (a near-tie, |chosen − best other| < 1e-6, may pick an
 * equal-gain alternative), gains and f(prefix) to 1e-5 relative.
 */
class SubmodlibGoldenTest {
  static Stream<Path> cases() throws IOException {
    return SubmodlibCases.files().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void naiveGreedyMatchesSubmodlib(Path file) throws IOException {
    JsonNode c = SubmodlibCases.read(file);
    SetFunction f = SetFunctions.create(SubmodlibCases.function(c), SubmodlibCases.options(c), kernels(c));
    JsonNode ref = c.get("results").get("NaiveGreedy");
    int n = c.get("n").asInt();
    boolean[] chosen = new boolean[n];
    int budget = c.get("budget").asInt();
    int[] prefix = new int[budget];
    for (int t = 0; t < budget; t++) {
      int expected = ref.get("order").get(t).asInt();
      double bestGain = Double.NEGATIVE_INFINITY;
      int best = -1;
      for (int j = n - 1; j >= 0; j--) {
        if (!chosen[j]) {
          double g = f.gain(j);
          if (g > bestGain) {
            bestGain = g;
            best = j;
          }
        }
      }
      double expectedGain = ref.get("gains").get(t).asDouble();
      double gain = f.gain(expected);
      if (best != expected) {
        assertThat(Math.abs(ref.get("chosen_minus_best_other").get(t).asDouble()))
            .as("step %d: picked %d (gain %s), submodlib picked %d (gain %s) without a near-tie",
                t, best, bestGain, expected, expectedGain)
            .isLessThan(SubmodlibCases.NEAR_TIE);
        assertThat(bestGain).as("near-tie gain at step %d", t).isCloseTo(gain, within(SubmodlibCases.NEAR_TIE));
      }
      assertThat(gain).as("gain at step %d", t).isCloseTo(expectedGain, within(SubmodlibCases.tolerance(expectedGain)));
      f.add(expected);
      chosen[expected] = true;
      prefix[t] = expected;
      double fPrefix = ref.get("f_prefix").get(t).asDouble();
      assertThat(f.evaluate(java.util.Arrays.copyOf(prefix, t + 1)))
          .as("f(prefix) at step %d", t).isCloseTo(fPrefix, within(SubmodlibCases.tolerance(fPrefix)));
    }
  }

  /** The case's kernels; those omitted for size are rebuilt from the features. */
  private static Kernels kernels(JsonNode c) {
    String metric = c.get("metric").asText();
    float[][] data = floats(c.get("data"));
    float[][] query = floats(c.get("query_data"));
    float[][] priv = floats(c.get("private_data"));
    Kernels k = Kernels.none();
    JsonNode ks = c.get("kernels");
    for (var it = ks.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      Matrix stored = ks.get(key).isNull() ? null : Matrix.of(floats(ks.get(key)));
      k = switch (key) {
        case "sijs", "ggsijs", "data_sijs" ->
            k.withKernel(orElse(stored, data, data, metric));
        case "query_sijs" -> k.withQueryKernel(orElse(stored, data, query, metric));
        case "private_sijs" -> k.withPrivateKernel(orElse(stored, data, priv, metric));
        case "query_query_sijs" -> k.withQueryQueryKernel(orElse(stored, query, query, metric));
        case "private_private_sijs" -> k.withPrivatePrivateKernel(orElse(stored, priv, priv, metric));
        case "query_private_sijs" -> k.withQueryPrivateKernel(orElse(stored, query, priv, metric));
        default -> throw new AssertionError("unknown kernel " + key);
      };
    }
    return k;
  }

  private static Matrix orElse(Matrix stored, float[][] rows, float[][] cols, String metric) {
    return stored != null ? stored : SubmodlibKernels.kernel(rows, cols, metric);
  }

  private static float[][] floats(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    float[][] out = new float[node.size()][];
    for (int i = 0; i < out.length; i++) {
      JsonNode row = node.get(i);
      out[i] = new float[row.size()];
      for (int j = 0; j < out[i].length; j++) {
        out[i][j] = (float) row.get(j).asDouble();
      }
    }
    return out;
  }
}
