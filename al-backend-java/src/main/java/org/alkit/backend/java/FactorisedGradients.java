package org.alkit.backend.java;

import org.alkit.api.Matrix;
import org.alkit.commons.Probabilities;

/**
 * BADGE's last-layer gradient embeddings g ⊗ h, kept factorised: for each item the gradient of
 * the cross-entropy at the predicted label with respect to the logits, g = p − onehot(argmax p)
 * (C values), and the penultimate features h (d values). The C·d-wide embedding is never
 * materialised; distances use
 * <pre>  ‖g⊗h − g'⊗h'‖² = ‖g‖²‖h‖² + ‖g'‖²‖h'‖² − 2 (g·g')(h·h')</pre>
 * with ‖g‖² and ‖h‖² precomputed, so one distance costs {@code O(C + d)}.
 *
 * <p><b>Layout.</b> Nothing is copied or transposed: the signals are read in place, row by row,
 * through a per-thread {@link Cursor} that forms g from the probability row and the stored
 * argmax; the products are row-major dot products with eight accumulators ({@link RowKernels#dot}).
 * Setup is one pass over the signals (argmax, ‖g‖², ‖h‖²), and each distance pass reads the
 * {@code n·(C + d)} signal floats once, which bounds its speed by memory bandwidth.
 *
 * <p>The sign of g follows DISTIL (p − onehot); the original BADGE uses onehot − p. Norms and
 * distances do not depend on it.
 */
final class FactorisedGradients {
  /** Items per task in the setup pass. */
  static final int CHUNK = 1024;

  private final Matrix p;
  private final Matrix features;
  private final int[] rows;
  private final int[] argmax;
  private final double[] gNorm2;
  private final double[] hNorm2;

  private FactorisedGradients(Matrix p, Matrix features, int[] rows) {
    this.p = p;
    this.features = features;
    this.rows = rows;
    this.argmax = new int[rows.length];
    this.gNorm2 = new double[rows.length];
    this.hNorm2 = new double[rows.length];
  }

  /**
   * The gradient embeddings of the given rows of probabilities {@code p} and features
   * {@code features}; argmax and norms are computed on the backend's workers.
   */
  static FactorisedGradients of(Matrix p, Matrix features, int[] rows, JavaBackend backend) {
    FactorisedGradients fg = new FactorisedGradients(p, features, rows);
    backend.parallelFor(chunks(rows.length), t -> {
      Cursor cur = fg.cursor();
      for (int x = t * CHUNK; x < Math.min(rows.length, (t + 1) * CHUNK); x++) {
        fg.argmax[x] = Probabilities.argmax(p, rows[x]);
        cur.load(x);
        fg.gNorm2[x] = RowKernels.dot(cur.g, 0, cur.g, 0, cur.g.length);
        fg.hNorm2[x] = RowKernels.dot(cur.h, 0, cur.h, 0, cur.h.length);
      }
    });
    return fg;
  }

  /** The number of {@link #CHUNK}-item runs covering {@code n} items. */
  static int chunks(int n) {
    return (n + CHUNK - 1) / CHUNK;
  }

  /** The number of items. */
  int size() {
    return rows.length;
  }

  /** ‖g_i⊗h_i − g_j⊗h_j‖², clamped at 0 against rounding. */
  double squaredDistance(int i, int j) {
    Cursor a = cursor();
    a.load(j);
    return squaredDistanceTo(i, a.g, a.h, squaredNorm(j), cursor());
  }

  /**
   * ‖g_x⊗h_x − g_c⊗h_c‖² given c's factors {@code gc}, {@code hc} and {@code cNorm2 =
   * ‖g_c‖²‖h_c‖²}, reading item x through {@code cur}; clamped at 0 against rounding.
   */
  double squaredDistanceTo(int x, float[] gc, float[] hc, double cNorm2, Cursor cur) {
    cur.load(x);
    double gg = RowKernels.dot(cur.g, 0, gc, 0, gc.length);
    double hh = RowKernels.dot(cur.h, 0, hc, 0, hc.length);
    return Math.max(0, gNorm2[x] * hNorm2[x] + cNorm2 - 2 * gg * hh);
  }

