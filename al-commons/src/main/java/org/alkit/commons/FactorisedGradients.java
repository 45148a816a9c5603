package org.alkit.commons;

import org.alkit.api.ComputeBackend;
import org.alkit.api.Matrix;

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
 * argmax; the products are row-major dot products with eight accumulators ({@link #dot}).
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
  static FactorisedGradients of(Matrix p, Matrix features, int[] rows, ComputeBackend backend) {
    FactorisedGradients fg = new FactorisedGradients(p, features, rows);
    backend.parallelFor(chunks(rows.length), t -> {
      Cursor cur = fg.cursor();
      for (int x = t * CHUNK; x < Math.min(rows.length, (t + 1) * CHUNK); x++) {
        fg.argmax[x] = Probabilities.argmax(p, rows[x]);
        cur.load(x);
        fg.gNorm2[x] = dot(cur.g, 0, cur.g, 0, cur.g.length);
        fg.hNorm2[x] = dot(cur.h, 0, cur.h, 0, cur.h.length);
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

  /**
   * The new distance of x to centre c, or +∞ when it cannot be below {@code current}: with
   * gg = g_x·g_c computed first (C floats read), Cauchy–Schwarz on h gives
   * <pre>  ‖g_x⊗h_x − g_c⊗h_c‖² ≥ ‖g_x‖²‖h_x‖² + ‖g_c‖²‖h_c‖² − 2|gg|·‖h_x‖‖h_c‖,</pre>
   * and when that bound, less the worst float rounding of both dot products
   * ({@code 4(C + d)·2⁻²⁴·‖g_x‖‖g_c‖‖h_x‖‖h_c‖}), still exceeds {@code current}, the d floats of
   * h_x are never read. Otherwise the distance itself, clamped at 0 against rounding, so a pass
   * with the bound updates exactly the items a pass without it would.
   */
  double squaredDistanceBelow(int x, float[] gc, float[] hc, double gcNorm2, double hcNorm2,
      double current, Cursor cur) {
    cur.loadGradient(x);
    double gg = dot(cur.g, 0, gc, 0, gc.length);
    double xNorm2 = gNorm2[x] * hNorm2[x];
    double cNorm2 = gcNorm2 * hcNorm2;
    double hProduct = Math.sqrt(hNorm2[x] * hcNorm2);
    double rounding = 4.0 * (gc.length + hc.length) * 0x1p-24 * Math.sqrt(gNorm2[x] * gcNorm2) * hProduct
        + 1e-12 * (xNorm2 + cNorm2);
    if (xNorm2 + cNorm2 - 2 * Math.abs(gg) * hProduct - rounding > current) {
      return Double.POSITIVE_INFINITY;
    }
    features.copyRow(rows[x], cur.h);
    double hh = dot(cur.h, 0, hc, 0, hc.length);
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

  /**
   * a[ai..ai+d) · b[bi..bi+d), in eight independent float accumulators (Java does not reorder
   * floating-point sums, so this keeps the loop pipelined) combined in double.
   */
  private static double dot(float[] a, int ai, float[] b, int bi, int d) {
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
    int k = 0;
    for (; k + 8 <= d; k += 8) {
      s0 += a[ai + k] * b[bi + k];
      s1 += a[ai + k + 1] * b[bi + k + 1];
      s2 += a[ai + k + 2] * b[bi + k + 2];
      s3 += a[ai + k + 3] * b[bi + k + 3];
      s4 += a[ai + k + 4] * b[bi + k + 4];
      s5 += a[ai + k + 5] * b[bi + k + 5];
      s6 += a[ai + k + 6] * b[bi + k + 6];
      s7 += a[ai + k + 7] * b[bi + k + 7];
    }
    double s = ((double) s0 + s1) + ((double) s2 + s3) + ((double) s4 + s5) + ((double) s6 + s7);
    for (; k < d; k++) {
      s += (double) a[ai + k] * b[bi + k];
    }
    return s;
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
