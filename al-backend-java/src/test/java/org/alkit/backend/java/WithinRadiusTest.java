package org.alkit.backend.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.alkit.api.CentreTracker;
import org.alkit.api.ComputeBackend;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.Neighbors;
import org.alkit.api.Similarity;
import org.alkit.api.SparseMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ComputeBackend#withinRadius}: the {@code java} backend's blocked graph (and, for a
 * matrix against itself, its upper-triangle evaluation) equals the naive double loop over
 * {@link Matrix#squaredDistance} entry for entry and bit for bit, on any block size, thread count
 * and kernel; the interface's default gives the same graph.
 */
class WithinRadiusTest {

  @ParameterizedTest(name = "n={0} m={1} d={2} block={3} threads={4} {5} self={6} {7}")
  @CsvSource({
      "1,    1,    3,  512, 1, scalar, false, gaussian",
      "700,  1200, 7,  64,  3, scalar, false, gaussian",
      "1200, 1200, 7,  64,  3, scalar, true, gaussian",
      "1200, 1200, 7,  512, 1, scalar, true, gaussian",
      "1100, 1100, 19, 100, 2, vector, true, gaussian",
      "900,  600,  19, 100, 2, vector, false, gaussian",
      "3000, 3000, 24, 128, 2, scalar, true,  lowRank",
      "2500, 1800, 24, 128, 2, vector, false, lowRank"})
  void equalsTheNaiveLoopEntryForEntry(int n, int m, int d, int block, int threads, String simd,
      boolean self, String shape) {
    assumeTrue(simd.equals("scalar") || JavaBackend.vectorApiAvailable(), "Vector API not resolved");
    // low rank: one direction spreads the rows, so the projection order prunes most blocks
    boolean lowRank = "lowRank".equals(shape);
    Matrix x = lowRank ? RandomMatrices.lowRank(n, d, 3, new java.util.SplittableRandom(40 + n))
        : RandomMatrices.gaussian(n, d, 40 + n);
    Matrix y = self ? x : lowRank ? RandomMatrices.lowRank(m, d, 3, new java.util.SplittableRandom(50 + m))
        : RandomMatrices.gaussian(m, d, 50 + m);
    double radius = lowRank ? typicalDistance(x) * 0.2 : Math.sqrt(d) * 0.9;
    try (JavaBackend backend = new JavaBackend(threads, block, simd.equals("vector"))) {
      SparseMatrix graph = backend.withinRadius(x, y, radius);
      assertThat(graph.rows()).isEqualTo(n);
      assertThat(graph.cols()).isEqualTo(y.rows());
      long expectedEntries = 0;
      for (int i = 0; i < n; i++) {
        int p = graph.rowStart(i);
        for (int j = 0; j < y.rows(); j++) {
          float d2 = x.squaredDistance(i, y, j);
          if (d2 < radius * radius) {
            expectedEntries++;
            assertThat(p).as("row %d has column %d", i, j).isLessThan(graph.rowEnd(i));
            assertThat(graph.column(p)).as("row %d, entry %d", i, p - graph.rowStart(i)).isEqualTo(j);
            assertThat(Float.floatToIntBits(graph.value(p))).as("(%d, %d)", i, j)
                .isEqualTo(Float.floatToIntBits(d2));
            p++;
          }
        }
        assertThat(p).as("row %d has no extra entry", i).isEqualTo(graph.rowEnd(i));
      }
      if (n > 1) {
        assertThat(expectedEntries).as("the case has edges beyond the diagonal").isGreaterThan(self ? n : 0);
      }
      SparseMatrix byDefault = defaultsOnly(backend).withinRadius(x, y, radius);
      assertThat(byDefault.nonZeros()).isEqualTo(graph.nonZeros());
      for (int i = 0; i < n; i++) {
        assertThat(byDefault.rowStart(i)).isEqualTo(graph.rowStart(i));
      }
      for (int p = 0; p < graph.nonZeros(); p++) {
        assertThat(byDefault.column(p)).isEqualTo(graph.column(p));
        assertThat(byDefault.value(p)).isEqualTo(graph.value(p));
      }
    }
  }

  /** The median distance of the first 50 rows to each other. */
  private static double typicalDistance(Matrix x) {
    double[] d = new double[50 * 49 / 2];
    int at = 0;
    for (int i = 0; i < 50; i++) {
      for (int j = i + 1; j < 50; j++) {
        d[at++] = Math.sqrt(x.squaredDistance(i, x, j));
      }
    }
    java.util.Arrays.sort(d);
    return d[d.length / 2];
  }

  @Test
  void aZeroRadiusHoldsNothingAndABallHoldsItsCentre() {
    Matrix x = Matrix.of(new float[][] {{0, 0}, {0, 0}, {3, 4}});
    try (JavaBackend backend = new JavaBackend(1, 512, false)) {
      assertThat(backend.withinRadius(x, x, 0).nonZeros()).isZero();
      SparseMatrix g = backend.withinRadius(x, x, 5);
      // the duplicates are within any radius of each other; (3, 4) is at exactly 5, not < 5
      assertThat(g.rowEnd(0) - g.rowStart(0)).isEqualTo(2);
      assertThat(g.rowEnd(2) - g.rowStart(2)).isEqualTo(1);
      assertThat(g.column(g.rowStart(2))).isEqualTo(2);
    }
  }

  @Test
  void badRadiusAndShapesAreNamed() {
    Matrix x = Matrix.of(new float[][] {{0, 0}});
    Matrix z = Matrix.of(new float[][] {{0, 0, 0}});
    try (JavaBackend backend = new JavaBackend(1, 512, false)) {
      for (ComputeBackend b : new ComputeBackend[] {backend, defaultsOnly(backend)}) {
        assertThatThrownBy(() -> b.withinRadius(x, x, -1)).isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("radius = -1.0").hasMessageContaining(">= 0");
        assertThatThrownBy(() -> b.withinRadius(x, x, Double.NaN)).isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("radius = NaN");
        assertThatThrownBy(() -> b.withinRadius(x, z, 1)).isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("1 × 2").hasMessageContaining("1 × 3");
      }
    }
  }

  /** {@code backend} without its own {@link ComputeBackend#withinRadius}: the interface's default. */
  private static ComputeBackend defaultsOnly(ComputeBackend backend) {
    return new ComputeBackend() {
      @Override
      public String name() {
        return "defaults";
      }

      @Override
      public int[] topK(double[] scores, int k) {
        return backend.topK(scores, k);
      }

      @Override
      public Neighbors nearest(Matrix queries, Matrix references) {
        return backend.nearest(queries, references);
      }

      @Override
      public Matrix squaredDistances(Matrix a, Matrix b) {
        return backend.squaredDistances(a, b);
      }

      @Override
      public Matrix gram(Matrix a, Matrix b) {
        return backend.gram(a, b);
      }

      @Override
      public Matrix similarity(Matrix a, Matrix b, Similarity similarity) {
        return backend.similarity(a, b, similarity);
      }

      @Override
      public SparseMatrix knnSimilarity(Matrix a, Matrix b, Similarity similarity, int k) {
        return backend.knnSimilarity(a, b, similarity, k);
      }

      @Override
      public CentreTracker centreTracker(Matrix data, int[] points, int[] centres) {
        return backend.centreTracker(data, points, centres);
      }
    };
  }
}
