package org.alkit.submodular.functions;

import org.alkit.api.Matrix;

/**
 * The symmetric (n + q + p) super-kernel of submodlib's log-det information measures, with λ added
 * to every diagonal entry:
 *
 * <pre>
 *   S = [[K,     η·KQ,  ν·KP],
 *        [·,     KQQ,   KQP ],
 *        [·,     ·,     KPP ]] + λI
 * </pre>
 *
 * Items 0..n−1 are the ground set, n..n+q−1 the queries, n+q..n+q+p−1 the private items. The η/ν
 * products are float32, as in submodlib; KQP is not scaled. Absent blocks have size 0. S is read
 * by its diagonal and by whole rows, so K may be computed row by row ({@link KernelRows}).
 */
final class SuperKernel {
  private final KernelRows k;
  private final Matrix kq;
  private final Matrix kp;
  private final Matrix kqq;
  private final Matrix kpp;
  private final Matrix kqp;
  private final int n;
  private final int q;
  private final int size;
  private final double lambda;

  /** Any of kq/kqq, kp/kpp, kqp may be {@code null} when that block is absent. */
  SuperKernel(KernelRows k, Matrix kq, Matrix kqq, Matrix kp, Matrix kpp, Matrix kqp,
      float eta, float nu, double lambda) {
    this.k = k;
    this.kq = kq == null ? null : Inputs.scaled(kq, eta);
    this.kp = kp == null ? null : Inputs.scaled(kp, nu);
    this.kqq = kqq;
    this.kpp = kpp;
    this.kqp = kqp;
    this.n = k.size();
    this.q = kq == null ? 0 : kq.cols();
    this.size = n + q + (kp == null ? 0 : kp.cols());
    this.lambda = lambda;
  }

  int size() {
    return size;
  }

  /** The super-kernel index of query t. */
  int query(int t) {
    return n + t;
  }

  /** The super-kernel index of private item r. */
  int privateItem(int r) {
    return n + q + r;
  }

  int queries() {
    return q;
  }

  int privates() {
    return size - n - q;
  }

  /** S_xx, λ included. */
  double diagonal(int x) {
    return (x < n ? k.diagonal(x) : block(x, x)) + lambda;
  }

  /** Row a of S, S_ax for x = 0..size−1, λ included at x = a; reads one row of K when a &lt; n. */
  double[] row(int a) {
    double[] out = new double[size];
    int x = 0;
    if (a < n) {
      float[] ka = k.row(a);
      for (; x < n; x++) {
        out[x] = ka[x];
      }
    }
    for (; x < size; x++) {
      out[x] = block(a, x);
    }
    out[a] += lambda;
    return out;
  }

  /** S_xy − λ[x = y] for an entry outside the K block (x ≥ n or y ≥ n). */
  private double block(int x, int y) {
    if (x > y) {
      int t = x;
      x = y;
      y = t;
    }
    if (x < n) {
      return y < n + q ? kq.get(x, y - n) : kp.get(x, y - n - q);
    } else if (x < n + q) {
      return y < n + q ? kqq.get(x - n, y - n) : kqp.get(x - n, y - n - q);
    }
    return kpp.get(x - n - q, y - n - q);
  }
}
