package org.alkit.bench.bayesian;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.alkit.api.Matrix;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Strategy;
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
 * {@code bald} (and {@code variation-ratio}, {@code mean-std}) on n = 50 000 items, C = 10
 * classes, T = 20 passes, top-1 000, against a plain loop in the same run. Target (issue 12):
 * BALD's selection in ≤ 30 ms on the 2-core machine.
 *
 * <ul>
 *   <li>{@link #bald}, {@link #variationRatio}, {@link #meanStd}: the strategies' {@code select};
 *   <li>{@link #plainLoop}: DISTIL's BALD as a straightforward Java loop — the mean row, then
 *       H[mean] − mean H with {@link Math#log}, pass by pass — and a full stable sort.
 * </ul>
 *
 * Data: {@link McData} (real MC dropout on Fashion-MNIST, or the Gaussian worst case). The context
 * is built and its passes validated in the setup, so the benchmarks time scoring and selection; the
 * setup also checks that the strategy and the loop pick the same items. The warm-up runs the
 * scalar BALD kernel until the process has scored 2²⁰ items, then the Vector API kernel (same
 * bits), so the measured iterations time the vector kernel.
 *
 * <p>Measured 2026-12-02 on the 2-core AVX-512 machine (AMD EPYC), alone (no build running), one
 * fork, 8 × 1 s warm-up, 10 × 1 s measured, {@code java} backend with 2 workers:
 *
 * <table>
 *   <caption>BALD, n = 50 000, C = 10, T = 20, top-1 000</caption>
 *   <tr><th>data</th><th>{@code bald}</th><th>{@code plainLoop}, same run</th><th>ratio</th>
 *       <th>numpy float32 ({@code bald_distil.py}), same session</th></tr>
 *   <tr><td>fashion-mnist-mc</td><td>14.5 ± 0.3 ms</td><td>99.4 ± 3.0 ms</td><td>6.8×</td>
 *       <td>45.1 ms (stable sort), 44.8 ms (argpartition): 3.1× slower</td></tr>
 *   <tr><td>gaussian</td><td>15.7 ± 1.1 ms</td><td>98.1 ± 2.9 ms</td><td>6.2×</td>
 *       <td>45.0 ms, 41.2 ms</td></tr>
 * </table>
 *
 Before the vector kernel (the item-by-item scalar loop with a table logarithm), the same day and
 * settings but 5 × 1 s warm-up: 29.3 ± 2.6 ms and 27.8 ± 2.9 ms (plain loop 100.9 and 102.1 ms).
 * Without the Vector API ({@code -jvmArgs -Xmx6g}, no {@code --add-modules}), the scalar kernel
 * that gives the same bits: 43.6 ± 0.6 ms and 43.1 ± 1.2 ms (6 × 1 s warm-up, 8 × 1 s); its table-free
 * logarithm (one division each, so that SIMD lanes can repeat it) is slower in scalar code than
 * the table it replaced.
 * Single-threaded, the vector kernel spends about 13 ms gathering the 10⁷ probabilities into its
 * lanes ({@code Matrix.copyRow}, then a transposition) and 12 ms computing (8 ms of it in
 * logarithms), so gathering is what is left to gain.
 *
 * <p>Cold, the path users run: {@code alkit select --strategy bald --budget 1000 --mc-probs F}
 * with F the same 20 × 50 000 × 10 float32 passes as a {@code .npy} (40 MB), whole process, 8
 * runs each, in turn with the build before this change: Fashion-MNIST median 0.71 s wall
 * ({@code select_ms} median 158 ms, 113–176) against 0.68 s (124 ms, 105–136), wall ratio 1.03
 * (0.92–1.16); Gaussian 0.66 s (144 ms) against 0.67 s (121 ms), ratio 1.00 (0.88–1.12); 156 MiB
 * peak both. A one-shot selection runs the scalar kernel: with the Vector API from the first call
 * the same command took 1.56 s and 950 MiB (C2 compiles vector code slowly and boxes every vector
 * operation until then).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx6g", "--add-modules", "jdk.incubator.vector"})
public class BaldBenchmark {
  static final int N = 50_000;
  static final int C = 10;
  static final int T = 20;
  static final int K = 1000;

  @Param({"fashion-mnist-mc", "gaussian"})
  public String data;

  private float[][] passes;
  private SelectionContext ctx;
  private Strategy bald;
  private Strategy variationRatio;
  private Strategy meanStd;
  /** The plain loop's scores, by pool index. */
  private double[] scores;

  /**
   * Reads or draws the passes and checks the strategy against the loop.
   *
   * @throws IllegalStateException if their picks score differently beyond 10⁻⁶ rank by rank
   *     (alkit renormalises each row, the loop does not; near-ties may swap)
   */
  @Setup
  public void setup() {
    List<Matrix> stack = McData.passes(data, T, N, C);
    passes = stack.stream().map(Matrix::toArray).toArray(float[][]::new);
    ctx = McData.context(stack, K);
    bald = Inputs.strategy("bald");
    variationRatio = Inputs.strategy("variation-ratio");
    meanStd = Inputs.strategy("mean-std");
    Selection ours = bald();
    int[] loop = plainLoop();
    for (int r = 0; r < K; r++) {
      if (Math.abs(ours.score(r) - scores[loop[r]]) > 1e-6) {
        throw new IllegalStateException("rank " + r + ": bald scores " + ours.score(r)
            + ", the plain loop " + scores[loop[r]]);
      }
    }
  }

  /** The {@code bald} strategy. */
  @Benchmark
  public Selection bald() {
    return bald.select(ctx);
  }

  /** The {@code variation-ratio} strategy. */
  @Benchmark
  public Selection variationRatio() {
    return variationRatio.select(ctx);
  }

  /** The {@code mean-std} strategy. */
  @Benchmark
  public Selection meanStd() {
    return meanStd.select(ctx);
  }

  /** DISTIL's BALD in plain loops with {@link Math#log}, then a stable sort of every index. */
  @Benchmark
  public int[] plainLoop() {
    scores = new double[N];
    double[] mean = new double[N * C];
    double[] expected = new double[N];
    for (float[] p : passes) {
      for (int i = 0; i < N; i++) {
        double h = 0;
        for (int c = 0; c < C; c++) {
          double v = p[i * C + c];
          mean[i * C + c] += v / T;
          if (v > 0) {
            h -= v * Math.log(v);
          }
        }
        expected[i] += h / T;
      }
    }
    for (int i = 0; i < N; i++) {
      double h = 0;
      for (int c = 0; c < C; c++) {
        double m = mean[i * C + c];
        if (m > 0) {
          h -= m * Math.log(m);
        }
      }
      scores[i] = h - expected[i];
    }
    double[] s = scores;
    return IntStream.range(0, N).boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> s[i]).reversed())
        .limit(K).mapToInt(Integer::intValue).toArray();
  }
}
