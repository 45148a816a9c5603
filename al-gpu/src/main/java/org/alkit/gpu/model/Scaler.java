package org.alkit.gpu.model;

import java.util.function.IntUnaryOperator;
import org.alkit.api.Matrix;

/**
 * Affine input scaling z_j = (x_j − μ_j) · s_j fitted on every row a model is fitted on (the pool,
 * labeled or not), as the logistic model standardises: per feature for dense inputs, per channel
 * for images (one μ and s over all pixels of a channel, so the spatial structure stays). A
 * constant feature or channel keeps s = 1.
 */
final class Scaler {
  private final float[] mean;
  private final float[] scale;

  private Scaler(float[] mean, float[] scale) {
    this.mean = mean;
    this.scale = scale;
  }

  /** Mean and deviation of every column of {@code x}. */
  static Scaler perFeature(Matrix x) {
    return fit(x, x.cols(), 1);
  }

  /** Mean and deviation over all pixels of each channel of the images {@code x} holds. */
  static Scaler perChannel(Matrix x, ItemShape shape) {
    return fit(x, shape.channels(), shape.height() * shape.width());
  }

  /** Statistics of {@code groups} consecutive runs of {@code run} columns each. */
  private static Scaler fit(Matrix x, int groups, int run) {
    double[] sum = new double[groups];
    double[] squares = new double[groups];
    float[] row = new float[x.cols()];
    for (int i = 0; i < x.rows(); i++) {
      x.copyRow(i, row);
      for (int j = 0; j < row.length; j++) {
        sum[j / run] += row[j];
        squares[j / run] += (double) row[j] * row[j];
      }
    }
    float[] mean = new float[x.cols()];
    float[] scale = new float[x.cols()];
    double count = Math.max(1.0, (double) x.rows() * run);
    for (int g = 0; g < groups; g++) {
      double mu = sum[g] / count;
      double sd = Math.sqrt(Math.max(0, squares[g] / count - mu * mu));
      for (int j = g * run; j < (g + 1) * run; j++) {
        mean[j] = (float) mu;
        scale[j] = sd > 1e-12 ? (float) (1 / sd) : 1f;
      }
    }
    return new Scaler(mean, scale);
  }

  /** Number of features. */
  int dimension() {
    return mean.length;
  }

  /** The rows {@code row(from)}, …, {@code row(to − 1)} of {@code x}, scaled, one after another. */
  float[] rows(Matrix x, IntUnaryOperator row, int from, int to) {
    int d = mean.length;
    float[] out = new float[(to - from) * d];
    float[] values = new float[d];
    for (int r = from; r < to; r++) {
      x.copyRow(row.applyAsInt(r), values);
      int o = (r - from) * d;
      for (int j = 0; j < d; j++) {
        out[o + j] = (values[j] - mean[j]) * scale[j];
      }
    }
    return out;
  }
}
