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
 * products are float32, as in submodlib; KQP is not scaled. Absent blocks have size 0.
 */
final class SuperKernel {
  private final Matrix k;
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
  SuperKernel(Matrix k, Matrix kq, Matrix kqq, Matrix kp, Matrix kpp, Matrix kqp,
      float eta, float nu, double lambda) {
    this.k = k;
    this.kq = kq == null ? null : Inputs.scaled(kq, eta);
    this.kp = kp == null ? null : Inputs.scaled(kp, nu);
    this.kqq = kqq;
    this.kpp = kpp;
    this.kqp = kqp;
    this.n = k.rows();
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

  /** S_xy, λ included on the diagonal. */
  double get(int x, int y) {
    if (x > y) {
      int t = x;
      x = y;
      y = t;
    }
    double v;
    if (y < n) {
      v = k.get(x, y);
    } else if (x < n) {
      v = y < n + q ? kq.get(x, y - n) : kp.get(x, y - n - q);
    } else if (x < n + q) {
      v = y < n + q ? kqq.get(x - n, y - n) : kqp.get(x - n, y - n - q);
    } else {
      v = kpp.get(x - n - q, y - n - q);
    }
    return x == y ? v + lambda : v;
  }
}
