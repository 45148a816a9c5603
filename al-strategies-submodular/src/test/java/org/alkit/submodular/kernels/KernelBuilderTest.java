package org.alkit.submodular.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.alkit.api.ComputeBackend;
import org.alkit.api.Matrix;
import org.alkit.api.Similarity;
import org.alkit.testkit.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The dense data kernel: the backend's similarities, with facility-location's unit diagonal. */
class KernelBuilderTest {
  private static final ComputeBackend BACKEND = Fixtures.javaBackend().orElseThrow();
  private static final KernelBuilder BUILDER = new KernelBuilder("data", "query", "private");

  @ParameterizedTest
  @EnumSource(Similarity.class)
  void facilityLocationGetsAUnitDiagonalAndOtherwiseTheBackendsKernel(Similarity metric) {
    Matrix data = Fixtures.embeddings(40, new SplittableRandom(5));
    Matrix s = BACKEND.similarity(data, data, metric);
    Matrix fl = BUILDER.build("facility-location", data, null, null, metric, BACKEND,
        KernelBuilder.DataKernel.DENSE).kernel();
    Matrix cut = BUILDER.build("graph-cut", data, null, null, metric, BACKEND,
        KernelBuilder.DataKernel.DENSE).kernel();
    for (int i = 0; i < 40; i++) {
      for (int j = 0; j < 40; j++) {
        assertThat(fl.get(i, j)).isEqualTo(i == j ? 1f : s.get(i, j));
        assertThat(cut.get(i, j)).isEqualTo(s.get(i, j)).isEqualTo(s.get(j, i));
      }
    }
  }
}
