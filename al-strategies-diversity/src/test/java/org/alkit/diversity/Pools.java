package org.alkit.diversity;

import java.util.SplittableRandom;
import org.alkit.api.Matrix;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.testkit.Fixtures;

/** Small random pools for property tests. */
final class Pools {
  private Pools() {}

  static Matrix gaussian(int n, int d, SplittableRandom rng) {
    float[] data = new float[n * d];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) (rng.nextDouble() * 4 - 2);
    }
    return Matrix.wrap(n, d, data);
  }

  /** Random probability rows (normalised uniforms). */
  static Matrix probabilities(int n, int c, SplittableRandom rng) {
    float[] data = new float[n * c];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      double[] row = new double[c];
      for (int k = 0; k < c; k++) {
        row[k] = rng.nextDouble() + 1e-3;
        sum += row[k];
      }
      for (int k = 0; k < c; k++) {
        data[i * c + k] = (float) (row[k] / sum);
      }
    }
    return Matrix.wrap(n, c, data);
  }

  /** A context whose first {@code labeled} items are labeled. */
  static SelectionContext context(Matrix embeddings, Matrix probabilities, int labeled, int budget, long seed) {
    int[] lab = new int[labeled];
    for (int i = 0; i < labeled; i++) {
      lab[i] = i;
    }
    SelectionContext.Builder b = SelectionContext.builder(embeddings.rows())
        .labeled(lab, null)
        .budget(budget)
        .seed(seed)
        .signal(Signal.EMBEDDINGS, embeddings)
        .backend(Fixtures.javaBackend().orElseThrow());
    if (probabilities != null) {
      b.signal(Signal.PROBABILITIES, probabilities);
    }
    return b.build();
  }
}
