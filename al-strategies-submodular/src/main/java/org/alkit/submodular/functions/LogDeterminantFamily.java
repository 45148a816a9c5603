package org.alkit.submodular.functions;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.alkit.submodular.SetFunction;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * Log-determinant and its information measures (submodlib's LogDeterminant, LogDeterminantMI,
 * LogDeterminantCG, LogDeterminantCMI; Iyer et al. submodlib; Kothawade et al. PRISM). With
 * ld(X) = log det(S_X) on the {@link SuperKernel} S (λ on its diagonal) and two conditioning sets
 * B₁ ⊆ B₂ of query/private items:
 *
 * <pre>
 *   f(A) = [ld(A ∪ B₁) − ld(B₁)] − [ld(A ∪ B₂) − ld(B₂)]      (second bracket only with B₂)
 *   f(j | A) = log d_j(A ∪ B₁) − log d_j(A ∪ B₂)              (Schur complements, see CholeskyMemo)
 * </pre>
 *
 * log-det: B₁ = ∅, no B₂. CG: B₁ = P. MI: B₁ = ∅, B₂ = Q, i.e. f(A) + f(Q) − f(A ∪ Q). CMI:
 * B₁ = P, B₂ = Q ∪ P. {@link #evaluate} factorises S_X from scratch with EJML's Cholesky, S_X
 * taken from the rows of S for X. Both read S by its diagonal and rows only, so plain log-det
 * built from features computes just the k + 1 kernel rows it needs ({@link KernelRows#onDemand}).
 */
final class LogDeterminantFamily implements SetFunction {
  private final SuperKernel s;
  private final int n;
  private final int[] base;
  private final int[] secondBase;
  private final CholeskyMemo baseMemo;
  private final CholeskyMemo secondBaseMemo;
  private CholeskyMemo memo;
  private CholeskyMemo secondMemo;

  /**
   * @param n the ground-set size (super-kernel items 0..n−1)
   * @param base B₁ as super-kernel indices
   * @param secondBase B₂ as super-kernel indices, or {@code null}
   */
  LogDeterminantFamily(SuperKernel s, int n, int[] base, int[] secondBase) {
    this.s = s;
    this.n = n;
    this.base = base;
    this.secondBase = secondBase;
    this.baseMemo = conditioned(s, base);
    this.secondBaseMemo = secondBase == null ? null : conditioned(s, secondBase);
    clear();
  }

  /** The super-kernel indices of all queries (when {@code queries}) and all private items (when {@code privates}). */
  static int[] items(SuperKernel s, boolean queries, boolean privates) {
    IntStream q = queries ? IntStream.range(0, s.queries()).map(s::query) : IntStream.empty();
    IntStream p = privates ? IntStream.range(0, s.privates()).map(s::privateItem) : IntStream.empty();
    return IntStream.concat(q, p).toArray();
  }

  private static CholeskyMemo conditioned(SuperKernel s, int[] items) {
    CholeskyMemo m = new CholeskyMemo(s);
    for (int x : items) {
      m.add(x);
    }
    return m;
  }

  @Override
  public int groundSize() {
    return n;
  }

  @Override
  public double evaluate(int[] set) {
    double v = logDet(union(set, base)) - logDet(base);
    if (secondBase != null) {
      v -= logDet(union(set, secondBase)) - logDet(secondBase);
    }
    return v;
  }

  private static int[] union(int[] a, int[] b) {
    int[] u = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, u, a.length, b.length);
    return u;
  }

  /** log det S_X by a Cholesky factorisation, S_X from |X| rows of S; −∞ when S_X is not positive definite. */
  private double logDet(int[] x) {
    if (x.length == 0) {
      return 0;
    }
    DMatrixRMaj m = new DMatrixRMaj(x.length, x.length);
    for (int a = 0; a < x.length; a++) {
      double[] row = s.row(x[a]);
      for (int b = 0; b < x.length; b++) {
        m.set(a, b, row[x[b]]);
      }
    }
    CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(x.length, true);
    if (!chol.decompose(m)) {
      return Double.NEGATIVE_INFINITY;
    }
    DMatrixRMaj l = chol.getT(null);
    double sum = 0;
    for (int a = 0; a < x.length; a++) {
      sum += Math.log(l.get(a, a));
    }
    return 2 * sum;
  }

  @Override
  public double gain(int j) {
    return secondMemo == null ? memo.gain(j) : memo.gain(j) - secondMemo.gain(j);
  }

  @Override
  public void add(int j) {
    memo.add(j);
    if (secondMemo != null) {
      secondMemo.add(j);
    }
  }

  @Override
  public void clear() {
    memo = baseMemo.copy();
    secondMemo = secondBaseMemo == null ? null : secondBaseMemo.copy();
  }

  /** True without B₂ (log-det and its conditional gain); MI forms of log-det need not be submodular. */
  @Override
  public boolean isSubmodular() {
    return secondBase == null;
  }
}
