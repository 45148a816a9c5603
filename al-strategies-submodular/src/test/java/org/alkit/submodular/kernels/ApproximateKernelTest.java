package org.alkit.submodular.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;
import org.alkit.api.ComputeBackend;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.Similarity;
import org.alkit.api.SparseMatrix;
import org.alkit.submodular.Kernels;
import org.alkit.submodular.SetFunction;
import org.alkit.submodular.SetFunctions;
import org.alkit.submodular.optimizers.OptimizerOptions;
import org.alkit.submodular.optimizers.Optimizers;
import org.alkit.testkit.Fixtures;
import org.junit.jupiter.api.Test;

/** The sparse facility-location kernel from the backend's approximate k-NN graph. */
class ApproximateKernelTest {
  private static final ComputeBackend BACKEND = Fixtures.javaBackend().orElseThrow();

  @Test
  void theBuilderRoutesByTheKnnOption() {
    KernelBuilder builder = new KernelBuilder("data", "queryData", "privateData");
    Matrix data = Fixtures.embeddings(300, new SplittableRandom(2));
    SparseMatrix exact = BACKEND.knnSimilarity(data, data, Similarity.EUCLIDEAN, 5);
    SparseMatrix auto = builder.build("facility-location", data, null, null, Similarity.EUCLIDEAN,
        BACKEND, new KernelBuilder.DataKernel(5, "auto", 1)).sparseKernel();
    SparseMatrix approximate = builder.build("facility-location", data, null, null,
        Similarity.EUCLIDEAN, BACKEND, new KernelBuilder.DataKernel(5, "approximate", 1)).sparseKernel();
    for (int p = 0; p < exact.nonZeros(); p++) {
      assertThat(auto.column(p)).isEqualTo(exact.column(p));
    }
    SparseMatrix direct = BACKEND.approximateKnnSimilarity(data, Similarity.EUCLIDEAN, 5, 1);
    for (int p = 0; p < direct.nonZeros(); p++) {
      assertThat(approximate.column(p)).isEqualTo(direct.column(p));
    }
    assertThatThrownBy(() -> builder.build("facility-location", data, null, null,
        Similarity.EUCLIDEAN, BACKEND, new KernelBuilder.DataKernel(5, "fast", 1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'knn' = 'fast'").hasMessageContaining("auto, exact, approximate");
    assertThatThrownBy(() -> builder.build("facility-location", data, null, null,
        Similarity.DOT, BACKEND, new KernelBuilder.DataKernel(5, "approximate", 1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'knn' = 'approximate'").hasMessageContaining("metric 'dot'")
        .hasMessageContaining("euclidean or cosine");
  }

  @Test
  void facilityLocationOnTheApproximateKernelNearlyMatchesTheExactOne() {
    Matrix data = Fixtures.embeddings(2000, new SplittableRandom(7));
    SparseMatrix exact = BACKEND.knnSimilarity(data, data, Similarity.EUCLIDEAN, 10);
    SparseMatrix approximate = BACKEND.approximateKnnSimilarity(data, Similarity.EUCLIDEAN, 10, 3);
    SetFunction onExact = facilityLocation(exact);
    int[] exactPicks = greedy(onExact);
    int[] approximatePicks = greedy(facilityLocation(approximate));
    double best = onExact.evaluate(exactPicks);
    assertThat(onExact.evaluate(approximatePicks)).isCloseTo(best, within(0.02 * best));
  }

  private static SetFunction facilityLocation(SparseMatrix kernel) {
    return SetFunctions.create("facility-location", Map.of(), Kernels.none().withSparseKernel(kernel));
  }

  private static int[] greedy(SetFunction f) {
    return Optimizers.create("lazy", OptimizerOptions.parse(Map.of(), 1)).maximize(f, 50, BACKEND)
        .selected();
  }
}
