package org.alkit.runtime.model;

import org.alkit.api.Matrix;

/**
 * Per-column z-scores h_j = (x_j − μ_j) / σ_j with μ, σ the column mean and (population) standard
 * deviation over the rows it was fitted on; a constant column keeps σ = 1 so it maps to 0.
 */
final class Standardizer {
  private final double[] mean;
  private final double[] inverseScale;

  private Standardizer(double[] mean, double[] inverseScale) {
    this.mean = mean;
    this.inverseScale = inverseScale;
  }

  /** Mean and deviation of every column of {@code x}. */
  static Standardizer fit(Matrix x) {
    int d = x.cols();
    double[] mean = new double[d];
    double[] sq = new double[d];
    float[] row = new float[d];
    for (int i = 0; i < x.rows(); i++) {
      x.copyRow(i, row);
      for (int j = 0; j < d; j++) {
        mean[j] += row[j];
        sq[j] += (double) row[j] * row[j];
      }
    }
    double[] inverse = new double[d];
    for (int j = 0; j < d; j++) {
      mean[j] /= Math.max(1, x.rows());
      double variance = sq[j] / Math.max(1, x.rows()) - mean[j] * mean[j];
      double sd = Math.sqrt(Math.max(0, variance));
      inverse[j] = sd > 1e-12 ? 1 / sd : 1;
    }
    return new Standardizer(mean, inverse);
  }

  /** Number of features. */
  int dimension() {
    return mean.length;
  }

  /** Row {@code i} of {@code x}, standardized, into {@code dst}. */
  double[] row(Matrix x, int i, float[] scratch, double[] dst) {
    x.copyRow(i, scratch);
    for (int j = 0; j < dst.length; j++) {
      dst[j] = (scratch[j] - mean[j]) * inverseScale[j];
    }
    return dst;
  }

  /** Every row of {@code x}, standardized. */
  Matrix apply(Matrix x) {
    int d = dimension();
    float[] out = new float[x.rows() * d];
    float[] scratch = new float[d];
    double[] h = new double[d];
    for (int i = 0; i < x.rows(); i++) {
      row(x, i, scratch, h);
      for (int j = 0; j < d; j++) {
        out[i * d + j] = (float) h[j];
      }
    }
    return Matrix.wrap(x.rows(), d, out);
  }
}
