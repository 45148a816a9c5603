package org.alkit.backend.java;

import java.util.SplittableRandom;
import org.alkit.api.Matrix;

/** Random inputs for the backend's tests, from a seed or a caller's generator. */
final class RandomMatrices {
  private RandomMatrices() {}

  /** Standard Gaussian values. */
  static Matrix gaussian(int rows, int cols, long seed) {
    return gaussian(rows, cols, new SplittableRandom(seed));
  }

  /** Standard Gaussian values from {@code rng}. */
  static Matrix gaussian(int rows, int cols, SplittableRandom rng) {
    float[] v = new float[rows * cols];
    for (int p = 0; p < v.length; p++) {
      v[p] = (float) rng.nextGaussian();
    }
    return Matrix.wrap(rows, cols, v);
  }

  /**
   * Data shaped like real embeddings or images rather than isotropic noise: {@code rows} points
   * near a {@code rank}-dimensional subspace (Gaussian factors with decaying scales, a shared
   * positive offset, small isotropic noise), rounded to 1/64 so that ties and duplicates occur.
   */
  static Matrix lowRank(int rows, int cols, int rank, SplittableRandom rng) {
    float[][] loadings = new float[rank][cols];
    for (float[] l : loadings) {
      for (int k = 0; k < cols; k++) {
        l[k] = (float) rng.nextGaussian();
      }
    }
    float[] v = new float[rows * cols];
    double[] factor = new double[rank];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < rank; j++) {
        factor[j] = rng.nextGaussian() / (1 + j);
      }
      for (int k = 0; k < cols; k++) {
        double x = 2 + 0.05 * rng.nextGaussian();
        for (int j = 0; j < rank; j++) {
          x += factor[j] * loadings[j][k];
        }
        v[i * cols + k] = Math.round(x * 64) / 64f;
      }
    }
    return Matrix.wrap(rows, cols, v);
  }

  /** Softmax rows of Gaussian logits: positive probabilities summing to 1 in double. */
  static Matrix probabilities(int rows, int classes, SplittableRandom rng) {
    Matrix logits = gaussian(rows, classes, rng);
    float[] out = new float[rows * classes];
    for (int i = 0; i < rows; i++) {
      double sum = 0;
      for (int c = 0; c < classes; c++) {
        sum += Math.exp(logits.get(i, c));
      }
      for (int c = 0; c < classes; c++) {
        out[i * classes + c] = (float) (Math.exp(logits.get(i, c)) / sum);
      }
    }
    return Matrix.wrap(rows, classes, out);
  }
}
