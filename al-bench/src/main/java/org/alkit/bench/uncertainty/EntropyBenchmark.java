package org.alkit.bench.uncertainty;

import java.util.Comparator;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.alkit.api.Matrix;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The {@code entropy} strategy's top-1000 of 10⁶ items × 100 classes against a plain baseline in
 * the same run: one sequential loop computing −Σ p ln p per row, then a full sort of all indices
 * by score. The context is built and its probabilities validated once, in the setup, so both
 * sides time only scoring and selection. Target: the strategy in ≤ 0.5 s on a 2-core machine.
 *
 * <p>Run with JMH ({@code java -cp … org.openjdk.jmh.Main EntropyBenchmark}) or, for a quick
 * figure without the JMH harness, with this class's {@link #main}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class EntropyBenchmark {
  /** Pool size. */
  static final int N = 1_000_000;
  /** Classes. */
  static final int C = 100;
  /** Items selected. */
  static final int K = 1000;

  private float[] probabilities;
  private SelectionContext ctx;
  private Strategy entropy;

  /** Softmax of random logits, the context over them, and the {@code entropy} strategy. */
  @Setup
  public void setup() {
    SplittableRandom rng = new SplittableRandom(42);
    probabilities = new float[N * C];
    double[] row = new double[C];
    for (int i = 0; i < N; i++) {
      double sum = 0;
      for (int c = 0; c < C; c++) {
        row[c] = Math.exp(3 * rng.nextDouble());
        sum += row[c];
      }
      for (int c = 0; c < C; c++) {
        probabilities[i * C + c] = (float) (row[c] / sum);
      }
    }
    ctx = SelectionContext.builder(N).budget(K)
        .signal(Signal.PROBABILITIES, Matrix.wrap(N, C, probabilities)).build();
    ctx.matrix(Signal.PROBABILITIES); // validates once, outside the timed code
    StrategyProvider provider = ServiceLoader.load(StrategyProvider.class).stream()
        .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("entropy")).findFirst()
        .orElseThrow(() -> new IllegalStateException("no 'entropy' strategy on the class path"));
    entropy = provider.create(provider.defaults());
  }

  /** The {@code entropy} strategy: scoring plus its top-k. */
  @Benchmark
  public Selection strategy() {
    return entropy.select(ctx);
  }

  /** A plain loop over the rows and a full sort of all indices by score. */
  @Benchmark
  public int[] baseline() {
    double[] scores = new double[N];
    for (int i = 0; i < N; i++) {
      double h = 0;
      for (int c = 0; c < C; c++) {
        float p = probabilities[i * C + c];
        if (p > 0) {
          h -= p * Math.log(p);
        }
      }
      scores[i] = h;
    }
    return IntStream.range(0, N).boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> scores[i]).reversed())
        .limit(K).mapToInt(Integer::intValue).toArray();
  }

  /** Times both sides without the JMH harness: 3 warm-up rounds, then the best and mean of 5. */
  public static void main(String[] args) {
    EntropyBenchmark b = new EntropyBenchmark();
    b.setup();
    long[] strategy = time(b::strategy);
    long[] baseline = time(b::baseline);
    System.out.printf("entropy strategy: best %d ms, mean %d ms%n", strategy[0], strategy[1]);
    System.out.printf("loop + full sort: best %d ms, mean %d ms%n", baseline[0], baseline[1]);
    System.out.printf("ratio strategy / baseline (best): %.2f%n", (double) strategy[0] / baseline[0]);
  }

  private static long[] time(Runnable task) {
    for (int w = 0; w < 3; w++) {
      task.run();
    }
    long best = Long.MAX_VALUE;
    long total = 0;
    for (int r = 0; r < 5; r++) {
      long start = System.nanoTime();
      task.run();
      long ms = (System.nanoTime() - start) / 1_000_000;
      best = Math.min(best, ms);
      total += ms;
    }
    return new long[] {best, total / 5};
  }
}
