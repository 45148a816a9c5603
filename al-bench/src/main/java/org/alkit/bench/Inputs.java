package org.alkit.bench;

import java.util.Map;
import java.util.SplittableRandom;
import org.alkit.api.ComputeBackend;
import org.alkit.api.Matrix;
import org.alkit.api.StrategyProvider;
import org.alkit.runtime.Registry;

/** Synthetic data and plugin look-ups shared by the benchmarks. */
public final class Inputs {
  private Inputs() {}

  /**
   * {@code n × d} embeddings drawn as Gaussian-like blobs: 64 centres uniform in [−1, 1]^d, each
   * row a centre plus uniform noise in [−0.25, 0.25]^d, the usual shape of learned features.
   */
  public static Matrix blobs(int n, int d, SplittableRandom rng) {
    float[][] centres = new float[64][d];
    for (float[] c : centres) {
      for (int j = 0; j < d; j++) {
        c[j] = (float) (rng.nextDouble() * 2 - 1);
      }
    }
    float[] data = new float[Math.multiplyExact(n, d)];
    for (int i = 0; i < n; i++) {
      float[] c = centres[rng.nextInt(64)];
      for (int j = 0; j < d; j++) {
        data[i * d + j] = c[j] + (float) (rng.nextDouble() - 0.5) * 0.5f;
      }
    }
    return Matrix.wrap(n, d, data);
  }

  /** {@code n × c} softmax rows of uniform logits in [0, 4). */
  public static Matrix probabilities(int n, int c, SplittableRandom rng) {
    float[] data = new float[n * c];
    double[] row = new double[c];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int k = 0; k < c; k++) {
        row[k] = Math.exp(rng.nextDouble() * 4);
        sum += row[k];
      }
      for (int k = 0; k < c; k++) {
        data[i * c + k] = (float) (row[k] / sum);
      }
    }
    return Matrix.wrap(n, c, data);
  }

  /** {@code n × d} values drawn by {@code value} from a generator seeded with {@code seed}. */
  public static Matrix random(int n, int d, long seed, java.util.function.ToDoubleFunction<SplittableRandom> value) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] x = new float[Math.multiplyExact(n, d)];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) value.applyAsDouble(rng);
    }
    return Matrix.wrap(n, d, x);
  }

  /** The {@code java} backend (al-backend-java) with default options. */
  public static ComputeBackend javaBackend() {
    return javaBackend(Map.of());
  }

  /** The {@code java} compute backend with the given options, the others at their defaults. */
  public static ComputeBackend javaBackend(Map<String, String> options) {
    return Registry.load().createBackend("java", options);
  }

  /** The strategy of the given name at its default options. */
  public static org.alkit.api.Strategy strategy(String name) {
    StrategyProvider p = Registry.load().strategy(name);
    return p.create(p.defaults());
  }
}
