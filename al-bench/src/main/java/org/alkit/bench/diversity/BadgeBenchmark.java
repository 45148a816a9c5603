package org.alkit.bench.diversity;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.alkit.commons.Probabilities;
import org.alkit.api.Matrix;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
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
 * {@code badge} (k-means++ on gradient embeddings, Ash et al., ICLR 2020) selection time on
 * {@link Inputs#blobs} features and {@link Inputs#probabilities}; signals are validated in setup.
 * Target: n = 20 000, C = 100, d = 768, budget 10 in ≤ 0.05 s; budget 1 000 reported.
 *
 * <p>{@link #naiveFactorised} is the baseline at the same size: the same k-means++ seeding with
 * the factorised distance ‖g⊗h − g'⊗h'‖² = ‖g‖²‖h‖² + ‖g'‖²‖h'‖² − 2(g·g')(h·h') evaluated item by
 * item on row-major copies, single-threaded (materialising the n × C·d embeddings, as DISTIL does,
 * would need 6 GB here).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx8g", "--add-modules", "jdk.incubator.vector"})
public class BadgeBenchmark {
  /** Pool size (no labeled items). */
  @Param({"20000"})
  public int n;

  /** Classes. */
  @Param({"100"})
  public int classes;

  /** Feature dimension. */
  @Param({"768"})
  public int dim;

  /** Items to select. */
  @Param({"10", "1000"})
  public int budget;

  private SelectionContext ctx;
  private Strategy badge;

  /** Features, probabilities, the context and the strategy. */
  @Setup
  public void setup() {
    SplittableRandom rng = new SplittableRandom(42);
    ctx = SelectionContext.builder(n)
        .budget(budget)
        .seed(7)
        .signal(Signal.EMBEDDINGS, Inputs.blobs(n, dim, rng))
        .signal(Signal.PROBABILITIES, Inputs.probabilities(n, classes, rng))
        .backend(Inputs.javaBackend())
        .build();
    ctx.matrix(Signal.EMBEDDINGS);
    ctx.matrix(Signal.PROBABILITIES);
    badge = Inputs.strategy("badge");
  }

  /** alkit's {@code badge}. */
  @Benchmark
  public Selection badge() {
    return badge.select(ctx);
  }

  /** k-means++ with the factorised distance, item by item, one thread. */
  @Benchmark
  public int[] naiveFactorised() {
    Matrix p = ctx.matrix(Signal.PROBABILITIES);
    Matrix h = ctx.matrix(Signal.EMBEDDINGS);
    float[][] g = new float[n][classes];
    float[][] f = h.toArrays();
    double[] norm2 = new double[n];
    for (int i = 0; i < n; i++) {
      int arg = Probabilities.argmax(p, i);
      for (int k = 0; k < classes; k++) {
        g[i][k] = p.get(i, k) - (k == arg ? 1f : 0f);
      }
      norm2[i] = dot(g[i], g[i]) * dot(f[i], f[i]);
    }
    int first = 0;
    for (int i = 1; i < n; i++) {
      if (norm2[i] > norm2[first]) {
        first = i;
      }
    }
    double[] min = new double[n];
    Arrays.fill(min, Double.POSITIVE_INFINITY);
    SplittableRandom rng = ctx.random();
    int[] picks = new int[ctx.selectionSize()];
    picks[0] = first;
    for (int r = 0; r < picks.length; r++) {
      int c = picks[r];
      double total = 0;
      for (int i = 0; i < n; i++) {
        double d2 = norm2[i] + norm2[c] - 2 * dot(g[i], g[c]) * dot(f[i], f[c]);
        min[i] = Math.min(min[i], Math.max(0, d2));
        total += min[i];
      }
      if (r + 1 < picks.length) {
        double target = rng.nextDouble() * total;
        int next = 0;
        for (double cum = min[0]; cum <= target && next < n - 1; cum += min[++next]) {
          // walk to the sampled item
        }
        picks[r + 1] = next;
      }
    }
    return picks;
  }

  private static double dot(float[] a, float[] b) {
    float s = 0;
    for (int k = 0; k < a.length; k++) {
      s += a[k] * b[k];
    }
    return s;
  }
}
