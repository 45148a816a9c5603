package org.alkit.gpu.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.pytorch.jni.JniUtils;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.alkit.api.BackendProvider;
import org.alkit.api.ComputeBackend;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.Neighbors;
import org.alkit.api.Similarity;
import org.alkit.api.SparseMatrix;
import org.alkit.gpu.engine.Torch;
import org.alkit.gpu.model.TestData;
import org.alkit.runtime.Registry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code djl} backend against the {@code java} backend, on Gaussian rows and on optdigits, to
 * the float32 error bounds of the matrix-product expansion its class comment states: a block size
 * of 64 rows makes every kernel run several blocks, and {@code a == b} its symmetric path.
 */
class DjlBackendTest {
  private static ComputeBackend javaBackend;
  private static ComputeBackend djl;

  @BeforeAll
  static void start() {
    javaBackend = backend("java", Map.of("threads", "1"));
    djl = backend("djl", Map.of("threads", "1", "block", "64"));
  }

  @AfterAll
  static void stop() {
    djl.close();
    javaBackend.close();
  }

  /** The backend {@code name} at the given options, the others at their defaults. */
  static ComputeBackend backend(String name, Map<String, String> options) {
    BackendProvider p = Registry.load().backend(name);
    return p.create(p.options(options));
  }

  /** Named pairs (a, b): Gaussian, optdigits split in two halves, and each against itself. */
  static Stream<Arguments> pairs() {
    Matrix g = gaussian(300, 37, 1);
    Matrix digits = TestData.optdigits().x();
    return Stream.of(
        Arguments.of("gaussian 300 x 257", g, gaussian(257, 37, 2)),
        Arguments.of("gaussian itself", g, g),
        Arguments.of("optdigits halves", digits.rows(0, 900), digits.rows(900, digits.rows())),
        Arguments.of("optdigits itself", digits, digits));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void distancesAndSimilaritiesAgreeWithJava(String name, Matrix a, Matrix b) {
    Bounds bounds = new Bounds(a, b);
    Matrix d2 = javaBackend.squaredDistances(a, b);
    assertClose(djl.squaredDistances(a, b), d2, bounds::distance);
    Matrix dot = javaBackend.gram(a, b);
    assertClose(djl.gram(a, b), dot, bounds::dot);
    assertClose(djl.similarity(a, b, Similarity.DOT), dot, bounds::dot);
    assertClose(djl.similarity(a, b, Similarity.COSINE), javaBackend.similarity(a, b, Similarity.COSINE),
        (i, j) -> 4e-6);
    assertClose(djl.similarity(a, b, Similarity.EUCLIDEAN), javaBackend.similarity(a, b, Similarity.EUCLIDEAN),
        bounds::euclidean);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void nearestIsJavasUpToNearTiesAndReportsTheExactDistance(String name, Matrix a, Matrix b) {
    Bounds bounds = new Bounds(a, b);
    Neighbors expected = javaBackend.nearest(a, b);
    Neighbors actual = djl.nearest(a, b);
    for (int i = 0; i < a.rows(); i++) {
      int j = actual.index()[i];
      assertThat(actual.squaredDistance()[i]).as("row %d", i).isEqualTo(a.squaredDistance(i, b, j));
      assertThat((double) actual.squaredDistance()[i] - expected.squaredDistance()[i]).as("row %d", i)
          .isLessThanOrEqualTo(2 * bounds.distance(i, expected.index()[i]));
    }
  }

  @Test
  void nearestPicksJavasIndicesWhereNoTwoCandidatesAreNear() {
    Matrix a = gaussian(400, 29, 3);
    Matrix b = gaussian(150, 29, 4);
    assertThat(djl.nearest(a, b).index()).isEqualTo(javaBackend.nearest(a, b).index());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void knnKeepsTheMostSimilarUpToNearTies(String name, Matrix a, Matrix b) {
    Bounds bounds = new Bounds(a, b);
    int k = 7;
    for (Similarity s : Similarity.values()) {
      Matrix exact = javaBackend.similarity(a, b, s);
      SparseMatrix knn = djl.knnSimilarity(a, b, s, k);
      assertThat(knn.rows()).isEqualTo(a.rows());
      for (int i = 0; i < a.rows(); i++) {
        assertThat(knn.rowEnd(i) - knn.rowStart(i)).isEqualTo(k);
        boolean[] kept = new boolean[b.rows()];
        double worstKept = Double.POSITIVE_INFINITY;
        double tolerance = 0;
        for (int p = knn.rowStart(i), previous = -1; p < knn.rowEnd(i); p++) {
          int j = knn.column(p);
          assertThat(j).as("%s row %d: columns ascending", s, i).isGreaterThan(previous);
          previous = j;
          kept[j] = true;
          double bound = s == Similarity.EUCLIDEAN ? bounds.euclidean(i, j)
              : s == Similarity.COSINE ? 4e-6 : bounds.dot(i, j);
          tolerance = Math.max(tolerance, bound);
          assertThat((double) knn.value(p)).as("%s (%d, %d)", s, i, j)
              .isCloseTo(exact.get(i, j), within(bound));
          worstKept = Math.min(worstKept, exact.get(i, j));
        }
        int bestLeftOut = -1;
        for (int j = 0; j < b.rows(); j++) {
          if (!kept[j] && (bestLeftOut < 0 || exact.get(i, j) > exact.get(i, bestLeftOut))) {
            bestLeftOut = j;
          }
        }
        if (bestLeftOut >= 0) {
          assertThat((double) exact.get(i, bestLeftOut)).as("%s row %d: left-out column %d", s, i, bestLeftOut)
              .isLessThanOrEqualTo(worstKept + 2 * tolerance);
        }
      }
    }
  }

  @Test
  void knnTiesGoToTheLowerColumnsLikeJava() {
    Matrix a = Matrix.of(new float[][] {{1, 2}, {0, 0}, {3, 1}});
    Matrix b = Matrix.of(new float[][] {{2, 0}, {1, 2}, {1, 2}, {0, 1}, {1, 2}, {2, 4}, {1, 2}});
    for (Similarity s : Similarity.values()) {
      for (int k = 1; k <= b.rows(); k++) {
        SparseMatrix mine = djl.knnSimilarity(a, b, s, k);
        SparseMatrix theirs = javaBackend.knnSimilarity(a, b, s, k);
        for (int p = 0; p < theirs.nonZeros(); p++) {
          assertThat(mine.column(p)).as("%s k = %d entry %d", s, k, p).isEqualTo(theirs.column(p));
        }
      }
    }
  }

  @Test
  void repeatsBitForBit() {
    Matrix a = gaussian(333, 50, 11);
    Matrix b = gaussian(129, 50, 12);
    assertThat(djl.similarity(a, b, Similarity.EUCLIDEAN)).isEqualTo(djl.similarity(a, b, Similarity.EUCLIDEAN));
    assertThat(djl.squaredDistances(a, a)).isEqualTo(djl.squaredDistances(a, a));
  }

  @Test
  void theThreadCountDoesNotChangeTheBits() {
    Matrix a = gaussian(2000, 256, 13);
    Matrix b = gaussian(1000, 256, 14);
    int before = JniUtils.getNumThreads();
    try (ComputeBackend two = backend("djl", Map.of("threads", "2"))) {
      Matrix kernel = two.similarity(a, b, Similarity.EUCLIDEAN);
      Matrix gram = two.gram(a, a);
      try (ComputeBackend one = backend("djl", Map.of("threads", "1"))) {
        assertThat(one.similarity(a, b, Similarity.EUCLIDEAN)).isEqualTo(kernel);
        assertThat(one.gram(a, a)).isEqualTo(gram);
      }
    } finally {
      JniUtils.setNumThreads(before);
    }
  }

  @Test
  void aMatrixAgainstItselfIsExactlySymmetricWithAnExactDiagonal() {
    Matrix digits = TestData.optdigits().x().rows(0, 300);
    Matrix d2 = djl.squaredDistances(digits, digits);
    Matrix s = djl.similarity(digits, digits, Similarity.EUCLIDEAN);
    Matrix g = djl.gram(digits, digits);
    for (int i = 0; i < digits.rows(); i++) {
      assertThat(d2.get(i, i)).isZero();
      assertThat(s.get(i, i)).isEqualTo(1f);
      for (int j = 0; j < i; j++) {
        assertThat(d2.get(i, j)).isEqualTo(d2.get(j, i));
        assertThat(s.get(i, j)).isEqualTo(s.get(j, i));
        assertThat(g.get(i, j)).isEqualTo(g.get(j, i));
      }
    }
  }

  @Test
  void topKTrackersAndParallelForAreTheJavaBackends() {
    double[] scores = new SplittableRandom(5).doubles(1000, 0, 4).map(Math::floor).toArray();
    assertThat(djl.topK(scores, 50)).isEqualTo(javaBackend.topK(scores, 50));
    Matrix data = gaussian(200, 8, 6);
    int[] points = range(10, 200);
    var mine = djl.centreTracker(data, points, new int[] {0, 3});
    var theirs = javaBackend.centreTracker(data, points, new int[] {0, 3});
    assertThat(mine.farthest()).isEqualTo(theirs.farthest());
    AtomicIntegerArray ran = new AtomicIntegerArray(17);
    djl.parallelFor(17, ran::incrementAndGet);
    for (int t = 0; t < 17; t++) {
      assertThat(ran.get(t)).isEqualTo(1);
    }
    assertThat(djl.name()).isEqualTo("djl");
    assertThat(djl.threads()).isEqualTo(1);
    assertThat(djl.toString()).contains("device=cpu");
  }

  @Test
  void emptySidesAndBadInputAreAnsweredLikeJava() {
    Matrix a = gaussian(5, 3, 7);
    Matrix none = Matrix.wrap(0, 3, new float[0]);
    assertThat(djl.squaredDistances(a, none).rows()).isEqualTo(5);
    assertThat(djl.nearest(a, none).index()).containsOnly(-1);
    assertThatThrownBy(() -> djl.gram(a, gaussian(4, 2, 8)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("expected the same number of columns");
    assertThatThrownBy(() -> djl.knnSimilarity(a, a, Similarity.DOT, 6))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("k = 6");
  }

  @Test
  void badOptionsNameTheOptionAndTheValue() {
    assertThatThrownBy(() -> backend("djl", Map.of("device", "tpu")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("backend 'djl': option 'device' = 'tpu'; expected cpu, gpu or gpu:N");
    int gpus = Torch.engine().getGpuCount();
    assertThatThrownBy(() -> backend("djl", Map.of("device", "gpu:" + gpus)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("backend 'djl': option 'device' = 'gpu:" + gpus + "', but PyTorch sees " + gpus);
    assertThatThrownBy(() -> backend("djl", Map.of("threads", "-1")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("backend 'djl': option 'threads' = -1: expected >= 0");
    assertThatThrownBy(() -> backend("djl", Map.of("block", "0")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("backend 'djl': option 'block' = 0: expected >= 1");
  }

  @Test
  void onAGpuTheKernelsAgreeWithJava() {
    assumeTrue(Torch.engine().getGpuCount() > 0, "no GPU visible to PyTorch: the CUDA path is not tested here");
    Matrix a = gaussian(700, 64, 9);
    Matrix b = gaussian(300, 64, 10);
    Bounds bounds = new Bounds(a, b);
    try (ComputeBackend gpu = backend("djl", Map.of("device", "gpu", "threads", "1", "block", "256"))) {
      assertClose(gpu.squaredDistances(a, b), javaBackend.squaredDistances(a, b), bounds::distance);
      assertClose(gpu.similarity(a, b, Similarity.EUCLIDEAN), javaBackend.similarity(a, b, Similarity.EUCLIDEAN),
          bounds::euclidean);
      assertThat(gpu.nearest(a, b).index()).isEqualTo(javaBackend.nearest(a, b).index());
      SparseMatrix knn = gpu.knnSimilarity(a, b, Similarity.COSINE, 5);
      SparseMatrix expected = javaBackend.knnSimilarity(a, b, Similarity.COSINE, 5);
      for (int p = 0; p < expected.nonZeros(); p++) {
        assertThat(knn.column(p)).isEqualTo(expected.column(p));
        assertThat((double) knn.value(p)).isCloseTo(expected.value(p), within(4e-6));
      }
    }
  }

  /** Error bounds of the expansion for one pair of rows, from norms computed in double. */
  private static final class Bounds {
    private final double[] centredA;
    private final double[] centredB;
    private final double[] normA;
    private final double[] normB;
    private final int d;

    Bounds(Matrix a, Matrix b) {
      d = a.cols();
      double[] mean = new double[d];
      for (int j = 0; j < b.rows(); j++) {
        for (int k = 0; k < d; k++) {
          mean[k] += b.get(j, k) / (double) b.rows();
        }
      }
      centredA = new double[a.rows()];
      normA = new double[a.rows()];
      centredB = new double[b.rows()];
      normB = new double[b.rows()];
      norms(a, mean, centredA, normA);
      norms(b, mean, centredB, normB);
    }

    private static void norms(Matrix m, double[] mean, double[] centred, double[] plain) {
      for (int i = 0; i < m.rows(); i++) {
        for (int k = 0; k < mean.length; k++) {
          double x = m.get(i, k);
          centred[i] += (x - mean[k]) * (x - mean[k]);
          plain[i] += x * x;
        }
        plain[i] = Math.sqrt(plain[i]);
      }
    }

    /** Distances: 1e-6 (ten float ulps) of the centred squared norms. */
    double distance(int i, int j) {
      return 1e-6 * (centredA[i] + centredB[j]) + 1e-30;
    }

    /** Dot products: 1e-6 of ‖a‖‖b‖. */
    double dot(int i, int j) {
      return 1e-6 * normA[i] * normB[j] + 1e-30;
    }

    /** exp(−x) moves by at most |Δx| and sqrt by at most sqrt(|ΔD|); plus the exp's own 2 ulp. */
    double euclidean(int i, int j) {
      return Math.sqrt(distance(i, j)) / d + 3e-7;
    }
  }

  private interface Bound {
    double at(int i, int j);
  }

  /** Every |actual − expected| within its bound; reports the worst element. */
  private static void assertClose(Matrix actual, Matrix expected, Bound bound) {
    assertThat(actual.rows()).isEqualTo(expected.rows());
    assertThat(actual.cols()).isEqualTo(expected.cols());
    double worst = 0;
    String where = "";
    for (int i = 0; i < expected.rows(); i++) {
      for (int j = 0; j < expected.cols(); j++) {
        double ratio = Math.abs((double) actual.get(i, j) - expected.get(i, j)) / bound.at(i, j);
        if (!(ratio <= worst)) {
          worst = ratio;
          where = "(" + i + ", " + j + "): " + actual.get(i, j) + " vs " + expected.get(i, j);
        }
      }
    }
    assertThat(worst).as("error / bound, worst at %s", where).isLessThanOrEqualTo(1.0);
  }

  private static Matrix gaussian(int n, int d, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[n * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextGaussian();
    }
    return Matrix.wrap(n, d, x);
  }

  private static int[] range(int from, int to) {
    return IntStream.range(from, to).toArray();
  }
}
