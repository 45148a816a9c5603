package org.alkit.bench.diversity;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
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
 * {@code coreset} (greedy k-center, Sener &amp; Savarese, ICLR 2018) selection time, signals
 * validated in setup so only {@code select} is timed, on {@link Inputs#blobs} embeddings:
 * {@code unlabeled} items to choose from, {@code labeled} items as initial centres.
 *
 * <ul>
 *   <li>Target: 50 000 + 1 000 items, d = 512, budget 1 000 in ≤ 2 s (DISTIL's torch version
 *       188 s on the same 2-core machine).</li>
 *   <li>Large: {@code -p unlabeled=1000000 -p dim=128} under {@code -Xmx8g} (the fork's heap).</li>
 *   <li>{@link #naiveDistil}: the baseline, DISTIL's loop in plain Java — all nearest-labeled
 *       distances by brute force, then a full min-update of every item per pick. It is
 *       O(n·(L + budget)·d) with no pruning, so compare it at a small size:
 *       {@code -p unlabeled=5000} runs both methods and gives the ratio.</li>
 * </ul>
 *
 * <pre>java -cp … org.openjdk.jmh.Main CoresetBenchmark -p unlabeled=5000 -f 1 -wi 1 -i 3</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx8g", "--add-modules", "jdk.incubator.vector"})
public class CoresetBenchmark {
  /** Unlabeled items. */
  @Param({"5000", "50000"})
  public int unlabeled;

  /** Labeled items (initial centres). */
  @Param({"1000"})
  public int labeled;

  /** Embedding dimension. */
  @Param({"512"})
  public int dim;

  /** Items to select. */
  @Param({"1000"})
  public int budget;

  private SelectionContext ctx;
  private Strategy coreset;

  /** Blob embeddings, the context, and the strategy. */
  @Setup
  public void setup() {
    int n = unlabeled + labeled;
    ctx = SelectionContext.builder(n)
        .labeled(IntStream.range(unlabeled, n).toArray(), null)
        .budget(budget)
        .signal(Signal.EMBEDDINGS, Inputs.blobs(n, dim, new SplittableRandom(42)))
        .backend(Inputs.javaBackend())
        .build();
    ctx.matrix(Signal.EMBEDDINGS);
    coreset = Inputs.strategy("coreset");
  }

  /** alkit's {@code coreset}. */
  @Benchmark
  public Selection coreset() {
    return coreset.select(ctx);
  }

  /** DISTIL's furthest-first loop, naively: brute-force minimum, full update per pick. */
  @Benchmark
  public int[] naiveDistil() {
    Matrix x = ctx.matrix(Signal.EMBEDDINGS);
    int[] pool = ctx.unlabeled();
    int[] lab = ctx.labeled();
    double[] min = new double[pool.length];
    for (int i = 0; i < pool.length; i++) {
      double best = Double.POSITIVE_INFINITY;
      for (int j : lab) {
        best = Math.min(best, x.squaredDistance(pool[i], x, j));
      }
      min[i] = best;
    }
    int[] picks = new int[ctx.selectionSize()];
    for (int r = 0; r < picks.length; r++) {
      int u = 0;
      for (int i = 1; i < pool.length; i++) {
        if (min[i] > min[u]) {
          u = i;
        }
      }
      picks[r] = pool[u];
      for (int i = 0; i < pool.length; i++) {
        min[i] = Math.min(min[i], x.squaredDistance(pool[i], x, pool[u]));
      }
    }
    return picks;
  }
}
