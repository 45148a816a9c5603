package org.alkit.runtime.backend;

import java.util.SplittableRandom;
import org.alkit.api.Matrix;

/** Small random inputs for the backend's property tests. */
final class RandomMatrices {
  private RandomMatrices() {}

  /** Uniform values in [−2, 2). */
  static Matrix uniform(int n, int d, SplittableRandom rng) {
    float[] data = new float[n * d];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) (rng.nextDouble() * 4 - 2);
    }
    return Matrix.wrap(n, d, data);
  }

  /** Random probability rows (normalised uniforms, none zero). */
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
}
