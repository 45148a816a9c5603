package org.alkit.submodular;

import org.alkit.api.Matrix;

/**
 * Test-side restatement of submodlib's kernel formulas ({@code cpp/utils/helper.cpp}), all in
 * float32: euclidean s(x, y) = expf(−sqrtf(Σ (x_k − y_k)²) · (float)(1/d)), cosine
 * x·y / (‖x‖‖y‖) with 0 for a zero norm. {@code s[i][j] = s(rows_i, cols_j)}; the diagonal of a
 * square kernel is left as computed (exactly 1 for euclidean).
 */
final class SubmodlibKernels {
  private SubmodlibKernels() {}

  static Matrix kernel(float[][] rows, float[][] cols, String metric) {
    float[][] out = new float[rows.length][cols.length];
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0; j < cols.length; j++) {
        out[i][j] = metric.equals("cosine") ? cosine(rows[i], cols[j]) : euclidean(rows[i], cols[j]);
      }
    }
    return Matrix.of(out);
  }

  private static float euclidean(float[] x, float[] y) {
    float s = 0f;
    for (int k = 0; k < x.length; k++) {
      float d = x[k] - y[k];
      s += d * d;
    }
    return (float) Math.exp(-(float) Math.sqrt(s) * (float) (1.0 / x.length));
  }

  private static float cosine(float[] x, float[] y) {
    float dot = 0f;
    float nx = 0f;
    float ny = 0f;
    for (int k = 0; k < x.length; k++) {
      dot += x[k] * y[k];
      nx += x[k] * x[k];
      ny += y[k] * y[k];
    }
    if (nx == 0f || ny == 0f) {
      return 0f;
    }
    return dot / ((float) Math.sqrt(nx) * (float) Math.sqrt(ny));
  }
}
