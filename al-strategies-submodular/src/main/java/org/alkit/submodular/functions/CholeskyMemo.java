package org.alkit.submodular.functions;

import java.util.ArrayList;
import java.util.List;

/**
 * An incremental Cholesky factor of S_X (X the items added so far) kept for every super-kernel
 * item at once: for each item x the residual d_x = S_xx − s_Xx^T S_X^{-1} s_Xx, the Schur complement
 * of S_X in S_{X∪{x}}. Then log det S_{X∪{x}} − log det S_X = log d_x (an O(1) gain), and adding an
 * item costs O(|X| · size) for its new factor column. All in double.
 */
final class CholeskyMemo {
  private final SuperKernel s;
  private final double[] residual;
  private final List<double[]> factor;

  CholeskyMemo(SuperKernel s) {
    this.s = s;
    this.residual = new double[s.size()];
    for (int x = 0; x < residual.length; x++) {
      residual[x] = s.diagonal(x);
    }
    this.factor = new ArrayList<>();
  }

  private CholeskyMemo(CholeskyMemo other) {
    this.s = other.s;
    this.residual = other.residual.clone();
    this.factor = new ArrayList<>(other.factor);
  }

  /** An independent copy; factor columns are never changed once written, so they are shared. */
  CholeskyMemo copy() {
    return new CholeskyMemo(this);
  }

  /** log det S_{X∪{x}} − log det S_X, for x not in X. */
  double gain(int x) {
    return Math.log(residual[x]);
  }

  /** X := X ∪ {a}. */
  void add(int a) {
    double[] column = s.row(a);
    for (double[] previous : factor) {
      double pa = previous[a];
      for (int x = 0; x < column.length; x++) {
        column[x] -= pa * previous[x];
      }
    }
    double pivot = Math.sqrt(residual[a]);
    for (int x = 0; x < column.length; x++) {
      column[x] /= pivot;
      residual[x] -= column[x] * column[x];
    }
    factor.add(column);
  }
}
