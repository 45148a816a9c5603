package org.alkit.bench.diversity;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.alkit.api.Matrix;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.bench.Inputs;
import org.alkit.eval.data.Datasets;
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
 * validated in setup so only {@code select} is timed, on the embeddings {@code data} names:
 * {@code unlabeled} items to choose from, then {@code labeled} items as initial centres.
 *
 * <ul>
 *   <li>{@code blobs}: {@link Inputs#blobs}, clustered data that suits the triangle-inequality
 *       pruning. Target: 50 000 + 1 000 items, d = 512, budget 1 000 in ≤ 2 s (DISTIL's torch
 *       version 188 s on the same 2-core machine).</li>
 *   <li>{@code fashion}: real data, Fashion-MNIST training pixels ÷ 255 (Debian package
 *       {@code dataset-fashion-mnist}), the first {@code unlabeled + labeled} rows, d = 784 whatever
 *       {@code dim} says — at the defaults the set-up of the cold {@code alkit select} figure in the
 *       README (first 51 000 rows, the last 1 000 labeled).</li>
 *   <li>{@code gaussian}: the worst case, i.i.d. standard normal n × {@code dim}: every item about
 *       as far from every other, so neither the pruning nor the projection bound helps.</li>
 *   <li>Large: {@code -p unlabeled=1000000 -p dim=128} under {@code -Xmx8g} (the fork's heap).</li>
 *   <li>{@link #naiveDistil}: the reference, plain greedy k-center as DISTIL's loop in plain Java —
 *       all nearest-labeled distances by brute force, then a full min-update of every item per
 *       pick, no pruning: O(n·(L + budget)·d). One call takes about a minute at the defaults, so it
 *       runs one measured call after no warm-up (JIT compilation happens within that call). Setup
 *       checks that it picks the same items as {@code coreset} on the first 2 000 rows of the
 *       data (200 labeled, budget 100) and fails otherwise.</li>
 * </ul>
 *
 * <p>Measured on the 2-core development machine (1 fork; {@code coreset} 1 warm-up + 3 single
 * shots, the reference 1 shot; 50 000 + 1 000 labeled, budget 1 000), mean ± 99.9 % error:
 * <table>
 *   <caption>coreset vs the plain greedy k-center, same JMH run</caption>
 *   <tr><th>data</th><th>{@code coreset}</th><th>{@link #naiveDistil}</th><th>ratio</th></tr>
 *   <tr><td>{@code fashion}, 51 000 × 784</td><td>1.87 ± 0.29 s</td><td>83.0 s</td>
 *       <td>44×</td></tr>
 *   <tr><td>{@code gaussian}, 51 000 × 512</td><td>7.02 ± 1.82 s</td><td>52.8 s</td>
 *       <td>7.5×</td></tr>
 *   <tr><td>{@code blobs}, 51 000 × 512</td><td>0.95 ± 1.33 s</td><td>52.9 s</td>
 *       <td>56×</td></tr>
 * </table>
 * {@code coreset} runs the {@code java} backend's two workers, the reference one thread, so about
 * 2× of each ratio is the threads; the rest is the pruning, which real data allows and Gaussian
 * data mostly does not.
 *
 * <pre>java -cp … org.openjdk.jmh.Main CoresetBenchmark -p data=fashion,gaussian -p unlabeled=50000</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx8g", "--add-modules", "jdk.incubator.vector"})
public class CoresetBenchmark {
  /** The embeddings: {@code blobs}, {@code fashion} or {@code gaussian} (see the class comment). */
  @Param({"blobs", "fashion", "gaussian"})
  public String data;

  /** Unlabeled items. */
  @Param({"5000", "50000"})
  public int unlabeled;

  /** Labeled items (initial centres). */
  @Param({"1000"})
  public int labeled;

  /** Embedding dimension (784 for {@code fashion} whatever this says). */
  @Param({"512"})
  public int dim;

  /** Items to select. */
  @Param({"1000"})
  public int budget;

  private SelectionContext ctx;
  private Strategy coreset;

  /** The embeddings, the context, and the strategy; checks the reference against it. */
  @Setup
  public void setup() {
    Matrix x = embeddings(unlabeled + labeled);
    coreset = Inputs.strategy("coreset");
    int check = Math.min(2_000, x.rows());
    SelectionContext small = context(x.rows(0, check), check / 10, Math.min(100, check / 2));
    int[] expected = coreset.select(small).indices();
    int[] actual = plainGreedy(small);
    if (!Arrays.equals(expected, actual)) {
      throw new IllegalStateException("the plain greedy k-center picks " + Arrays.toString(actual)
          + " but coreset picks " + Arrays.toString(expected) + " on the first " + check + " rows of "
          + data);
    }
    ctx = context(x, labeled, budget);
  }

  /** alkit's {@code coreset}. */
  @Benchmark
  public Selection coreset() {
    return coreset.select(ctx);
  }

  /** DISTIL's furthest-first loop, naively: brute-force minimum, full update per pick. */
  @Benchmark
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public int[] naiveDistil() {
    return plainGreedy(ctx);
  }

  private Matrix embeddings(int n) {
    switch (data) {
      case "blobs":
        return Inputs.blobs(n, dim, new SplittableRandom(42));
      case "gaussian":
        return Inputs.random(n, dim, 42, SplittableRandom::nextGaussian);
      case "fashion":
        Matrix pool = Datasets.load(Datasets.FASHION_MNIST, 0.25, 1).pool();
        if (n > pool.rows()) {
          throw new IllegalArgumentException("unlabeled + labeled = " + n + " but Fashion-MNIST has "
              + pool.rows() + " training images");
        }
        return pool.rows(0, n);
      default:
        throw new IllegalArgumentException("data '" + data + "': expected blobs, fashion or gaussian");
    }
  }

  /** The first {@code x.rows() - labeled} rows unlabeled, the rest labeled, validated. */
  private static SelectionContext context(Matrix x, int labeled, int budget) {
    int n = x.rows();
    SelectionContext c = SelectionContext.builder(n)
        .labeled(IntStream.range(n - labeled, n).toArray(), null)
        .budget(budget)
        .signal(Signal.EMBEDDINGS, x)
        .backend(Inputs.javaBackend())
        .build();
    c.matrix(Signal.EMBEDDINGS);
    return c;
  }

  /** Plain greedy k-center: every pool item's nearest-centre distance updated after each pick. */
  private static int[] plainGreedy(SelectionContext ctx) {
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
