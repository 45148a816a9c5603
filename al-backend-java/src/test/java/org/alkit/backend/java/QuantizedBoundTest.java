package org.alkit.backend.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.alkit.api.Matrix;
import org.junit.jupiter.api.Test;

/**
 * The int8 lower bound of the k-center update ({@link QuantizedBound}): sound on adversarial rows
 * (near-ties, large offsets, spikes, duplicates, zeros, non-finite values), the Vector API inner
 * product equal to the scalar one, and the tracker with the codes equal to the plain greedy on
 * Fashion-MNIST, isotropic Gaussian data and optdigits, bit for bit, for any thread count.
 */
class QuantizedBoundTest {

  @Property(tries = 300)
  void vectorInnerProductEqualsTheScalarOne(@ForAll long seed, @ForAll @IntRange(min = 0, max = 700) int d) {
    assumeThat(JavaBackend.vectorApiAvailable()).isTrue();
    SplittableRandom rng = new SplittableRandom(seed);
    byte[] a = new byte[d + 7];
    byte[] b = new byte[d + 3];
    for (int k = 0; k < a.length; k++) {
      a[k] = (byte) (rng.nextBoolean() ? 127 * (rng.nextBoolean() ? 1 : -1) : rng.nextInt(-127, 128));
    }
    for (int k = 0; k < b.length; k++) {
      b[k] = (byte) rng.nextInt(-127, 128);
    }
    assertThat(VectorCodeKernel.dot(a, 7, b, 3, d)).isEqualTo(QuantizedBound.dot(a, 7, b, 3, d));
  }

