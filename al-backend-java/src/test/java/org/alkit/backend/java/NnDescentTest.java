package org.alkit.backend.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.alkit.api.ComputeBackend;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.Similarity;
import org.alkit.api.SparseMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NnDescentTest {
  private static final ComputeBackend BACKEND = new JavaBackend(2, 512, JavaBackend.vectorApiAvailable());
  private static final Matrix CLUSTERED = clustered(2000, 16, 25, 7);

  /** {@code clusters} Gaussian blobs (σ = 0.3) around uniform centres in [−2, 2)^d. */
  private static Matrix clustered(int n, int d, int clusters, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[][] centres = new float[clusters][d];
    for (float[] c : centres) {
      for (int j = 0; j < d; j++) {
        c[j] = (float) rng.nextDouble(-2, 2);
      }
    }
    float[] x = new float[n * d];
    for (int i = 0; i < n; i++) {
      float[] c = centres[rng.nextInt(clusters)];
      for (int j = 0; j < d; j++) {
        x[i * d + j] = c[j] + (float) (0.3 * gaussian(rng));
      }
    }
    return Matrix.wrap(n, d, x);
  }

  private static double gaussian(SplittableRandom rng) {
    return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
  }

  /** Share of the exact kernel's entries the approximate one also holds. */
  private static double recall(SparseMatrix approximate, SparseMatrix exact) {
    long hits = 0;
    for (int i = 0; i < exact.rows(); i++) {
      for (int p = exact.rowStart(i); p < exact.rowEnd(i); p++) {
        if (contains(approximate, i, exact.column(p))) {
          hits++;
        }
      }
    }
    return (double) hits / exact.nonZeros();
  }

  private static boolean contains(SparseMatrix m, int i, int j) {
    for (int p = m.rowStart(i); p < m.rowEnd(i); p++) {
      if (m.column(p) == j) {
        return true;
      }
    }
    return false;
  }

  @ParameterizedTest
  @EnumSource(value = Similarity.class, names = {"EUCLIDEAN", "COSINE"})
  void findsNearlyAllExactNeighboursWithTheBackendsValues(Similarity metric) {
    SparseMatrix approximate = NnDescent.kernel(CLUSTERED, metric, 10, 1, backend(2));
    SparseMatrix exact = BACKEND.knnSimilarity(CLUSTERED, CLUSTERED, metric, 10);

    assertThat(recall(approximate, exact)).isGreaterThanOrEqualTo(0.95);
    Matrix dense = BACKEND.similarity(CLUSTERED.rows(0, 200), CLUSTERED, metric);
    for (int i = 0; i < 200; i++) {
      assertThat(approximate.rowEnd(i) - approximate.rowStart(i)).isEqualTo(10);
      assertThat(contains(approximate, i, i)).isTrue();
      for (int p = approximate.rowStart(i); p < approximate.rowEnd(i); p++) {
        assertThat(approximate.value(p)).isEqualTo(dense.get(i, approximate.column(p)));
        if (p > approximate.rowStart(i)) {
          assertThat(approximate.column(p)).isGreaterThan(approximate.column(p - 1));
        }
      }
    }
  }

  @Test
  void findsNearlyAllExactNeighboursOnUniformData() {
    // close to NN-Descent's worst case: no clusters, intrinsic dimension = d; the paper's setting
    // (L = K, 2ρK candidates, 4 trees) reaches about 0.7 here
    SplittableRandom rng = new SplittableRandom(5);
    float[] x = new float[3000 * 32];
    for (int p = 0; p < x.length; p++) {
      x[p] = (float) rng.nextDouble();
    }
    Matrix uniform = Matrix.wrap(3000, 32, x);
    SparseMatrix approximate = NnDescent.kernel(uniform, Similarity.EUCLIDEAN, 10, 1, backend(2));
    SparseMatrix exact = BACKEND.knnSimilarity(uniform, uniform, Similarity.EUCLIDEAN, 10);

    assertThat(recall(approximate, exact)).isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void dependsOnTheSeedOnlyNotOnTheThreadCount() {
    Matrix data = clustered(700, 8, 5, 3);
    SparseMatrix one = NnDescent.kernel(data, Similarity.EUCLIDEAN, 6, 42, backend(1));
    SparseMatrix three = NnDescent.kernel(data, Similarity.EUCLIDEAN, 6, 42, backend(3));
    SparseMatrix again = NnDescent.kernel(data, Similarity.EUCLIDEAN, 6, 42, backend(1));
    for (SparseMatrix other : new SparseMatrix[] {three, again}) {
      assertThat(other.nonZeros()).isEqualTo(one.nonZeros());
      for (int p = 0; p < one.nonZeros(); p++) {
        assertThat(other.column(p)).as("entry %d", p).isEqualTo(one.column(p));
        assertThat(other.value(p)).as("entry %d", p).isEqualTo(one.value(p));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = Similarity.class, names = {"EUCLIDEAN", "COSINE"})
  void atLeastNMinusOneNeighboursIsTheExactKernel(Similarity metric) {
    Matrix data = clustered(60, 5, 3, 11);
    for (int k : new int[] {59, 60}) {
      SparseMatrix approximate = NnDescent.kernel(data, metric, k, 5, backend(2));
      SparseMatrix exact = BACKEND.knnSimilarity(data, data, metric, k);
      assertThat(approximate.nonZeros()).isEqualTo(exact.nonZeros());
      for (int p = 0; p < exact.nonZeros(); p++) {
        assertThat(approximate.column(p)).isEqualTo(exact.column(p));
        assertThat(approximate.value(p)).isEqualTo(exact.value(p));
      }
    }
  }

  @Test
  void oneNeighbourIsTheItemItself() {
    SparseMatrix self = NnDescent.kernel(clustered(10, 3, 2, 1), Similarity.EUCLIDEAN, 1, 0, backend(1));
    for (int i = 0; i < 10; i++) {
      assertThat(self.column(self.rowStart(i))).isEqualTo(i);
      assertThat(self.value(self.rowStart(i))).isEqualTo(1f);
    }
  }

  @Test
  void badInputNamesTheParameterTheValueAndTheRange() {
    Matrix data = clustered(50, 4, 2, 1);
    assertThatThrownBy(() -> NnDescent.kernel(data, Similarity.EUCLIDEAN, 0, 1, backend(1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("k = 0").hasMessageContaining("1 <= k <= n = 50");
    assertThatThrownBy(() -> NnDescent.kernel(data, Similarity.EUCLIDEAN, 51, 1, backend(1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("k = 51").hasMessageContaining("1 <= k <= n = 50");
    assertThatThrownBy(() -> NnDescent.kernel(data, Similarity.DOT, 5, 1, backend(1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("similarity 'dot'")
        .hasMessageContaining("euclidean or cosine");
  }

  private static JavaBackend backend(int threads) {
    return new JavaBackend(threads, 512, false);
  }
}
