package org.alkit.bench.uncertainty;

import java.util.Comparator;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.alkit.api.Matrix;
import org.alkit.bench.Inputs;
import org.alkit.commons.Ranking;
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
 * the same run. Target (issue): the strategy in ≤ 0.5 s on a 2-core machine.
 *
 * <ul>
 *   <li>{@link #strategy}: {@code entropy}'s {@code select}, scoring plus {@link Ranking#topK};
 *   <li>{@link #baseline}: one sequential loop computing the same renormalised entropy with
 *       {@link Math#log}, then a full sort of all indices by score;
 *   <li>{@link #rankingTopK}: {@link Ranking#topK} alone on the precomputed entropies, the
 *       selection's share of {@link #strategy}.
 * </ul>
 *
 * The context is built and its probabilities validated once, in the setup, so every benchmark
 * times scoring and selection only; the setup also checks that the strategy and the baseline pick
 * items of the same scores. Run: {@code java -cp … org.openjdk.jmh.Main EntropyBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx4g", "--add-modules", "jdk.incubator.vector"})
public class EntropyBenchmark {
  /** Pool size. */
  static final int N = 1_000_000;
  /** Classes. */
  static final int C = 100;
  /** Items selected. */
  static final int K = 1000;

  private float[] probabilities;
  private double[] entropies;
  private SelectionContext ctx;
  private Strategy entropy;

  /**
   * Softmax of random logits, the context over them, the {@code entropy} strategy and the
   * baseline's entropies.
   *
   * @throws IllegalStateException if the strategy and the baseline disagree beyond rounding
   */
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
        .signal(Signal.PROBABILITIES, Matrix.wrap(N, C, probabilities))
        .backend(Inputs.javaBackend()).build();
    ctx.matrix(Signal.PROBABILITIES); // validates once, outside the timed code
    StrategyProvider provider = ServiceLoader.load(StrategyProvider.class).stream()
        .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("entropy")).findFirst()
        .orElseThrow(() -> new IllegalStateException("no 'entropy' strategy on the class path"));
    entropy = provider.create(provider.defaults());
    entropies = entropies(probabilities);
    checkAgreement(strategy(), sortedTopK(entropies));
  }

  /** The {@code entropy} strategy: scoring plus its top-k. */
  @Benchmark
  public Selection strategy() {
    return entropy.select(ctx);
  }

  /** A plain sequential loop over the rows and a full sort of all indices by score. */
  @Benchmark
  public int[] baseline() {
    return sortedTopK(entropies(probabilities));
  }

  /** {@link Ranking#topK} on the precomputed entropies. */
  @Benchmark
  public int[] rankingTopK() {
    return Ranking.topK(entropies, K);
  }

  /** ln S − (Σ p ln p) / S per row, S = Σ p: the entropy of the row renormalised to sum 1. */
  private static double[] entropies(float[] p) {
    double[] scores = new double[N];
    for (int i = 0; i < N; i++) {
      double sum = 0;
      double plogp = 0;
      for (int c = 0; c < C; c++) {
        double v = p[i * C + c];
        sum += v;
        if (v > 0) {
          plogp += v * Math.log(v);
        }
      }
      scores[i] = Math.log(sum) - plogp / sum;
    }
    return scores;
  }

  /** All indices sorted by score, highest first (stable: ties keep the lower index), cut to K. */
  private static int[] sortedTopK(double[] scores) {
    return IntStream.range(0, N).boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> scores[i]).reversed())
        .limit(K).mapToInt(Integer::intValue).toArray();
  }

  /** Rank by rank, the strategy's score equals the baseline's to 1e-9 relative. */
  private void checkAgreement(Selection picked, int[] baselinePicks) {
    for (int r = 0; r < K; r++) {
      double expected = entropies[baselinePicks[r]];
      if (Math.abs(picked.score(r) - expected) > 1e-9 * expected) {
        throw new IllegalStateException("rank " + r + ": the strategy scores " + picked.score(r)
            + ", the baseline " + expected);
      }
    }
  }
}