  /**
   * The new distance of x to centre c, or +∞ when it cannot be below {@code current}: with
   * gg = g_x·g_c computed first (C floats read), Cauchy–Schwarz on h gives
   * <pre>  ‖g_x⊗h_x − g_c⊗h_c‖² ≥ ‖g_x‖²‖h_x‖² + ‖g_c‖²‖h_c‖² − 2|gg|·‖h_x‖‖h_c‖,</pre>
   * and when that bound, less the worst float rounding of both dot products
   * ({@code 4(C + d)·2⁻²⁴·‖g_x‖‖g_c‖‖h_x‖‖h_c‖}), still exceeds {@code current}, the d floats of
   * h_x are never read. Otherwise the distance as {@link #squaredDistanceTo} computes it, so a
   * pass with the bound updates exactly the items a pass without it would.
   */
  double squaredDistanceBelow(int x, float[] gc, float[] hc, double gcNorm2, double hcNorm2,
      double current, Cursor cur) {
    cur.loadGradient(x);
    double gg = RowKernels.dot(cur.g, 0, gc, 0, gc.length);
    double xNorm2 = gNorm2[x] * hNorm2[x];
    double cNorm2 = gcNorm2 * hcNorm2;
    double hProduct = Math.sqrt(hNorm2[x] * hcNorm2);
    double rounding = 4.0 * (gc.length + hc.length) * 0x1p-24 * Math.sqrt(gNorm2[x] * gcNorm2) * hProduct
        + 1e-12 * (xNorm2 + cNorm2);
    if (xNorm2 + cNorm2 - 2 * Math.abs(gg) * hProduct - rounding > current) {
      return Double.POSITIVE_INFINITY;
    }
    features.copyRow(rows[x], cur.h);
    double hh = RowKernels.dot(cur.h, 0, hc, 0, hc.length);
    return Math.max(0, xNorm2 + cNorm2 - 2 * gg * hh);
  }

  /** ‖g_i‖². */
  double gradientNorm2(int i) {
    return gNorm2[i];
  }

  /** ‖h_i‖². */
  double featureNorm2(int i) {
    return hNorm2[i];
  }

  /** ‖g_i ⊗ h_i‖² = ‖g_i‖²‖h_i‖². */
  double squaredNorm(int i) {
    return gNorm2[i] * hNorm2[i];
  }

  /** g_i (C values). */
  float[] gradient(int i) {
    Cursor cur = cursor();
    cur.load(i);
    return cur.g;
  }

  /** h_i (d values). */
  float[] features(int i) {
    Cursor cur = cursor();
    cur.load(i);
    return cur.h;
  }

  /** The explicit C·d row g_i ⊗ h_i, index c·d + j holding g_c·h_j (for checks on single items). */
  float[] materialise(int i) {
    Cursor cur = cursor();
    cur.load(i);
    int d = features.cols();
    float[] out = new float[p.cols() * d];
    for (int c = 0; c < p.cols(); c++) {
      for (int j = 0; j < d; j++) {
        out[c * d + j] = cur.g[c] * cur.h[j];
      }
    }
    return out;
  }

  /** Fresh scratch rows for one thread. */
  Cursor cursor() {
    return new Cursor();
  }

  /** Scratch rows holding one item's g and h; each thread uses its own. */
  final class Cursor {
    private final float[] g = new float[p.cols()];
    private final float[] h = new float[features.cols()];

    private Cursor() {}

    /** Loads item x: g = p_x − onehot(argmax p_x), h = features_x. */
    void load(int x) {
      loadGradient(x);
      features.copyRow(rows[x], h);
    }

    /** Loads only g of item x (C floats), for a bound before h is read. */
    void loadGradient(int x) {
      p.copyRow(rows[x], g);
      g[argmax[x]] -= 1f;
    }
  }
}
