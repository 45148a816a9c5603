package org.alkit.bench.diversity;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.alkit.api.BackendProvider;
import org.alkit.api.ComputeBackend;
import org.alkit.api.Matrix;
import org.alkit.api.Options;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;

/**
 * Wall-clock figures for the diversity strategies at the sizes of issue 5 (a plain main, not
 * JMH: each case runs long enough that JIT warm-up is one untimed run). Signals are validated
 * before timing, so only {@code select} is measured.
 *
 * <pre>
 * java -Xmx8g -cp … org.alkit.bench.diversity.DiversityBench coreset 50000 1000 512 1000
 * java -Xmx8g -cp … org.alkit.bench.diversity.DiversityBench badge 20000 100 768 10
 * </pre>
 * Arguments: {@code coreset unlabeled labeled d budget} or {@code badge n classes d budget}.
 * Embeddings are Gaussian blobs (64 centres), the usual shape of learned features.
 */
public final class DiversityBench {
  private DiversityBench() {}

  public static void main(String[] args) {
    String strategy = args[0];
    int a = Integer.parseInt(args[1]);
    int b = Integer.parseInt(args[2]);
    int d = Integer.parseInt(args[3]);
    int budget = Integer.parseInt(args[4]);
    SplittableRandom rng = new SplittableRandom(42);
    SelectionContext ctx;
    if (strategy.equals("coreset")) {
      int n = a + b;
      ctx = SelectionContext.builder(n)
          .labeled(IntStream.range(a, n).toArray(), null)
          .budget(budget)
          .signal(Signal.EMBEDDINGS, blobs(n, d, rng))
          .backend(javaBackend())
          .build();
      ctx.matrix(Signal.EMBEDDINGS);
    } else {
      ctx = SelectionContext.builder(a)
          .budget(budget)
          .seed(7)
          .signal(Signal.EMBEDDINGS, blobs(a, d, rng))
          .signal(Signal.PROBABILITIES, probabilities(a, b, rng))
          .backend(javaBackend())
          .build();
      ctx.matrix(Signal.EMBEDDINGS);
      ctx.matrix(Signal.PROBABILITIES);
    }
    Strategy s = provider(strategy).create(provider(strategy).defaults());
    s.select(ctx);
    for (int run = 0; run < 3; run++) {
      long t0 = System.nanoTime();
      Selection sel = s.select(ctx);
      double secs = (System.nanoTime() - t0) / 1e9;
      Runtime rt = Runtime.getRuntime();
      System.out.printf("%s %s budget %d: %.3f s (picks %d, last score %.4f, heap used %d MB)%n",
          strategy, String.join("x", args[1], args[2], args[3]), budget, secs, sel.size(),
          sel.score(sel.size() - 1), (rt.totalMemory() - rt.freeMemory()) >> 20);
    }
  }

  private static Matrix blobs(int n, int d, SplittableRandom rng) {
    float[][] centres = new float[64][d];
    for (float[] c : centres) {
      for (int j = 0; j < d; j++) {
        c[j] = (float) (rng.nextDouble() * 2 - 1);
      }
    }
    float[] data = new float[n * d];
    for (int i = 0; i < n; i++) {
      float[] c = centres[rng.nextInt(64)];
      for (int j = 0; j < d; j++) {
        data[i * d + j] = c[j] + (float) (rng.nextDouble() - 0.5) * 0.5f;
      }
    }
    return Matrix.wrap(n, d, data);
  }

  private static Matrix probabilities(int n, int c, SplittableRandom rng) {
    float[] data = new float[n * c];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int k = 0; k < c; k++) {
        double v = Math.exp(rng.nextDouble() * 4);
        data[i * c + k] = (float) v;
        sum += v;
      }
      for (int k = 0; k < c; k++) {
        data[i * c + k] = (float) (data[i * c + k] / sum);
      }
    }
    return Matrix.wrap(n, c, data);
  }

  private static ComputeBackend javaBackend() {
    for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) {
      if (p.name().equals("java")) {
        return p.create(Options.defaults("backend 'java'", p.parameters()));
      }
    }
    throw new IllegalStateException("al-runtime's java backend is not on the class path");
  }

  private static StrategyProvider provider(String name) {
    for (StrategyProvider p : ServiceLoader.load(StrategyProvider.class)) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw new IllegalStateException("no strategy '" + name + "' on the class path");
  }
}
