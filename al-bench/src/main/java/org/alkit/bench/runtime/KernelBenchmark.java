package org.alkit.bench.runtime;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.alkit.api.ComputeBackend;
import org.alkit.api.Matrix;
import org.alkit.api.Similarity;
import org.alkit.commons.FloatExp;
import org.alkit.bench.Inputs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The {@code java} backend's pairwise kernels against the scalar loops it replaced, on Gaussian
 * random rows, all cores:
 *
 * <ul>
 *   <li>{@code gram-5k-64}: {@code gram}, 5 000 × 5 000, d = 64 (log-det's kernel size);</li>
 *   <li>{@code euclidean-5k-64}: {@code similarity(EUCLIDEAN)}, 5 000 × 5 000, d = 64;</li>
 *   <li>{@code euclidean-10k-1024}: {@code similarity(EUCLIDEAN)}, 10 000 × 10 000, d = 1 024
 *       (dense facility location's kernel);</li>
 *   <li>{@code nearest-50k-1k-512}: {@code nearest}, 50 000 queries, 1 000 references, d = 512
 *       (core-set's initial nearest-labeled pass).</li>
 * </ul>
 *
 * {@code impl = tiled} is the backend with {@code simd = vector} (the register-blocked Vector API
 * kernels on every call, as the JVM runs with {@code --add-modules jdk.incubator.vector}; the
 * default {@code auto} runs the 5 000 × 64 cases with the scalar loops); {@code tiled-scalar}
 * is the backend with {@code simd = scalar} (its plain loops that C2 vectorises);
 * {@code impl = scalar} is {@link Scalar}, the first implementation. GFLOP/s count 3 operations a term for Σ(a − b)² and 2 for Σa·b. Run with JMH
 * ({@code java -cp … org.openjdk.jmh.Main KernelBenchmark}) or, for best-of-N figures without the
 * harness, with {@link #main} ({@code main [case [IMPL,IMPL…|both [runs]]]}: the implementations in
 * turn, run after run, median and best).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx8g", "--add-modules", "jdk.incubator.vector"})
public class KernelBenchmark {
  /** Which kernel and size, see the class comment. */
  @Param({"gram-5k-64", "euclidean-5k-64", "euclidean-10k-1024", "nearest-50k-1k-512"})
  public String kernel;

  /** {@code tiled} (the backend), {@code tiled-scalar} (it without the Vector API) or {@code scalar} (the first loops). */
  @Param({"tiled", "tiled-scalar", "scalar"})
  public String impl;

  private Case c;

  /** Random inputs of the chosen case. */
  @Setup
  public void setup() {
    c = Case.of(kernel);
  }

  /** One evaluation of the kernel. */
  @Benchmark
  public Object run() {
    return c.run(impl);
  }

  /** One kernel on fixed inputs. */
  private static final class Case {
    final String kind;
    final Matrix a;
    final Matrix b;
    final ComputeBackend backend = Inputs.javaBackend(Map.of("simd", "vector"));
    final ComputeBackend backendScalar = Inputs.javaBackend(Map.of("simd", "scalar"));
    final Scalar scalar = new Scalar(Runtime.getRuntime().availableProcessors());

    Case(String kind, int n, int m, int d) {
      this.kind = kind;
      this.a = Inputs.random(n, d, 1, SplittableRandom::nextGaussian);
      this.b = kind.equals("gram") || kind.equals("euclidean") ? a : Inputs.random(m, d, 2, SplittableRandom::nextGaussian);
    }

    static Case of(String name) {
      switch (name) {
        case "gram-5k-64":
          return new Case("gram", 5000, 5000, 64);
        case "euclidean-5k-64":
          return new Case("euclidean", 5000, 5000, 64);
        case "euclidean-10k-1024":
          return new Case("euclidean", 10_000, 10_000, 1024);
        case "nearest-50k-1k-512":
          return new Case("nearest", 50_000, 1000, 512);
        default:
          throw new IllegalArgumentException("case '" + name + "': expected gram-5k-64, "
              + "euclidean-5k-64, euclidean-10k-1024 or nearest-50k-1k-512");
      }
    }

    double flops() {
      return (kind.equals("gram") ? 2.0 : 3.0) * a.rows() * b.rows() * a.cols();
    }

    Object run(String impl) {
      boolean tiled = !impl.equals("scalar");
      if (tiled && !impl.equals("tiled") && !impl.equals("tiled-scalar")) {
        throw new IllegalArgumentException("impl '" + impl + "': expected tiled, tiled-scalar or scalar");
      }
      ComputeBackend backend = impl.equals("tiled") ? this.backend : backendScalar;
      switch (kind) {
        case "gram":
          return tiled ? backend.gram(a, b) : scalar.dense(a, b, false, false);
        case "euclidean":
          return tiled ? backend.similarity(a, b, Similarity.EUCLIDEAN) : scalar.dense(a, b, true, true);
        default:
          return tiled ? backend.nearest(a, b).index() : scalar.nearest(a, b);
      }
    }
  }

  /**
   * The baseline: the {@code java} backend's kernels before they were tiled for SIMD, kept here
   * (and only here) as a copy so the speed-up stays measurable. Row blocks of 256 queries in
   * parallel, reference tiles of 128 rows packed row-major, and for each pair one scalar float
   * accumulator over the columns (four pairs side by side), the same fused multiply-add chain as
   * the backend's. That sum is a serial dependency chain C2 does not vectorise. Results are
   * bit-identical to the tiled kernels.
   */
  static final class Scalar {
    private static final int BLOCK = 256;
    private static final int TILE = 128;
    private final ForkJoinPool pool;

    Scalar(int threads) {
      pool = new ForkJoinPool(threads);
    }

    /** Dense squared distances (or euclidean similarities) or, with {@code !distance}, inner products. */
    Matrix dense(Matrix a, Matrix b, boolean distance, boolean similarity) {
      int m = b.rows();
      int d = a.cols();
      float inverseD = (float) (1.0 / d);
      float[] out = new float[a.rows() * m];
      blocks(a, b, distance, (i0, j0, ni, nj, v) -> {
        for (int i = 0; i < ni; i++) {
          for (int j = 0; j < nj; j++) {
            float raw = v[i * nj + j];
            out[(i0 + i) * m + j0 + j] =
                similarity ? FloatExp.euclideanSimilarity(raw, inverseD) : raw;
          }
        }
      });
      return Matrix.wrap(a.rows(), m, out);
    }

    /** Index of each query's nearest reference, ties to the lower index. */
    int[] nearest(Matrix a, Matrix b) {
      int[] index = new int[a.rows()];
      float[] best = new float[a.rows()];
      Arrays.fill(best, Float.POSITIVE_INFINITY);
      blocks(a, b, true, (i0, j0, ni, nj, v) -> {
        for (int i = 0; i < ni; i++) {
          for (int j = 0; j < nj; j++) {
            if (v[i * nj + j] < best[i0 + i]) {
              best[i0 + i] = v[i * nj + j];
              index[i0 + i] = j0 + j;
            }
          }
        }
      });
      return index;
    }

    private interface Tile {
      void accept(int i0, int j0, int ni, int nj, float[] values);
    }

    private void blocks(Matrix a, Matrix b, boolean distance, Tile sink) {
      int blocks = (a.rows() + BLOCK - 1) / BLOCK;
      pool.submit(() -> IntStream.range(0, blocks).parallel().forEach(t -> {
        int d = a.cols();
        int i0 = t * BLOCK;
        int ni = Math.min(BLOCK, a.rows() - i0);
        float[] pa = pack(a, i0, ni, new float[ni * d]);
        float[] pb = new float[TILE * d];
        float[] v = new float[ni * TILE];
        for (int j0 = 0; j0 < b.rows(); j0 += TILE) {
          int nj = Math.min(TILE, b.rows() - j0);
          pack(b, j0, nj, pb);
          for (int i = 0; i < ni; i++) {
            int j = 0;
            for (; j + 4 <= nj; j += 4) {
              four(pa, i * d, pb, j * d, d, distance, v, i * nj + j);
            }
            for (; j < nj; j++) {
              v[i * nj + j] = one(pa, i * d, pb, j * d, d, distance);
            }
          }
          sink.accept(i0, j0, ni, nj, v);
        }
      })).join();
    }

    private static float[] pack(Matrix m, int from, int count, float[] dst) {
      float[] row = new float[m.cols()];
      for (int r = 0; r < count; r++) {
        System.arraycopy(m.copyRow(from + r, row), 0, dst, r * m.cols(), m.cols());
      }
      return dst;
    }

    private static float one(float[] a, int ao, float[] b, int bo, int d, boolean distance) {
      float s = 0f;
      for (int k = 0; k < d; k++) {
        if (distance) {
          float t = a[ao + k] - b[bo + k];
          s = Math.fma(t, t, s);
        } else {
          s = Math.fma(a[ao + k], b[bo + k], s);
        }
      }
      return s;
    }

    private static void four(float[] a, int ao, float[] b, int bo, int d, boolean distance,
        float[] out, int oo) {
      float s0 = 0f;
      float s1 = 0f;
      float s2 = 0f;
      float s3 = 0f;
      int b1 = bo + d;
      int b2 = b1 + d;
      int b3 = b2 + d;
      if (distance) {
        for (int k = 0; k < d; k++) {
          float x = a[ao + k];
          float t0 = x - b[bo + k];
          float t1 = x - b[b1 + k];
          float t2 = x - b[b2 + k];
          float t3 = x - b[b3 + k];
          s0 = Math.fma(t0, t0, s0);
          s1 = Math.fma(t1, t1, s1);
          s2 = Math.fma(t2, t2, s2);
          s3 = Math.fma(t3, t3, s3);
        }
      } else {
        for (int k = 0; k < d; k++) {
          float x = a[ao + k];
          s0 = Math.fma(x, b[bo + k], s0);
          s1 = Math.fma(x, b[b1 + k], s1);
          s2 = Math.fma(x, b[b2 + k], s2);
          s3 = Math.fma(x, b[b3 + k], s3);
        }
      }
      out[oo] = s0;
      out[oo + 1] = s1;
      out[oo + 2] = s2;
      out[oo + 3] = s3;
    }
  }

  /**
   * Figures without JMH: {@code main [case [IMPL,IMPL…|both [runs]]]}, the implementations in turn
   * (interleaved) run after run, their median and best; prints the Vector API's preferred size
   * (default: every case, every impl, 3 runs after one warm-up). With {@code both} (every impl),
   * checks that they give bit-identical results. Start the JVM with
   * {@code --add-modules jdk.incubator.vector}, as the JMH fork is.
   */
  public static void main(String[] args) {
    String[] cases = args.length > 0 ? new String[] {args[0]}
        : new String[] {"gram-5k-64", "euclidean-5k-64", "nearest-50k-1k-512", "euclidean-10k-1024"};
    String[] impls = args.length > 1 && !args[1].equals("both") ? args[1].split(",")
        : new String[] {"tiled", "tiled-scalar", "scalar"};
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    System.out.println("preferred vector: " + preferredVectorBits() + " bits");
    for (String name : cases) {
      Case c = Case.of(name);
      Object[] results = new Object[impls.length];
      long[][] times = new long[impls.length][runs];
      for (int i = 0; i < impls.length; i++) {
        results[i] = c.run(impls[i]);
      }
      for (int r = 0; r < runs; r++) {
        for (int i = 0; i < impls.length; i++) {
          long start = System.nanoTime();
          results[i] = c.run(impls[i]);
          times[i][r] = System.nanoTime() - start;
        }
      }
      for (int i = 0; i < impls.length; i++) {
        long[] t = times[i].clone();
        Arrays.sort(t);
        String same = i == 0 ? "" : Objects.deepEquals(results[0], results[i]) ? ", bit-identical" : ", DIFFERENT RESULTS";
        System.out.printf("%-20s %-12s %d runs interleaved: median %8.1f ms, best %8.1f ms, %6.2f GFLOP/s at best%s%n",
            name, impls[i], runs, t[runs / 2] / 1e6, t[0] / 1e6, c.flops() / t[0], same);
      }
    }
  }

  /** The Vector API's preferred vector size here (the JVM's {@code -XX:UseAVX} caps it), 0 without the module. */
  private static int preferredVectorBits() {
    try {
      Class<?> floats = Class.forName("jdk.incubator.vector.FloatVector");
      Object species = floats.getField("SPECIES_PREFERRED").get(null);
      return (int) Class.forName("jdk.incubator.vector.VectorSpecies").getMethod("vectorBitSize").invoke(species);
    } catch (ReflectiveOperationException | RuntimeException absent) {
      return 0;
    }
  }
}
