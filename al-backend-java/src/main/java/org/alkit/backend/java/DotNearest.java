package org.alkit.backend.java;

import java.util.Arrays;

/**
 * The nearest centre of every tracked row by {@link DenseRows#squaredDistance}, the summation the
 * k-center tracker uses, found with one multiply-add per pair and coordinate instead of the
 * subtraction and multiply-add of a squared-difference kernel: ‖x − c‖² = ‖x‖² + ‖c‖² − 2·x·c,
 * where only x·c is computed per pair (the backend's dot-product kernel, blocked and
 * vectorised as {@link JavaBackend#gram}) and ‖x‖² does not change which centre is nearest. On
 * greedy k-center's start (Sener &amp; Savarese 2018, Algorithm 3: every unlabeled row against
 * every labeled one) this is the all-pairs pass that a BLAS user runs as a matrix product.
 *
 * <p><b>Exactness.</b> The expanded form cancels, so it decides only where its error cannot
 * matter. The float dot product of d terms is off by at most γ_d·‖x‖·‖c‖ (γ_d = d·2⁻²⁴/(1 − d·2⁻²⁴);
 * Higham, "Accuracy and Stability of Numerical Algorithms", 2002, §3.1), so each expanded value
 * e_c = ‖c‖² − 2·x·c is within {@code tol(x)} = 2.02·γ_d·‖x‖·max‖c‖ + ρ·max‖c‖² + 2⁻⁴⁰·‖x‖² of the
 * true one (the second term also covers the float rounding of ‖c‖², at most ρ·max‖c‖²), and
 * {@link RowKernels#squaredDistance} is within a relative ρ = (d/8 + 10)·2⁻²⁴ of
 * the true squared distance. When the second smallest e_c exceeds the smallest by more than
 * 2·tol(x) + ρ·(true distances of both) + 6·{@link RowKernels#underflowBound} (what the float
 * products, norms and distances can lose to underflow), the smallest is the unique nearest centre under
 * {@code squaredDistance} too, and it is taken; otherwise (near ties, duplicate centres) the row
 * is compared with every centre by {@code squaredDistance}, ties to the lower centre index. The
 * result is therefore the argmin a plain scan by {@code squaredDistance} returns.
 */
final class DotNearest {
  private DotNearest() {}

  /**
   * For each of the first {@code n} rows of {@code rows}, the index in {@code [0, m)} of its
   * nearest row among rows {@code [n, n + m)} by {@link DenseRows#squaredDistance}, ties to the
   * lower index ({@code m >= 1}; rows in logical order, before {@link DenseRows#cluster}).
   */
  static int[] of(JavaBackend backend, DenseRows rows, int n, int m) {
    int d = rows.dim();
    double[] centreNorm2 = squaredNorms(backend, rows, n, n + m);
    double[] rowNorm2 = squaredNorms(backend, rows, 0, n);
    double maxCentreNorm2 = Arrays.stream(centreNorm2).max().orElseThrow();
    double maxCentreNorm = Math.sqrt(maxCentreNorm2);
    double gamma = d * 0x1p-24 / (1 - d * 0x1p-24);
    double rho = (d / 8 + 10) * 0x1p-24;
    double underflow = RowKernels.underflowBound(d);
    int[] nearest = new int[n];
    double[] best = new double[n];
    double[] second = new double[n];
    backend.dots(rows.matrix(0, n), rows.matrix(n, n + m), i0 -> (start, j0, ni, nj, values) -> {
      for (int i = 0; i < ni; i++) {
        int x = start + i;
        float[] v = values[i];
        double b = j0 == 0 ? Double.POSITIVE_INFINITY : best[x];
        double s = j0 == 0 ? Double.POSITIVE_INFINITY : second[x];
        int at = j0 == 0 ? 0 : nearest[x];
        for (int j = 0; j < nj; j++) {
          double e = centreNorm2[j0 + j] - 2.0 * v[j];
          if (e < s) {
            if (e < b) {
              s = b;
              b = e;
              at = j0 + j;
            } else {
              s = e;
            }
          }
        }
        best[x] = b;
        second[x] = s;
        nearest[x] = at;
      }
    });
    backend.parallelFor((n + EuclideanTracker.CHUNK - 1) / EuclideanTracker.CHUNK, t -> {
      for (int x = t * EuclideanTracker.CHUNK; x < Math.min(n, (t + 1) * EuclideanTracker.CHUNK); x++) {
        double tol = 2.02 * gamma * Math.sqrt(rowNorm2[x]) * maxCentreNorm + rho * maxCentreNorm2
            + 0x1p-40 * rowNorm2[x];
        double nearD2 = rowNorm2[x] + best[x] + tol;
        double nextD2 = rowNorm2[x] + second[x] + tol;
        if (!(second[x] - best[x] > 2 * tol + rho * (nearD2 + nextD2) + 6 * underflow)) {
          nearest[x] = scan(rows, x, n, m);
        }
      }
    });
    return nearest;
  }

  /** The nearest of rows {@code [n, n + m)} to row {@code x} by a plain scan, ties to the lower. */
  private static int scan(DenseRows rows, int x, int n, int m) {
    int at = 0;
    double best = rows.squaredDistance(x, n);
    for (int j = 1; j < m; j++) {
      double d2 = rows.squaredDistance(x, n + j);
      if (d2 < best) {
        best = d2;
        at = j;
      }
    }
    return at;
  }

  /** ‖row‖² of rows {@code [from, to)}, summed in double. */
  private static double[] squaredNorms(JavaBackend backend, DenseRows rows, int from, int to) {
    double[] out = new double[to - from];
    float[] origin = new float[rows.dim()];
    backend.parallelFor((out.length + EuclideanTracker.CHUNK - 1) / EuclideanTracker.CHUNK, t -> {
      for (int i = t * EuclideanTracker.CHUNK; i < Math.min(out.length, (t + 1) * EuclideanTracker.CHUNK); i++) {
        out[i] = rows.squaredDistanceTo(from + i, origin, 0);
      }
    });
    return out;
  }
}
