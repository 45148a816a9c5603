package org.alkit.submodular.functions;

import org.alkit.api.Matrix;
import org.alkit.submodular.SetFunction;

/**
 * Graph cut and its information measures (submodlib's GraphCut, GCCG, GCMI; Iyer et al. submodlib;
 * Kothawade et al. PRISM) as one memoized form:
 *
 * <pre>
 *   f(A) = Σ_{j∈A} u_j − λ Σ_{i∈A} Σ_{j∈A} K_ij
 *   f(j | A) = u_j − λ (Σ_{a∈A} (K_aj + K_ja) + K_jj)
 * </pre>
 *
 * u_j is the column sum Σ_i K_ij for graph cut, that minus 2λν Σ_p KP_jp for GCCG, and Σ_q KQ_jq
 * for GCMI, which has no pairwise term (it is modular). The memo Σ_{a∈A} (K_aj + K_ja) is double.
 * Submodular for λ ≥ 0; monotone for λ ≤ 1/2 on a kernel in [0, 1].
 */
final class GraphCutFamily implements SetFunction {
  private final double[] unary;
  private final Matrix pairwise;
  private final double lambda;
  private final double[] memo;

  /**
   * @param unary u_j per candidate
   * @param pairwise K (n × n), or {@code null} for the modular form
   * @param lambda λ ≥ 0, float32 as in submodlib
   */
  GraphCutFamily(double[] unary, Matrix pairwise, float lambda) {
    this.unary = unary;
    this.pairwise = pairwise;
    this.lambda = lambda;
    this.memo = new double[unary.length];
  }

  /** Σ_i m[i][j] for each column j, in double. */
  static double[] columnSums(Matrix m) {
    double[] s = new double[m.cols()];
    for (int i = 0; i < m.rows(); i++) {
      for (int j = 0; j < m.cols(); j++) {
        s[j] += m.get(i, j);
      }
    }
    return s;
  }

  /** Σ_t m[i][t] for each row i, in double. */
  static double[] rowSums(Matrix m) {
    double[] s = new double[m.rows()];
    for (int i = 0; i < m.rows(); i++) {
      for (int t = 0; t < m.cols(); t++) {
        s[i] += m.get(i, t);
      }
    }
    return s;
  }

  @Override
  public int groundSize() {
    return unary.length;
  }

  @Override
  public double evaluate(int[] set) {
    double value = 0;
    for (int j : set) {
      value += unary[j];
    }
    if (pairwise != null) {
      double pairs = 0;
      for (int i : set) {
        for (int j : set) {
          pairs += pairwise.get(i, j);
        }
      }
      value -= lambda * pairs;
    }
    return value;
  }

  @Override
  public double gain(int j) {
    return pairwise == null ? unary[j] : unary[j] - lambda * (memo[j] + pairwise.get(j, j));
  }

  @Override
  public void add(int a) {
    if (pairwise == null) {
      return;
    }
    for (int j = 0; j < memo.length; j++) {
      memo[j] += (double) pairwise.get(a, j) + pairwise.get(j, a);
    }
  }

  @Override
  public void clear() {
    java.util.Arrays.fill(memo, 0);
  }

  @Override
  public boolean isSubmodular() {
    return true;
  }
}
