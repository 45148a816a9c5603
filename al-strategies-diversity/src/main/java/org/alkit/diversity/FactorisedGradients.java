package org.alkit.diversity;

import org.alkit.api.Matrix;

/**
 * BADGE's last-layer gradient embeddings g ⊗ h, kept factorised: for each item the gradient of
 * the cross-entropy at the predicted label with respect to the logits, g = p − onehot(argmax p)
 * (C values), and the penultimate features h (d values). The C·d-wide embedding is never
 * materialised; distances use
 * <pre>  ‖g⊗h − g'⊗h'‖² = ‖g‖²‖h‖² + ‖g'‖²‖h'‖² − 2 (g·g')(h·h')</pre>
 * with ‖g‖² and ‖h‖² precomputed, so one distance costs {@code O(C + d)}.
 *
 * <p>The sign of g follows DISTIL (p − onehot); the original BADGE uses onehot − p. Norms and
 * distances do not depend on it.
 */
final class FactorisedGradients implements Points {
  private final float[] g;
  private final float[] h;
  private final int classes;
  private final int dim;
  private final double[] gNorm2;
  private final double[] hNorm2;

  private FactorisedGradients(float[] g, float[] h, int classes, int dim) {
    this.g = g;
    this.h = h;
    this.classes = classes;
    this.dim = dim;
    int n = g.length / classes;
    this.gNorm2 = new double[n];
    this.hNorm2 = new double[n];
    for (int i = 0; i < n; i++) {
      gNorm2[i] = Kernels.dot(g, i * classes, g, i * classes, classes);
      hNorm2[i] = Kernels.dot(h, i * dim, h, i * dim, dim);
    }
  }

  /** The gradient embeddings of the given rows of probabilities {@code p} and features {@code h}. */
  static FactorisedGradients of(Matrix p, Matrix features, int[] rows) {
    int c = p.cols();
    float[] g = new float[rows.length * c];
    for (int r = 0; r < rows.length; r++) {
      int i = rows[r];
      int arg = ProbabilityRows.argmax(p, i);
      for (int k = 0; k < c; k++) {
        g[r * c + k] = p.get(i, k) - (k == arg ? 1f : 0f);
      }
    }
    return new FactorisedGradients(g, features.select(rows).toArray(), c, features.cols());
  }

  @Override
  public int size() {
    return gNorm2.length;
  }

  @Override
  public double squaredDistance(int i, int j) {
    double gg = Kernels.dot(g, i * classes, g, j * classes, classes);
    double hh = Kernels.dot(h, i * dim, h, j * dim, dim);
    double d2 = gNorm2[i] * hNorm2[i] + gNorm2[j] * hNorm2[j] - 2 * gg * hh;
    return Math.max(0, d2);
  }

  /** ‖g_i ⊗ h_i‖² = ‖g_i‖²‖h_i‖². */
  double squaredNorm(int i) {
    return gNorm2[i] * hNorm2[i];
  }

  /** The explicit C·d row g_i ⊗ h_i, index c·d + j holding g_c·h_j (for checks on single items). */
  float[] materialise(int i) {
    float[] out = new float[classes * dim];
    for (int c = 0; c < classes; c++) {
      for (int j = 0; j < dim; j++) {
        out[c * dim + j] = g[i * classes + c] * h[i * dim + j];
      }
    }
    return out;
  }
}
