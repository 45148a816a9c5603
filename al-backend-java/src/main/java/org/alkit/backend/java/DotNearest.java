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
 * <p><b>Exactness.</b> The expanded form cancels, so it only shortlists. The float dot product
 * of d terms is off by at most γ_d·‖x‖·‖c‖ (γ_d = d·2⁻²⁴/(1 − d·2⁻²⁴); Higham, "Accuracy and
 * Stability of Numerical Algorithms", 2002, §3.1), so each expanded value e_c = ‖c‖² − 2·x·c is
 * within tol(x) = 2.02·γ_d·‖x‖·max‖c‖ + ρ·max‖c‖² + 2⁻⁴⁰·‖x‖² of the true one (the second term
 * covers the float rounding of ‖c‖²), where ρ = (d/8 + 10)·2⁻²⁴ also bounds the relative error of
 * {@link RowKernels#squaredDistance}. A centre whose e_c exceeds the smallest by more than
 * margin(x) = 2·tol(x) + 2ρ·D²max(x) + 6·{@link RowKernels#underflowBound} (D²max(x) =
 * (‖x‖ + max‖c‖)² + tol(x) bounds every squared distance of x; the last term is what the float
 * products, norms and distances can lose to underflow) is farther than the nearest under
 * {@code squaredDistance} too. So each row keeps the centres within its margin of its smallest
 * e_c so far, up to {@value #SHORTLIST}; one left is the nearest, several are compared by
 * {@code squaredDistance}, ties to the lower index, and a row whose shortlist overflowed (many
 * near-ties, duplicate centres) is compared with every centre. The result is therefore the argmin
 * a plain scan by {@code squaredDistance} returns.
 */
final class DotNearest {
  /** Centres a row keeps within its margin before it falls back to comparing with every centre. */
  static final int SHORTLIST = 8;

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
    double[] margin = new double[n];
    for (int x = 0; x < n; x++) {
      double norm = Math.sqrt(rowNorm2[x]);
      double tol = 2.02 * gamma * norm * maxCentreNorm + rho * maxCentreNorm2 + 0x1p-40 * rowNorm2[x];
      double farthest2 = (norm + maxCentreNorm) * (norm + maxCentreNorm) + tol;
      margin[x] = 2 * tol + 2 * rho * farthest2 + 6 * underflow;
    }
    double[] best = new double[n];
    int[] listed = new int[n];
    int[] shortlist = new int[Math.multiplyExact(n, SHORTLIST)];
    double[] shortlistValue = new double[shortlist.length];
    backend.dots(rows.matrix(0, n), rows.matrix(n, n + m), i0 -> (start, j0, ni, nj, values) -> {
      for (int i = 0; i < ni; i++) {
        int x = start + i;
        float[] v = values[i];
        int base = x * SHORTLIST;
        double b = j0 == 0 ? Double.POSITIVE_INFINITY : best[x];
        int count = listed[x];
        for (int j = 0; j < nj; j++) {
          double e = centreNorm2[j0 + j] - 2.0 * v[j];
          if (e > b + margin[x] || count > SHORTLIST) {
            continue;
          }
          if (e < b) {
            b = e;
            int kept = 0;
            for (int q = 0; q < count; q++) {
              if (shortlistValue[base + q] <= b + margin[x]) {
                shortlist[base + kept] = shortlist[base + q];
                shortlistValue[base + kept++] = shortlistValue[base + q];
              }
            }
            count = kept;
          }
          if (count == SHORTLIST) {
            count = SHORTLIST + 1;
          } else {
            shortlist[base + count] = j0 + j;
            shortlistValue[base + count++] = e;
          }
        }
        best[x] = b;
        listed[x] = count;
      }
    });
    int[] nearest = new int[n];
    backend.parallelFor((n + EuclideanTracker.CHUNK - 1) / EuclideanTracker.CHUNK, t -> {
      for (int x = t * EuclideanTracker.CHUNK; x < Math.min(n, (t + 1) * EuclideanTracker.CHUNK); x++) {
        nearest[x] = listed[x] == 1 ? shortlist[x * SHORTLIST]
            : listed[x] > SHORTLIST ? scan(rows, x, n, m)
            : nearestListed(rows, x, n, shortlist, x * SHORTLIST, listed[x]);
      }
    });
    return nearest;
  }

  /**
   * The nearest of the {@code count} centres listed at {@code shortlist[from, from + count)}, in
   * ascending order, to row {@code x} by {@code squaredDistance}, ties to the lower.
   */
  private static int nearestListed(DenseRows rows, int x, int n, int[] shortlist, int from, int count) {
    int at = shortlist[from];
    double best = rows.squaredDistance(x, n + at);
    for (int q = from + 1; q < from + count; q++) {
      double d2 = rows.squaredDistance(x, n + shortlist[q]);
      if (d2 < best) {
        best = d2;
        at = shortlist[q];
      }
    }
    return at;
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
