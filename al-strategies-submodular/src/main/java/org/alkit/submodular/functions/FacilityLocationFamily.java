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
 * difference is taken in float32 and summed in double.
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
   * f(j | A) = u_j + Σ_i [ min(max(M_i, S_ij), c_i) − min(M_i, c_i) ], summed serially in row order
   * in double. A row with S_ij ≤ M_i (most rows once A covers the ground set) adds exactly +0:
   * the two minima are then equal (up to the sign of a zero) and their difference is +0. Such rows are
   * skipped unless c_i is NaN, which would make the term NaN; a NaN S_ij or M_i fails the test and
   * is summed. Leaving out +0 terms keeps the sum bit for bit once u_j = −0 is made the +0 that the
   * first row term would make it, and spares the serial double additions, the loop's bottleneck,
   * for every row that j no longer improves. Without a cap (all c_i = +∞) on dense columns the
   * term is S_ij − M_i, see {@link #uncappedDenseGain}.
   */
  @Override
  public double gain(int j) {
    double g = modular[j] + 0.0;
    Matrix dense = columns.dense();
    if (uncapped && dense != null) {
      return uncappedDenseGain(dense, j, g);
    }
    for (int t = 0, size = columns.size(j); t < size; t++) {
      int i = columns.row(j, t);
      float m = memo[i];
      float v = columns.value(j, t);
      float c = cap[i];
      if (!(v <= m) || Float.isNaN(c)) {
        g += Math.min(Math.max(m, v), c) - Math.min(m, c);
      }
    }
    return g;
  }

  /**
   * {@code g} + Σ_i (S_ij − M_i) over the rows where S_ij ≤ M_i is false, serially in row order,
   * for dense column j (row j of {@code dense}) and all c_i = +∞: the terms and sum of
   * {@link #gain} bit for bit, since min(max(M_i, S_ij), +∞) − min(M_i, +∞) = max(M_i, S_ij) − M_i
   * is S_ij − M_i when S_ij &gt; M_i and NaN when either is NaN, without reading c_i or row indices.
   */
  private double uncappedDenseGain(Matrix dense, int j, double g) {
    float[] m = memo;
    for (int i = 0; i < m.length; i++) {
      float v = dense.get(j, i);
      if (!(v <= m[i])) {
        g += v - m[i];
      }
    }
    return g;
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
