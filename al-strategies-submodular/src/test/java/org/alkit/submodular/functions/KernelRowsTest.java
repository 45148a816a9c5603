package org.alkit.submodular.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.alkit.api.ComputeBackend;
import org.alkit.api.Matrix;
import org.alkit.api.Similarity;
import org.alkit.submodular.Kernels;
import org.alkit.submodular.MaximizeRequest;
import org.alkit.submodular.MaximizeResult;
import org.alkit.submodular.Maximizer;
import org.alkit.submodular.SetFunction;
import org.alkit.submodular.SetFunctions;
import org.alkit.testkit.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * log-det over kernel rows computed on demand from features is bit-identical to log-det over the
 * dense kernel built by the same backend, and {@code --kernel} mode still gives the same result.
 */
class KernelRowsTest {
  private static final ComputeBackend BACKEND = Fixtures.javaBackend().orElseThrow();
  private static final int N = 300;
  private static final int D = 16;
  private static final int BUDGET = 40;
  private static final Map<String, String> OPTIONS = Map.of("lambda", "1");

  private static Matrix features(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[N * D];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    return Matrix.wrap(N, D, x);
  }

  @ParameterizedTest
  @EnumSource(value = Similarity.class, names = {"EUCLIDEAN", "COSINE"})
  void onDemandRowsEqualTheDenseKernel(Similarity metric) {
    Matrix data = features(1);
    Matrix dense = BACKEND.similarity(data, data, metric);
    KernelRows lazy = KernelRows.onDemand(data, metric, BACKEND);
    KernelRows rows = KernelRows.dense(dense);
    assertThat(lazy.size()).isEqualTo(N);
    for (int a = 0; a < N; a++) {
      assertThat(lazy.diagonal(a)).isEqualTo(rows.diagonal(a));
      assertThat(lazy.row(a)).isEqualTo(rows.row(a)).isEqualTo(dense.row(a));
    }
  }

  @ParameterizedTest
  @EnumSource(value = Similarity.class, names = {"EUCLIDEAN", "COSINE"})
  void greedyGainsAndOrderAreBitIdentical(Similarity metric) {
    Matrix data = features(2);
    SetFunction lazy = Catalog.get("log-det").create(OPTIONS,
        KernelRows.onDemand(data, metric, BACKEND));
    SetFunction dense = SetFunctions.create("log-det", OPTIONS,
        Kernels.none().withKernel(BACKEND.similarity(data, data, metric)));
    int[] picked = new int[BUDGET];
    boolean[] taken = new boolean[N];
    for (int t = 0; t < BUDGET; t++) {
      int best = -1;
      for (int j = 0; j < N; j++) {
        assertThat(Double.doubleToLongBits(lazy.gain(j)))
            .isEqualTo(Double.doubleToLongBits(dense.gain(j)));
        if (!taken[j] && (best < 0 || dense.gain(j) > dense.gain(best))) {
          best = j;
        }
      }
      picked[t] = best;
      taken[best] = true;
      lazy.add(best);
      dense.add(best);
    }
    assertThat(lazy.evaluate(picked)).isEqualTo(dense.evaluate(picked));
  }

  @ParameterizedTest
  @EnumSource(value = Similarity.class, names = {"EUCLIDEAN", "COSINE"})
  void featuresAndKernelModesAgreeThroughTheFacade(Similarity metric) {
    Matrix data = features(3);
    MaximizeResult fromFeatures = maximize(data, null, metric);
    MaximizeResult fromKernel = maximize(null, BACKEND.similarity(data, data, metric), metric);
    assertThat(fromFeatures.selected()).hasSize(BUDGET).isEqualTo(fromKernel.selected());
    assertThat(fromFeatures.gains()).isEqualTo(fromKernel.gains());
    assertThat(fromFeatures.value()).isEqualTo(fromKernel.value());
  }

  private static MaximizeResult maximize(Matrix data, Matrix kernel, Similarity metric) {
    return Maximizer.maximize(new MaximizeRequest("log-det", "lazy", BUDGET, OPTIONS,
        Optional.ofNullable(data), Optional.empty(), Optional.empty(), metric,
        Optional.ofNullable(kernel), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), BACKEND, 1));
  }
}
