package org.alkit.backend.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.alkit.api.CentreTracker;
import org.alkit.api.ComputeBackend;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.Neighbors;
import org.alkit.api.Similarity;
import org.alkit.api.SparseMatrix;
import org.alkit.commons.FloatExp;
import org.alkit.commons.GradientCentreTracker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class JavaBackendTest {
  // b has more rows than one tile, a more rows than one block; 13 columns is not a multiple of 4
  private final Matrix a = RandomMatrices.gaussian(45, 13, 1);
  private final Matrix b = RandomMatrices.gaussian(JavaBackend.TILE + 37, 13, 2);

  private static ComputeBackend backend(int threads, int block) {
    return backend(threads, block, "auto");
  }

  private static ComputeBackend backend(int threads, int block, String simd) {
    JavaBackendProvider p = new JavaBackendProvider();
    return p.create(p.options(Map.of("threads", Integer.toString(threads), "block", Integer.toString(block),
        "simd", simd)));
  }

  /** Both inner-kernel implementations; the tests run with {@code --add-modules jdk.incubator.vector}. */
  private static final List<String> SIMD = List.of("vector", "scalar");

  /** The naive definition of each similarity, in submodlib's float arithmetic. */
  private static float naive(Matrix a, int i, Matrix b, int j, Similarity s) {
    switch (s) {
      case EUCLIDEAN:
        return FloatExp.euclideanSimilarity(a.squaredDistance(i, b, j), (float) (1.0 / a.cols()));
      case COSINE:
        float n = (float) Math.sqrt(a.dot(i, a, i)) * (float) Math.sqrt(b.dot(j, b, j));
        return n == 0 ? 0 : a.dot(i, b, j) / n;
      default:
        return a.dot(i, b, j);
    }
  }

  /** Float bits, so that equality below is bitwise (and −0 ≠ +0). */
  private static int bits(float f) {
    return Float.floatToRawIntBits(f);
  }

  /**
   * Every kernel, with the Vector API and with the scalar inner loops, against the naive fused
   * multiply-add chains sequential over the columns ({@link Matrix#squaredDistance},
   * {@link Matrix#dot}), bit for bit, on shapes around the tile ({@link JavaBackend#TILE}
   * reference rows), column-chunk ({@link JavaBackend#K_CHUNK}), register-block (4 query rows) and
   * micro-tile widths ({@link VectorPairKernel#WIDTH}: three vectors, 48 reference rows with
   * 16-lane vectors, 24 with 8), and empty ones.
   */
  @ParameterizedTest(name = "{0} × {1} × {2}, {3}")
  @CsvSource({
      "45, 549, 13, vector", "5, 7, 130, vector", "3, 1025, 257, vector", "1, 1, 1, vector",
      "7, 33, 129, vector", "9, 512, 128, vector", "11, 31, 5, vector", "0, 10, 8, vector",
      "10, 0, 8, vector", "6, 6, 0, vector", "4, 48, 20, vector", "5, 97, 20, vector",
      "6, 529, 20, vector",
      "45, 549, 13, scalar", "5, 7, 130, scalar", "3, 1025, 257, scalar", "1, 1, 1, scalar",
      "7, 33, 129, scalar", "0, 10, 8, scalar", "6, 6, 0, scalar"})
  void everyKernelEqualsTheNaiveSequentialLoopsBitForBit(int n, int m, int d, String simd) {
    Matrix x = RandomMatrices.gaussian(n, d, 10 + n);
    Matrix y = RandomMatrices.gaussian(m, d, 20 + m);
    ComputeBackend backend = backend(3, 5, simd);
    Matrix dist = backend.squaredDistances(x, y);
    Matrix gram = backend.gram(x, y);
    assertThat(dist.rows()).isEqualTo(n);
    assertThat(dist.cols()).isEqualTo(m);
    Neighbors nn = backend.nearest(x, y);
    for (int i = 0; i < n; i++) {
      int best = -1;
      float bestDistance = Float.POSITIVE_INFINITY;
      for (int j = 0; j < m; j++) {
        float s = x.squaredDistance(i, y, j);
        assertThat(bits(dist.get(i, j))).as("distance (%d, %d)", i, j).isEqualTo(bits(s));
        assertThat(bits(gram.get(i, j))).as("dot (%d, %d)", i, j).isEqualTo(bits(x.dot(i, y, j)));
        if (s < bestDistance) {
          best = j;
          bestDistance = s;
        }
      }
      assertThat(nn.index()[i]).isEqualTo(best);
      assertThat(bits(nn.squaredDistance()[i])).isEqualTo(bits(bestDistance));
    }
    for (Similarity s : Similarity.values()) {
      Matrix sim = backend.similarity(x, y, s);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < m; j++) {
          assertThat(bits(sim.get(i, j))).as("%s (%d, %d)", s, i, j).isEqualTo(bits(naive(x, i, y, j, s)));
        }
      }
      int k = Math.min(m, 4);
      SparseMatrix knn = backend.knnSimilarity(x, y, s, k);
      for (int i = 0; i < n; i++) {
        for (int p = knn.rowStart(i); p < knn.rowEnd(i); p++) {
          assertThat(bits(knn.value(p))).isEqualTo(bits(sim.get(i, knn.column(p))));
        }
      }
    }
  }

  /**
   * A matrix against itself (the same instance), for which only the upper tiles are evaluated
   * and mirrored: every dense kernel equals the naive loops bit for bit, with 1 and 3 threads, on
   * row counts that are not multiples of the block or tile ({@link JavaBackend#TILE}) size.
   */
  @ParameterizedTest(name = "{0} × {1}, block {2}")
  @CsvSource({"7, 130, 3", "513, 129, 256", "1100, 33, 100", "1100, 17, 7", "0, 8, 5"})
  void denseKernelsOfAMatrixWithItselfEqualTheNaiveLoopsBitForBit(int n, int d, int block) {
    Matrix x = RandomMatrices.gaussian(n, d, 30 + n);
    for (ComputeBackend backend : List.of(backend(1, block, "vector"), backend(3, block, "vector"),
        backend(3, block, "scalar"))) {
      assertBitwise(backend.squaredDistances(x, x), (i, j) -> x.squaredDistance(i, x, j), "distance");
      assertBitwise(backend.gram(x, x), (i, j) -> x.dot(i, x, j), "dot");
      for (Similarity s : Similarity.values()) {
        assertBitwise(backend.similarity(x, x, s), (i, j) -> naive(x, i, x, j, s), s.toString());
      }
    }
  }

  /** The expected value of element (i, j). */
  private interface Expected {
    float at(int i, int j);
  }

  /** Asserts that every element of the square {@code m} has the bits of {@code expected}. */
  private static void assertBitwise(Matrix m, Expected expected, String what) {
    assertThat(m.cols()).isEqualTo(m.rows());
    for (int i = 0; i < m.rows(); i++) {
      for (int j = 0; j < m.cols(); j++) {
        float e = expected.at(i, j);
        if (bits(m.get(i, j)) != bits(e)) {
          assertThat(m.get(i, j)).as("%s (%d, %d)", what, i, j).isEqualTo(e);
          assertThat(bits(m.get(i, j))).as("%s (%d, %d) bits", what, i, j).isEqualTo(bits(e));
        }
      }
    }
  }

  @Test
  void everyKernelIsBitIdenticalForOneAndThreeThreads() {
    Matrix x = RandomMatrices.gaussian(45, 130, 5);
    Matrix y = RandomMatrices.gaussian(JavaBackend.TILE + 37, 130, 6);
    ComputeBackend one = backend(1, 256);
    ComputeBackend three = backend(3, 7);
    assertThat(three.squaredDistances(x, y)).isEqualTo(one.squaredDistances(x, y));
    assertThat(three.gram(x, y)).isEqualTo(one.gram(x, y));
    Neighbors n1 = one.nearest(x, y);
    Neighbors n3 = three.nearest(x, y);
    assertThat(n3.index()).isEqualTo(n1.index());
    assertThat(n3.squaredDistance()).isEqualTo(n1.squaredDistance());
    for (Similarity s : Similarity.values()) {
      assertThat(three.similarity(x, y, s)).as("%s", s).isEqualTo(one.similarity(x, y, s));
      SparseMatrix k1 = one.knnSimilarity(x, y, s, 9);
      SparseMatrix k3 = three.knnSimilarity(x, y, s, 9);
      for (int p = 0; p < k1.nonZeros(); p++) {
        assertThat(k3.column(p)).isEqualTo(k1.column(p));
        assertThat(bits(k3.value(p))).isEqualTo(bits(k1.value(p)));
      }
    }
  }

  @Test
  void squaredDistancesAndGramEqualNaiveLoopsExactly() {
    Matrix d = backend(3, 7).squaredDistances(a, b);
    Matrix g = backend(3, 7).gram(a, b);
    assertThat(d.rows()).isEqualTo(a.rows());
    assertThat(d.cols()).isEqualTo(b.rows());
    for (int i = 0; i < a.rows(); i++) {
      for (int j = 0; j < b.rows(); j++) {
        assertThat(d.get(i, j)).isEqualTo(a.squaredDistance(i, b, j));
        assertThat(g.get(i, j)).isEqualTo(a.dot(i, b, j));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Similarity.class)
  void similarityEqualsNaiveDefinition(Similarity s) {
    Matrix m = backend(2, 16).similarity(a, b, s);
    for (int i = 0; i < a.rows(); i++) {
      for (int j = 0; j < b.rows(); j++) {
        assertThat(m.get(i, j)).as("(%d, %d)", i, j).isEqualTo(naive(a, i, b, j, s));
      }
    }
  }

  @Test
  void euclideanSimilarityOfARowWithItselfIsOneAndCosineOfZeroRowIsZero() {
    Matrix x = Matrix.of(new float[][] {{0, 0, 0}, {1, 2, 3}});
    assertThat(backend(1, 4).similarity(x, x, Similarity.EUCLIDEAN).get(1, 1)).isEqualTo(1f);
    Matrix cos = backend(1, 4).similarity(x, x, Similarity.COSINE);
    assertThat(cos.get(0, 1)).isZero();
    assertThat(cos.get(0, 0)).isZero();
  }

  @Test
  void nearestIsTheExactNaiveArgminWithTiesToTheLowerIndex() {
    Neighbors nn = backend(4, 5).nearest(a, b);
    for (int i = 0; i < a.rows(); i++) {
      int best = 0;
      for (int j = 1; j < b.rows(); j++) {
        if (a.squaredDistance(i, b, j) < a.squaredDistance(i, b, best)) {
          best = j;
        }
      }
      assertThat(nn.index()[i]).isEqualTo(best);
      assertThat(nn.squaredDistance()[i]).isEqualTo(a.squaredDistance(i, b, best));
    }
    Matrix refs = Matrix.of(new float[][] {{1, 0}, {-1, 0}, {1, 0}});
    Neighbors tie = backend(1, 1).nearest(Matrix.of(new float[][] {{0, 0}, {1, 0}}), refs);
    assertThat(tie.index()).containsExactly(0, 0);
  }

  @Test
  void nearestWithoutReferencesGivesMinusOneAndInfinity() {
    Neighbors nn = backend(2, 4).nearest(a, Matrix.wrap(0, 13, new float[0]));
    assertThat(nn.index()).containsOnly(-1);
    assertThat(nn.squaredDistance()).containsOnly(Float.POSITIVE_INFINITY);
  }

  @Test
  void resultsDoNotDependOnThreadsOrBlockSize() {
    ComputeBackend one = backend(1, 256);
    ComputeBackend many = backend(4, 3);
    assertThat(many.squaredDistances(a, b)).isEqualTo(one.squaredDistances(a, b));
    assertThat(many.similarity(a, b, Similarity.COSINE)).isEqualTo(one.similarity(a, b, Similarity.COSINE));
    assertThat(many.nearest(a, b).index()).isEqualTo(one.nearest(a, b).index());
    SparseMatrix k1 = one.knnSimilarity(a, b, Similarity.EUCLIDEAN, 9);
    SparseMatrix k4 = many.knnSimilarity(a, b, Similarity.EUCLIDEAN, 9);
    for (int p = 0; p < k1.nonZeros(); p++) {
      assertThat(k4.column(p)).isEqualTo(k1.column(p));
      assertThat(k4.value(p)).isEqualTo(k1.value(p));
    }
  }

  @ParameterizedTest
  @EnumSource(Similarity.class)
  void knnKeepsTheDenseTopKColumnsAscending(Similarity s) {
    int k = 6;
    ComputeBackend backend = backend(3, 8);
    Matrix dense = backend.similarity(a, b, s);
    SparseMatrix knn = backend.knnSimilarity(a, b, s, k);
    assertThat(knn.rows()).isEqualTo(a.rows());
    assertThat(knn.cols()).isEqualTo(b.rows());
    for (int i = 0; i < a.rows(); i++) {
      double[] row = new double[b.rows()];
      for (int j = 0; j < row.length; j++) {
        row[j] = dense.get(i, j);
      }
      int[] expected = backend.topK(row, k).clone();
      java.util.Arrays.sort(expected);
      int[] actual = new int[k];
      for (int p = knn.rowStart(i); p < knn.rowEnd(i); p++) {
        actual[p - knn.rowStart(i)] = knn.column(p);
        assertThat(knn.value(p)).isEqualTo(dense.get(i, knn.column(p)));
      }
      assertThat(actual).isEqualTo(expected);
    }
  }

  @Test
  void knnBreaksTiesTowardsTheLowerColumn() {
    Matrix refs = Matrix.of(new float[][] {{2, 0}, {1, 0}, {1, 0}, {1, 0}});
    SparseMatrix knn = backend(1, 2).knnSimilarity(Matrix.of(new float[][] {{1, 0}}), refs,
        Similarity.EUCLIDEAN, 2);
    assertThat(knn.column(0)).isEqualTo(1);
    assertThat(knn.column(1)).isEqualTo(2);
  }

  @Test
  void mismatchedShapesNameBothShapes() {
    Matrix c = RandomMatrices.gaussian(3, 4, 3);
    assertThatThrownBy(() -> backend(1, 4).nearest(a, c))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("queries is 45 × 13")
        .hasMessageContaining("references is 3 × 4");
    assertThatThrownBy(() -> backend(1, 4).gram(c, a))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("a is 3 × 4 but b is 45 × 13");
    assertThatThrownBy(() -> backend(1, 4).knnSimilarity(a, b, Similarity.DOT, b.rows() + 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("k = " + (b.rows() + 1));
  }

  @Test
  void theVectorKernelsAreChosenWhenTheModuleIsResolvedAndNamedInToString() {
    assertThat(JavaBackend.vectorApiAvailable()).as("tests run with --add-modules jdk.incubator.vector").isTrue();
    assertThat(backend(1, 8, "vector").toString()).contains("simd=vector, int8 codes=vector");
    assertThat(backend(1, 8, "scalar").toString()).contains("simd=scalar, int8 codes=scalar");
  }

  /**
   * {@code auto} decides per primitive from the CPU: the pair kernels on the Vector API only with
   * 256-bit vectors or wider (run the tests with {@code -XX:UseAVX=1} or {@code 2} for the other
   * sides), the int8 codes on it wherever it is resolved.
   */
  @Test
  void autoChoosesPerPrimitiveFromTheVectorSize() {
    String auto = backend(1, 8).toString();
    assertThat(auto).contains("int8 codes=vector");
    if (VectorPairKernel.paysOverScalar()) {
      assertThat(auto).contains("simd=vector from " + JavaBackend.AUTO_VECTOR_MIN_WORK + " pairs × columns");
    } else {
      assertThat(auto).contains("simd=scalar");
    }
  }

  @Test
  void autoRunsTheVectorKernelsFromTheirMinimumWorkOnAndGivesTheSameBitsOnBothSides() {
    Matrix x = RandomMatrices.gaussian(70, 50, 43);
    Matrix y = RandomMatrices.gaussian(9, 50, 44);
    // 70 × 9 × 50 = 31 500 and 70 × 70 / 2 × 50 = 122 500 pair-columns: one call each side of 10⁵
    try (JavaBackend auto = new JavaBackend(2, 16, 100_000L)) {
      ComputeBackend vector = backend(2, 16, "vector");
      for (Matrix b : List.of(y, x)) {
        for (Similarity s : Similarity.values()) {
          // Float.equals compares the bits
          assertThat(auto.similarity(x, b, s).toArray()).as(s.key())
              .containsExactly(vector.similarity(x, b, s).toArray());
        }
        assertThat(auto.squaredDistances(x, b).toArray())
            .containsExactly(vector.squaredDistances(x, b).toArray());
      }
    }
  }

  @Test
  void vectorAndScalarKernelsGiveTheSameBitsOnALargeSymmetricCase() {
    Matrix x = RandomMatrices.gaussian(JavaBackend.TILE + 77, 300, 41);
    for (String what : List.of("distance", "dot", "euclidean")) {
      Matrix v = dense(backend(2, 64, "vector"), x, what);
      Matrix s = dense(backend(2, 64, "scalar"), x, what);
      assertBitwise(v, s::get, what);
    }
  }

  private static Matrix dense(ComputeBackend b, Matrix x, String what) {
    switch (what) {
      case "distance":
        return b.squaredDistances(x, x);
      case "dot":
        return b.gram(x, x);
      default:
        return b.similarity(x, x, Similarity.EUCLIDEAN);
    }
  }

  @Test
  void theVectorEuclideanTransformGivesTheBitsOfSimilarityEuclideanOnAnyFloat() {
    SplittableRandom r = new SplittableRandom(9);
    float[] raw = new float[100_003];
    for (int j = 0; j < raw.length; j++) {
      raw[j] = Float.intBitsToFloat(r.nextInt(0x7f800000)); // every non-negative finite float
    }
    raw[0] = 0f;
    raw[1] = Float.POSITIVE_INFINITY;
    raw[2] = Float.NaN;
    raw[3] = Float.MIN_VALUE;
    for (float inverseCols : new float[] {1f, 1f / 3, 1f / 1024}) {
      float[] out = new float[raw.length + 5];
      VectorPairKernel.euclidean(raw, raw.length, inverseCols, out, 5);
      for (int j = 0; j < raw.length; j++) {
        int expected = bits(FloatExp.euclideanSimilarity(raw[j], inverseCols));
        if (bits(out[5 + j]) != expected) {
          assertThat(bits(out[5 + j])).as("s = %s, 1/d = %s", raw[j], inverseCols).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void anUnknownSimdNameListsTheKnownOnes() {
    JavaBackendProvider p = new JavaBackendProvider();
    assertThatThrownBy(() -> p.create(p.options(Map.of("simd", "avx"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("simd")
        .hasMessageContaining("avx")
        .hasMessageContaining("vector");
  }

  @Test
  void badOptionsNameTheKey() {
    JavaBackendProvider p = new JavaBackendProvider();
    assertThatThrownBy(() -> p.create(p.options(Map.of("block", "0"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("option 'block' = 0");
  }

  @Test
  void oneThreadRunsEveryTaskOnTheCallerAndMakesNoPool() {
    try (JavaBackend one = (JavaBackend) backend(1, 8)) {
      assertThat(one.threads()).isEqualTo(1);
      assertThat(one.poolRunning()).isFalse();
      Set<Thread> seen = ConcurrentHashMap.newKeySet();
      one.parallelFor(64, t -> seen.add(Thread.currentThread()));
      // blocks of 8 rows: the kernels run as 6 tasks, all on the caller too
      one.nearest(a, b);
      assertThat(seen).containsExactly(Thread.currentThread());
    }
  }

  @Test
  void oneThreadStartsNoThreadInAnyPrimitive() {
    Matrix x = RandomMatrices.gaussian(3000, 8, 77);
    Matrix p = RandomMatrices.probabilities(3000, 5, new SplittableRandom(78));
    int[] points = IntStream.range(0, 2900).toArray();
    int[] centres = IntStream.range(2900, 3000).toArray();
    try (JavaBackend one = new JavaBackend(1, 64, false)) {
      int lastPool = lastForkJoinPool();
      Set<Thread> before = Thread.getAllStackTraces().keySet();
      one.nearest(x, x.rows(0, 700));
      one.knnSimilarity(x, x, Similarity.EUCLIDEAN, 5);
      one.approximateKnnSimilarity(x, Similarity.COSINE, 5, 1);
      one.similarity(x, x, Similarity.EUCLIDEAN);
      try (CentreTracker k = one.centreTracker(x, points, centres);
          CentreTracker g = GradientCentreTracker.of(one, p, x, points)) {
        for (int t = 0; t < 20; t++) {
          k.add(k.farthest());
          g.add(g.sample(t / 20.0));
        }
      }
      // a pool's workers would outlive the calls (they idle for a minute before ending); late
      // workers of pools made before (other tests' closed backends) are not this backend's
      Set<Thread> started = new HashSet<>(Thread.getAllStackTraces().keySet());
      started.removeAll(before);
      assertThat(started).as("threads started")
          .allMatch(t -> poolNumber(t) >= 0 && poolNumber(t) <= lastPool);
    }
  }

  /** The number of the latest fork-join pool made so far in this JVM, from a probe pool's worker name. */
  private static int lastForkJoinPool() {
    ForkJoinPool probe = new ForkJoinPool(1);
    try {
      return poolNumber(probe.submit(Thread::currentThread).join());
    } finally {
      probe.shutdown();
    }
  }

  /** N of a thread named {@code ForkJoinPool-N-worker-M}, or −1. */
  private static int poolNumber(Thread t) {
    Matcher m = Pattern.compile("ForkJoinPool-(\\d+)-worker-\\d+").matcher(t.getName());
    return m.matches() ? Integer.parseInt(m.group(1)) : -1;
  }

  @Test
  void closeShutsThePoolDown() {
    JavaBackend two = (JavaBackend) backend(2, 8);
    Set<Thread> seen = ConcurrentHashMap.newKeySet();
    two.parallelFor(256, t -> {
      seen.add(Thread.currentThread());
      Thread.onSpinWait();
    });
    assertThat(two.poolRunning()).isTrue();
    // the caller and at most one worker took the tasks, in whatever share their timing gave
    assertThat(seen).isNotEmpty().hasSizeLessThanOrEqualTo(2);
    two.close();
    assertThat(two.poolRunning()).isFalse();
  }

  @Test
  void parallelForRunsEveryTaskOnceAndRethrowsTheLowestFailure() {
    try (ComputeBackend three = backend(3, 8)) {
      AtomicIntegerArray runs = new AtomicIntegerArray(100);
      assertThatThrownBy(() -> three.parallelFor(100, t -> {
        runs.incrementAndGet(t);
        if (t == 30 || t == 70) {
          throw new IllegalStateException("task " + t);
        }
      })).isInstanceOf(IllegalStateException.class).hasMessage("task 30");
      for (int t = 0; t < 100; t++) {
        assertThat(runs.get(t)).as("runs of task %d", t).isEqualTo(1);
      }
    }
  }
}
