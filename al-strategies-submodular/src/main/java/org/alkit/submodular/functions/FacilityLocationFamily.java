package org.alkit.submodular.functions;

import java.util.Arrays;
import org.alkit.api.Matrix;
import org.alkit.submodular.SetFunction;
import org.alkit.submodular.optimizers.GainCost;

/**
 * Facility location and its information measures (submodlib's FacilityLocation, FLMI, FLVMI, FLCG,
 * FLCMI; Iyer et al. submodlib; Kothawade et al. PRISM), all as one memoized form over r
 * represented rows and n candidates:
 *
 * <pre>
 *   f(A) = Σ_i [ min(M_i(A), c_i) − p_i ] + Σ_{j∈A} u_j,    M_i(A) = max(p_i, max_{j∈A} S_ij)
 *   f(j | A) = Σ_i [ min(max(M_i, S_ij), c_i) − min(M_i, c_i) ] + u_j
 * </pre>
 *
 * with a floor p_i ≥ 0 (what the private set already covers, 0 without one), a cap c_i ≥ p_i (the
 * query saturation, +∞ without one) and modular weights u_j (0 except for FLVMI). The memo M_i is
 * float32 and starts at p_i, so negative similarities are clamped at 0 as in submodlib; each row
 * difference is taken in float32 and summed in double (in eight interleaved partial sums, see
 * {@link #gain}).
 */
final class FacilityLocationFamily implements SetFunction, GainCost {
  private final Columns columns;
  private final float[] floor;
  private final float[] cap;
  private final boolean uncapped;
  private final double[] modular;
  private final float[] memo;

  /**
   * @param floor p_i per row, or {@code null} for 0
   * @param cap c_i per row, or {@code null} for +∞
   * @param modular u_j per candidate, or {@code null} for 0
   */
  FacilityLocationFamily(Columns columns, float[] floor, float[] cap, double[] modular) {
    this.columns = columns;
    this.floor = floor == null ? new float[columns.rows()] : floor;
    this.cap = cap == null ? filled(columns.rows(), Float.POSITIVE_INFINITY) : cap;
    this.uncapped = cap == null;
    this.modular = modular == null ? new double[columns.columns()] : modular;
    this.memo = this.floor.clone();
  }

  /** Per row i: max(lowest, max_t factor·m[i][t]) with the product in float32, as submodlib scales then maximises. */
  static float[] scaledRowMax(Matrix m, float factor, float lowest) {
    Matrix s = Inputs.scaled(m, factor);
    float[] out = filled(m.rows(), lowest);
    for (int i = 0; i < m.rows(); i++) {
      for (int t = 0; t < m.cols(); t++) {
        out[i] = Math.max(out[i], s.get(i, t));
      }
    }
    return out;
  }

  private static float[] filled(int size, float v) {
    float[] a = new float[size];
    Arrays.fill(a, v);
    return a;
  }

  @Override
  public int groundSize() {
    return columns.columns();
  }

  @Override
  public double evaluate(int[] set) {
    float[] m = floor.clone();
    double value = 0;
    for (int j : set) {
      cover(m, j);
      value += modular[j];
    }
    for (int i = 0; i < m.length; i++) {
      value += Math.min(m[i], cap[i]) - floor[i];
    }
    return value;
  }

  /**
   * f(j | A) = u_j + Σ_i [ min(max(M_i, S_ij), c_i) − min(M_i, c_i) ], each row term in float32,
   * summed in double in a fixed order: entry t of column j goes to partial sum t mod 8, each
   * partial adds its terms in entry order, and u_j + ((s₀ + s₁) + (s₂ + s₃)) + ((s₄ + s₅) + (s₆ + s₇))
   * ends it. Eight independent partial sums keep the double additions, the loop's bottleneck when
   * summed serially, from waiting on one another (about five times faster on a dense column); the
   * order is the same for every column and thread, so equal columns get equal gains.
   *
   * <p>A row with S_ij ≤ M_i (most rows once A covers the ground set) adds exactly +0: the two
   * minima are then equal (up to the sign of a zero) and their difference is +0. Such rows are
   * skipped unless c_i is NaN, which would make the term NaN; a NaN S_ij or M_i fails the test and
   * is summed. A partial sum starts at +0 and never becomes −0, so leaving out +0 terms changes no
   * bit. Without a cap (all c_i = +∞) on dense columns the term is S_ij − M_i, see
   * {@link #uncappedDenseGain}.
   */
  @Override
  public double gain(int j) {
    Matrix dense = columns.dense();
    if (uncapped && dense != null) {
      return uncappedDenseGain(dense, j);
    }
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double s4 = 0;
    double s5 = 0;
    double s6 = 0;
    double s7 = 0;
    int size = columns.size(j);
    int t = 0;
    for (; t + PARTIALS <= size; t += PARTIALS) {
      s0 += term(j, t);
      s1 += term(j, t + 1);
      s2 += term(j, t + 2);
      s3 += term(j, t + 3);
      s4 += term(j, t + 4);
      s5 += term(j, t + 5);
      s6 += term(j, t + 6);
      s7 += term(j, t + 7);
    }
    int rest = size - t; // fewer than PARTIALS entries, into the first partial sums
    s0 += rest > 0 ? term(j, t) : 0;
    s1 += rest > 1 ? term(j, t + 1) : 0;
    s2 += rest > 2 ? term(j, t + 2) : 0;
    s3 += rest > 3 ? term(j, t + 3) : 0;
    s4 += rest > 4 ? term(j, t + 4) : 0;
    s5 += rest > 5 ? term(j, t + 5) : 0;
    s6 += rest > 6 ? term(j, t + 6) : 0;
    return combine(modular[j], s0, s1, s2, s3, s4, s5, s6, s7);
  }