  /**
   * Whenever the bound says x's squared distance {@code current} cannot be lowered by c, the
   * tracker's float distance of the pair is indeed at least {@code current}: checked at the pair's
   * own distance and a hair around it (the near-ties where a loose bound would fail), on rows
   * built to defeat a per-row scale.
   */
  @Property(tries = 60)
  void neverClaimsAPairIsFartherThanItIs(@ForAll long seed, @ForAll @IntRange(min = 0, max = 5) int kind,
      @ForAll @IntRange(min = 1, max = 300) int d) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = 200;
    float[] v = adversarial(kind, n, d, rng);
    DenseRows rows = DenseRows.of(Matrix.wrap(n, d, v), IntStream.range(0, n).toArray());
    try (JavaBackend backend = new JavaBackend(2, 512, false)) {
      QuantizedBound bound = QuantizedBound.of(backend, rows, n, false);
      double[] factors = {1, 1 + 1e-12, 1 - 1e-12, 1 + 1e-7, 1 - 1e-7, 1 / 1.0005, 1 / 1.001, 1 / 1.002, 0.9, 0.5};
      for (int t = 0; t < 400; t++) {
        int x = rng.nextInt(n);
        int c = rng.nextInt(n);
        double exact = rows.squaredDistance(x, c);
        for (double f : factors) {
          for (double current : new double[] {exact * f, Math.nextUp(exact * f), Math.nextDown(exact * f)}) {
            if (bound.cannotLower(x, c, current)) {
              assertThat(exact).as("kind %d, pair (%d, %d), D² %s", kind, x, c, current)
                  .isGreaterThanOrEqualTo(current);
            }
          }
        }
      }
    }
  }

  /** On isotropic Gaussian rows the bound decides nearly every pair 5 % below its distance. */
  @Test
  void decidesNearlyEveryIsotropicPairNearItsDistance() {
    SplittableRandom rng = new SplittableRandom(7);
    int n = 1000;
    DenseRows rows = DenseRows.of(RandomMatrices.gaussian(n, 512, rng), IntStream.range(0, n).toArray());
    try (JavaBackend backend = new JavaBackend(1, 512, false)) {
      QuantizedBound bound = QuantizedBound.of(backend, rows, n, false);
      int decided = 0;
      int pairs = 2000;
      for (int t = 0; t < pairs; t++) {
        int x = rng.nextInt(n);
        int c = (x + 1 + rng.nextInt(n - 1)) % n;
        if (bound.cannotLower(x, c, rows.squaredDistance(x, c) * 0.95)) {
          decided++;
        }
      }
      assertThat(decided).isEqualTo(pairs);
    }
  }

  /**
   * The tracker with the codes built at the start or after a few centres gives the picks and
   * every D² of the plain greedy (the full min-update of every point per pick) on three data
   * sets, with the scalar and the Vector API inner products, on 1, 2 and 3 threads; on the
   * isotropic data, where the triangle and projection tests decide nothing, the codes decide
   * most members.
   */
  @Test
  void trackerWithCodesEqualsThePlainGreedyOnFashionMnist() throws IOException {
    Matrix fashion = fashionMnist(3000);
    assertGreedyEqualsPlain("Fashion-MNIST", fashion, 300, 60, false);
  }

  @Test
  void trackerWithCodesEqualsThePlainGreedyOnIsotropicGaussianData() {
    assertGreedyEqualsPlain("Gaussian", RandomMatrices.gaussian(3300, 96, 11), 300, 80, true);
  }

  @Test
  void trackerWithCodesEqualsThePlainGreedyOnOptdigits() throws IOException {
    assertGreedyEqualsPlain("optdigits", optdigits(), 100, 80, false);
  }

  /**
   * With {@code simd = auto} the codes wait until the updates computed the given coordinates of
   * float distances (so a short one-shot job never starts the Vector API for them): not built
   * while the work so far is below it, built at the first centre added after it is reached, and
   * the picks and D² are those of a tracker that never builds them.
   */
  @Test
  void autoBuildsTheCodesOnceTheFloatDistancesReachTheirWork() {
    assumeThat(JavaBackend.vectorApiAvailable()).isTrue();
    Matrix m = RandomMatrices.gaussian(3300, 96, 12);
    int unlabeled = 3000;
    int budget = 60;
    long work = 10L * unlabeled * m.cols();
    int[] tracked = IntStream.range(0, unlabeled).toArray();
    int[] centres = IntStream.range(unlabeled, m.rows()).toArray();
    try (JavaBackend backend = new JavaBackend(2, 512, JavaBackend.AUTO_VECTOR_MIN_WORK, true)) {
      EuclideanTracker auto = EuclideanTracker.of(backend, m, tracked, centres, EuclideanTracker.NEVER, 0,
          EuclideanTracker.PROJECT_AT, work);
      EuclideanTracker never = EuclideanTracker.of(backend, m, tracked, centres, EuclideanTracker.NEVER, 0,
          EuclideanTracker.NEVER);
      for (int r = 0; r < budget; r++) {
        boolean due = auto.quantized() || auto.floatWork() >= work;
        int pick = auto.farthest();
        assertThat(pick).as("pick %d", r).isEqualTo(never.farthest());
        auto.add(pick);
        never.add(pick);
        assertThat(auto.quantized()).as("codes after pick %d, %d coordinates computed before it", r,
            auto.floatWork()).isEqualTo(due);
      }
      assertThat(auto.quantized()).as("codes built within %d picks", budget).isTrue();
      double[] withCodes = new double[unlabeled];
      double[] without = new double[unlabeled];
      auto.squaredDistances(withCodes);
      never.squaredDistances(without);
      assertThat(withCodes).isEqualTo(without);
    }
  }

  /** Rows on a coarse lattice: many exact ties of D², which the codes must not break. */
  @Property(tries = 15)
  void trackerWithCodesEqualsThePlainGreedyOnTies(@ForAll long seed, @ForAll @IntRange(min = 1, max = 24) int d,
      @ForAll @IntRange(min = 1, max = 3) int levels) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = 900;
    float[] v = new float[n * d];
    for (int i = 0; i < v.length; i++) {
      v[i] = 3 + rng.nextInt(levels + 1) * 0.5f;
    }
    assertGreedyEqualsPlain("lattice", Matrix.wrap(n, d, v), 20, 30, false);
  }

  private static void assertGreedyEqualsPlain(String name, Matrix m, int labeled, int budget,
      boolean codesMustPrune) {
    int n = m.rows();
    int unlabeled = n - labeled;
    DenseRows points = DenseRows.of(m, IntStream.range(0, n).toArray());
    double[] plain = new double[unlabeled];
    for (int x = 0; x < unlabeled; x++) {
      plain[x] = Double.POSITIVE_INFINITY;
      for (int j = unlabeled; j < n; j++) {
        plain[x] = Math.min(plain[x], points.squaredDistance(x, j));
      }
    }
    int[] plainPicks = new int[budget];
    boolean[] picked = new boolean[unlabeled];
    for (int r = 0; r < budget; r++) {
      int best = -1;
      for (int x = 0; x < unlabeled; x++) {
        if (!picked[x] && (best < 0 || plain[x] > plain[best])) {
          best = x;
        }
      }
      plainPicks[r] = best;
      picked[best] = true;
      for (int x = 0; x < unlabeled; x++) {
        plain[x] = x == best ? 0 : Math.min(plain[x], points.squaredDistance(x, best));
      }
    }
    int[] tracked = IntStream.range(0, unlabeled).toArray();
    int[] centres = IntStream.range(unlabeled, n).toArray();
    int projectAt = m.cols() > 4 * ProjectionBound.RANK ? EuclideanTracker.PROJECT_AT : EuclideanTracker.NEVER;
    for (boolean vector : new boolean[] {false, true}) {
      if (vector && !JavaBackend.vectorApiAvailable()) {
        continue;
      }
      for (int quantizeAt : new int[] {0, EuclideanTracker.PROJECT_AT}) {
        for (int threads : new int[] {1, 2, 3}) {
          try (JavaBackend backend = new JavaBackend(threads, 512, vector)) {
            EuclideanTracker state = EuclideanTracker.of(backend, m, tracked, centres, projectAt, 0,
                quantizeAt);
            int[] picks = new int[budget];
            for (int r = 0; r < budget; r++) {
              picks[r] = state.farthest();
              state.add(picks[r]);
            }
            String as = String.format("%s, %s inner products, codes at %d centres, %d threads", name,
                vector ? "vector" : "scalar", quantizeAt, threads);
            assertThat(state.quantized()).as(as).isTrue();
            assertThat(picks).as("picks, " + as).isEqualTo(plainPicks);
            double[] d2 = new double[unlabeled];
            state.squaredDistances(d2);
            assertThat(d2).as("D², " + as).isEqualTo(plain);
            long[] counts = state.codeCounts();
            if (codesMustPrune) {
              assertThat(counts[1]).as("members the codes decided, " + as).isGreaterThan(counts[0] * 9 / 10);
            }
          }
        }
      }
    }
  }

  /**
   * Rows meant to defeat a per-row int8 scale: 0 Gaussian; 1 a large shared offset with tiny
   * differences; 2 one huge spike per row over small values; 3 few distinct rows (duplicates);
   * 4 zeros and values near the float underflow; 5 Gaussian rows, some with an infinite
   * coordinate.
   */
  private static float[] adversarial(int kind, int n, int d, SplittableRandom rng) {
    float[] v = new float[n * d];
    float[] base = new float[d];
    for (int k = 0; k < d; k++) {
      base[k] = (float) rng.nextGaussian();
    }
    for (int i = 0; i < n; i++) {
      int spike = rng.nextInt(d);
      int twin = rng.nextInt(4);
      for (int k = 0; k < d; k++) {
        double g = rng.nextGaussian();
        v[i * d + k] = (float) switch (kind) {
          case 0 -> g;
          case 1 -> 1e4 + 1e-3 * g;
          case 2 -> k == spike ? 1e5 * g : 1e-3 * g;
          case 3 -> base[k] * twin;
          case 4 -> rng.nextInt(3) == 0 ? 0 : 1e-38 * g;
          default -> i % 17 == 3 && k == spike ? Double.POSITIVE_INFINITY : g;
        };
      }
    }
    return v;
  }

  /** The first {@code rows} Fashion-MNIST training images ÷ 255 (Debian {@code dataset-fashion-mnist}). */
  private static Matrix fashionMnist(int rows) throws IOException {
    String dir = System.getenv().getOrDefault("ALKIT_FASHION_MNIST", "/usr/share/datasets/fashion-mnist");
    Path file = Path.of(dir, "train-images-idx3-ubyte.gz");
    assumeThat(Files.exists(file)).as("Fashion-MNIST at " + file).isTrue();
    try (InputStream raw = new GZIPInputStream(Files.newInputStream(file));
        DataInputStream in = new DataInputStream(raw)) {
      in.readInt();
      in.readInt();
      int d = in.readInt() * in.readInt();
      byte[] pixels = new byte[rows * d];
      in.readFully(pixels);
      float[] v = new float[pixels.length];
      for (int p = 0; p < v.length; p++) {
        v[p] = (pixels[p] & 0xff) / 255f;
      }
      return Matrix.wrap(rows, d, v);
    }
  }

  /** The UCI optdigits images embedded in al-eval (1 797 × 64 pixel counts). */
  private static Matrix optdigits() throws IOException {
    Path csv = Path.of(System.getProperty("alkit.root", "../"),
        "al-eval/src/main/resources/org/alkit/eval/data/optdigits.csv.gz");
    assumeThat(Files.exists(csv)).as("optdigits at " + csv).isTrue();
    List<float[]> rows = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(csv)), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] cells = line.split(",");
        float[] row = new float[cells.length - 1];
        for (int j = 0; j < row.length; j++) {
          row[j] = Float.parseFloat(cells[j]);
        }
        rows.add(row);
      }
    }
    int d = rows.get(0).length;
    float[] v = new float[rows.size() * d];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(rows.get(i), 0, v, i * d, d);
    }
    return Matrix.wrap(rows.size(), d, v);
  }
}
