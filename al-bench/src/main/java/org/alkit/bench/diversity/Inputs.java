package org.alkit.bench.diversity;

import java.util.ServiceLoader;
import java.util.SplittableRandom;
import org.alkit.api.BackendProvider;
import org.alkit.api.ComputeBackend;
import org.alkit.api.Matrix;
import org.alkit.api.Options;
import org.alkit.api.StrategyProvider;

/** Synthetic signals and service look-ups shared by the diversity benchmarks. */
final class Inputs {
  private Inputs() {}

  /**
   * {@code n × d} embeddings drawn as Gaussian-like blobs: 64 centres uniform in [−1, 1]^d, each
   * row a centre plus uniform noise in [−0.25, 0.25]^d, the usual shape of learned features.
   */
  static Matrix blobs(int n, int d, SplittableRandom rng) {
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
  static Matrix probabilities(int n, int c, SplittableRandom rng) {
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

  /** al-runtime's {@code java} backend with default options. */
  static ComputeBackend javaBackend() {
    for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) {
      if (p.name().equals("java")) {
        return p.create(Options.defaults("backend 'java'", p.parameters()));
      }
    }
    throw new IllegalStateException("al-runtime's java backend is not on the class path");
  }

  /** The strategy provider of the given name. */
  static StrategyProvider provider(String name) {
    for (StrategyProvider p : ServiceLoader.load(StrategyProvider.class)) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw new IllegalStateException("no strategy '" + name + "' on the class path");
  }
}
