package org.alkit.backend.java;

import org.alkit.api.ComputeBackend;

/**
 * A lower bound on Euclidean distances read from one byte per coordinate: every row x is also
 * stored as int8 codes q_x with a per-row scale s_x around the rows' mean μ, so that the k-center
 * update ({@link EuclideanTracker}) streams d bytes per point instead of the 4·d of its float
 * row, and computes the exact distance only where the bound cannot decide. Like
 * {@link ProjectionBound} it changes which distances are computed, never a value.
 *
 * <p><b>Codes.</b> With y = x − μ (μ the mean of the rows, in float), s_x = max_k |y_k| / 127
 * (a float) and q_x,k = round(y_k / s_x) ∈ [−127, 127]. The row is x = μ + s_x·q_x + e_x, and
 * ε_x ≥ ‖e_x‖ is stored beside the codes (an upper bound, see <i>Rounding</i>).
 *
 * <p><b>Bound.</b> By the triangle inequality, for rows x and c,
 * <pre>  ‖x − c‖ ≥ ‖s_x·q_x − s_c·q_c‖ − ε_x − ε_c,
 *   ‖s_x·q_x − s_c·q_c‖² = s_x²·‖q_x‖² + s_c²·‖q_c‖² − 2·s_x·s_c·⟨q_x, q_c⟩.</pre>
 * ‖q_x‖² is stored per row and the integer ⟨q_x, q_c⟩ is computed exactly in int arithmetic (at
 * most d·127² &lt; 2³¹, hence {@link #MAX_DIM}), so the only reads per pair are the two code rows.
 * {@link #cannotLower} says the exact distance cannot lower D²(x) when the bound, squared, reaches
 * D²(x)·{@value #SLACK} + d·2⁻¹⁴⁰: the true distance is then at least that, and the float
 * distance the tracker computes ({@link RowKernels#squaredDistance}: relative error far below
 * 10⁻³, and at most 2⁻¹⁴⁹ a term lost to underflow on tiny coordinates) cannot fall below D²(x).
 *
 * <p><b>Rounding.</b> (1) The squared code distance is evaluated in double from exact products
 * s_x² (two 24-bit floats) and 2·s_x·s_c and integers below 2³¹: three roundings of terms bounded
 * by A = s_x²‖q_x‖² + s_c²‖q_c‖² + 2·s_x·s_c·|⟨q_x, q_c⟩|, so its error is below 2⁻⁵⁰·A; the
 * bound subtracts 2⁻⁴⁸·A. (2) ε_x = (1 + 2⁻²⁰)·√(Σ_k t_k²) + 2⁻⁴⁸·√d·max_k |y_k| with
 * t_k = (x_k − μ_k) − s_x·q_x,k evaluated in double: s_x·q_x,k is exact (24 + 7 bits); each t_k
 * is off by at most 2⁻⁵²·(|y_k| + |t_k|), which the second term covers, and the sum of d squares
 * is off by a relative (d + 2)·2⁻⁵³ &lt; 2⁻²⁰. A row with a non-finite coordinate gets ε = +∞
 * and is never pruned.
 *
 * <p><b>Size of the bound.</b> Rounding to the nearest code leaves |e_x,k| ≤ s_x/2, so
 * ‖e_x‖ ≤ √d·max|y_k|/254, and about a third of that on spread-out coordinates: on i.i.d.
 * standard normal rows (d = 512) ε ≈ 0.17 against distances near 32, so a pair is undecided only
 * when its distance lies within about 1 % of D²(x)'s root.
 *
 * <p><b>Kernel.</b> The int8 inner products run on the Vector API ({@link VectorCodeKernel}):
 * C2 does not vectorise a byte product summed into an int, and the scalar loop reads the codes
 * slower than the vectorised float distance reads the rows, so the tracker builds this bound only
 * where the backend runs the Vector API.
 *
 * <p>Memory: d bytes, one float, one int and one double per row.
 */
final class QuantizedBound {
  /** The largest dimension whose int8 inner products cannot overflow an int: d·127² &lt; 2³¹. */
  static final int MAX_DIM = Integer.MAX_VALUE / (127 * 127);
  /** Relative slack on the squared comparison, as the triangle-inequality test's. */
  private static final double SLACK = 1.001;
  /** Largest code magnitude. */
  private static final int LEVELS = 127;