  /** Number of partial sums of a gain. */
  private static final int PARTIALS = 8;

  /** The row term of entry t of column j, or +0 where it is +0 whatever the cap (see {@link #gain}). */
  private float term(int j, int t) {
    int i = columns.row(j, t);
    float m = memo[i];
    float v = columns.value(j, t);
    float c = cap[i];
    if (!(v <= m) || Float.isNaN(c)) {
      return Math.min(Math.max(m, v), c) - Math.min(m, c);
    }
    return 0f;
  }

  /** u + ((s₀ + s₁) + (s₂ + s₃)) + ((s₄ + s₅) + (s₆ + s₇)): the one reduction order of {@link #gain}. */
  private static double combine(double u, double s0, double s1, double s2, double s3, double s4,
      double s5, double s6, double s7) {
    return u + (((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)));
  }

  /**
   * {@link #gain} bit for bit for dense column j (row j of {@code dense}) and all c_i = +∞:
   * min(max(M_i, S_ij), +∞) − min(M_i, +∞) = max(M_i, S_ij) − M_i is S_ij − M_i when S_ij &gt; M_i
   * and NaN when either is NaN, so the term is max(S_ij − M_i, +0) (NaN stays NaN), taken without
   * a branch and without reading c_i or row indices.
   */
  private double uncappedDenseGain(Matrix dense, int j) {
    float[] m = memo;
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double s4 = 0;
    double s5 = 0;
    double s6 = 0;
    double s7 = 0;
    int i = 0;
    for (; i + PARTIALS <= m.length; i += PARTIALS) {
      s0 += Math.max(dense.get(j, i) - m[i], 0f);
      s1 += Math.max(dense.get(j, i + 1) - m[i + 1], 0f);
      s2 += Math.max(dense.get(j, i + 2) - m[i + 2], 0f);
      s3 += Math.max(dense.get(j, i + 3) - m[i + 3], 0f);
      s4 += Math.max(dense.get(j, i + 4) - m[i + 4], 0f);
      s5 += Math.max(dense.get(j, i + 5) - m[i + 5], 0f);
      s6 += Math.max(dense.get(j, i + 6) - m[i + 6], 0f);
      s7 += Math.max(dense.get(j, i + 7) - m[i + 7], 0f);
    }
    int rest = m.length - i;
    s0 += rest > 0 ? Math.max(dense.get(j, i) - m[i], 0f) : 0;
    s1 += rest > 1 ? Math.max(dense.get(j, i + 1) - m[i + 1], 0f) : 0;
    s2 += rest > 2 ? Math.max(dense.get(j, i + 2) - m[i + 2], 0f) : 0;
    s3 += rest > 3 ? Math.max(dense.get(j, i + 3) - m[i + 3], 0f) : 0;
    s4 += rest > 4 ? Math.max(dense.get(j, i + 4) - m[i + 4], 0f) : 0;
    s5 += rest > 5 ? Math.max(dense.get(j, i + 5) - m[i + 5], 0f) : 0;
    s6 += rest > 6 ? Math.max(dense.get(j, i + 6) - m[i + 6], 0f) : 0;
    return combine(modular[j], s0, s1, s2, s3, s4, s5, s6, s7);
  }

  /** The entries of a column, on average: every row for dense columns, about k for a k-NN kernel. */
  @Override
  public long gainReads() {
    return columns.columns() == 0 ? 0 : columns.entries() / columns.columns();
  }

  @Override
  public void add(int j) {
    cover(memo, j);
  }

  private void cover(float[] m, int j) {
    for (int t = 0, size = columns.size(j); t < size; t++) {
      int i = columns.row(j, t);
      m[i] = Math.max(m[i], columns.value(j, t));
    }
  }

  @Override
  public void clear() {
    System.arraycopy(floor, 0, memo, 0, memo.length);
  }

  @Override
  public boolean isSubmodular() {
    return true;
  }
}