  private final int dim;
  /** Row-major d codes of each row, in the rows' stored order ({@link DenseRows#slotOf}). */
  private final byte[] codes;
  private final float[] scale;
  /** ‖q_x‖², stored order. */
  private final int[] codeNorm2;
  /** ε_x ≥ ‖x − μ − s_x·q_x‖, stored order. */
  private final double[] error;
  /** Whether ⟨q_x, q_c⟩ runs on {@link VectorCodeKernel}. */
  private final boolean vector;
  /** {@link RowKernels#underflowBound}: more than the float distance can lose to underflow. */
  private final double underflow;

  private QuantizedBound(int dim, byte[] codes, float[] scale, int[] codeNorm2, double[] error,
      boolean vector) {
    this.dim = dim;
    this.codes = codes;
    this.scale = scale;
    this.codeNorm2 = codeNorm2;
    this.error = error;
    this.vector = vector;
    this.underflow = RowKernels.underflowBound(dim);
  }

  /**
   * Codes every row of {@code rows} around the mean of its first {@code tracked} rows, on the
   * backend's workers; the inner products run on the Vector API when {@code vector} (which
   * requires {@link JavaBackend#vectorApiAvailable()}). Needs {@code rows.dim() <= MAX_DIM}.
   */
  static QuantizedBound of(ComputeBackend backend, DenseRows rows, int tracked, boolean vector) {
    int d = rows.dim();
    if (d > MAX_DIM) {
      throw new IllegalArgumentException("int8 codes need at most " + MAX_DIM + " coordinates, got " + d);
    }
    int total = rows.size();
    float[] mean = rows.mean(0, Math.max(1, Math.min(tracked, total)));
    byte[] codes = new byte[Math.multiplyExact(total, d)];
    float[] scale = new float[total];
    int[] codeNorm2 = new int[total];
    double[] error = new double[total];
    int chunk = EuclideanTracker.CHUNK;
    backend.parallelFor((total + chunk - 1) / chunk, t -> {
      for (int x = t * chunk; x < Math.min(total, (t + 1) * chunk); x++) {
        encode(rows.row(x), mean, codes, rows.slotOf(x), scale, codeNorm2, error);
      }
    });
    return new QuantizedBound(d, codes, scale, codeNorm2, error, vector);
  }

  /** Codes {@code row} into stored position {@code slot}. */
  private static void encode(float[] row, float[] mean, byte[] codes, int slot, float[] scale,
      int[] codeNorm2, double[] error) {
    int d = row.length;
    float max = 0;
    for (int k = 0; k < d; k++) {
      max = Math.max(max, Math.abs(row[k] - mean[k]));
    }
    if (!Float.isFinite(max)) {
      error[slot] = Double.POSITIVE_INFINITY;
      return;
    }
    float s = max / LEVELS;
    int norm2 = 0;
    double sum = 0;
    for (int k = 0; k < d; k++) {
      float y = row[k] - mean[k];
      int q = s == 0 ? 0 : Math.max(-LEVELS, Math.min(LEVELS, Math.round(y / s)));
      codes[slot * d + k] = (byte) q;
      norm2 += q * q;
      double t = ((double) row[k] - mean[k]) - (double) s * q;
      sum += t * t;
    }
    scale[slot] = s;
    codeNorm2[slot] = norm2;
    error[slot] = (1 + 0x1p-20) * Math.sqrt(sum) + 0x1p-48 * Math.sqrt(d) * max;
  }

  /**
   * Whether ‖x − c‖² is certainly at least {@code current}·(1 + slack), so that the exact
   * distance of x to c cannot lower x's squared distance {@code current}; x and c are given by
   * their stored positions ({@link DenseRows#slotOf}).
   */
  boolean cannotLower(int xSlot, int cSlot, double current) {
    int dot = vector ? VectorCodeKernel.dot(codes, xSlot * dim, codes, cSlot * dim, dim)
        : dot(codes, xSlot * dim, codes, cSlot * dim, dim);
    double sx = scale[xSlot];
    double sc = scale[cSlot];
    double a = sx * sx * codeNorm2[xSlot];
    double b = sc * sc * codeNorm2[cSlot];
    double cross = 2 * sx * sc * dot;
    double squared = a + b - cross - 0x1p-48 * (a + b + Math.abs(cross));
    if (squared <= 0) {
      return false;
    }
    double lower = Math.sqrt(squared) * (1 - 0x1p-50) - error[xSlot] - error[cSlot];
    return lower > 0 && lower * lower >= current * SLACK + underflow;
  }

  /** ⟨a[ai, ai + d), b[bi, bi + d)⟩ as int8 codes, summed exactly (the scalar reference). */
  static int dot(byte[] a, int ai, byte[] b, int bi, int d) {
    int s = 0;
    for (int k = 0; k < d; k++) {
      s += a[ai + k] * b[bi + k];
    }
    return s;
  }
}
