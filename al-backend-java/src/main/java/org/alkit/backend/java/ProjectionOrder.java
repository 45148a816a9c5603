package org.alkit.backend.java;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.alkit.api.Matrix;

/**
 * Rows sorted by their projection u·x on one unit direction u, for {@link JavaBackend#withinRadius}:
 * as |u·x − u·y| ≤ ‖x − y‖, a block of sorted query rows whose projections span [a, b] can only
 * meet the sorted reference rows whose projections lie in [a − r, b + r], a contiguous range. u
 * is the top principal direction of a sample of the rows (power iteration), where the
 * projections spread most; any unit direction keeps the graph exact, a good one only prunes more.
 * Ties in the projection go to the lower row, so the order depends on the data alone.
 */
final class ProjectionOrder {
  /** Rows of the sample the direction is found on. */
  static final int SAMPLE = 2048;
  /** Power iterations. */
  static final int ITERATIONS = 20;

  private final int[] order;
  private final double[] values;
  private final Matrix sorted;
  private final double maxAbs;

  private ProjectionOrder(int[] order, double[] values, Matrix sorted, double maxAbs) {
    this.order = order;
    this.values = values;
    this.sorted = sorted;
    this.maxAbs = maxAbs;
  }

  /**
   * The top principal direction (unit, in double) of every ⌈rows / {@value #SAMPLE}⌉-th row,
   * centred, by {@value #ITERATIONS} power iterations from a fixed start; the first axis when the
   * sample does not vary.
   */
  static double[] direction(Matrix data) {
    int d = data.cols();
    double[] u = new double[d];
    if (d == 0) {
      return u;
    }
    int step = Math.max(1, (data.rows() + SAMPLE - 1) / SAMPLE);
    int m = (data.rows() + step - 1) / step;
    double[][] sample = new double[m][d];
    double[] mean = new double[d];
    for (int s = 0; s < m; s++) {
      for (int k = 0; k < d; k++) {
        sample[s][k] = data.get(s * step, k);
        mean[k] += sample[s][k] / m;
      }
    }
    for (double[] row : sample) {
      for (int k = 0; k < d; k++) {
        row[k] -= mean[k];
      }
    }
    SplittableRandom start = new SplittableRandom(0x5EEDL);
    for (int k = 0; k < d; k++) {
      u[k] = start.nextDouble() * 2 - 1;
    }
    for (int it = 0; it < ITERATIONS; it++) {
      double[] next = new double[d];
      for (double[] row : sample) {
        double along = 0;
        for (int k = 0; k < d; k++) {
          along += row[k] * u[k];
        }
        for (int k = 0; k < d; k++) {
          next[k] += along * row[k];
        }
      }
      double norm = Math.sqrt(Arrays.stream(next).map(x -> x * x).sum());
      if (!(norm > 0)) {
        Arrays.fill(u, 0);
        u[0] = 1;
        return u;
      }
      for (int k = 0; k < d; k++) {
        u[k] = next[k] / norm;
      }
    }
    return u;
  }

  /** The rows of {@code data} sorted by u·x (ties to the lower row), with their projections. */
  static ProjectionOrder of(Matrix data, double[] u) {
    int n = data.rows();
    double[] projection = new double[n];
    double maxAbs = 0;
    float[] row = new float[data.cols()];
    for (int i = 0; i < n; i++) {
      data.copyRow(i, row);
      double p = 0;
      for (int k = 0; k < row.length; k++) {
        p += u[k] * row[k];
      }
      projection[i] = p;
      maxAbs = Math.max(maxAbs, Math.abs(p));
    }
    Integer[] boxed = new Integer[n];
    Arrays.setAll(boxed, i -> i);
    Arrays.sort(boxed, (x, y) -> projection[x] != projection[y]
        ? Double.compare(projection[x], projection[y]) : Integer.compare(x, y));
    int[] order = new int[n];
    double[] values = new double[n];
    for (int p = 0; p < n; p++) {
      order[p] = boxed[p];
      values[p] = projection[order[p]];
    }
    return new ProjectionOrder(order, values, data.select(order), maxAbs);
  }

  /** The caller's row at each sorted position. */
  int[] order() {
    return order;
  }

  /** The rows in sorted order. */
  Matrix sorted() {
    return sorted;
  }

  /** The projection at sorted position {@code p}. */
  double value(int p) {
    return values[p];
  }

  /** The largest |u·x|. */
  double maxAbs() {
    return maxAbs;
  }

  /** The first sorted position whose projection is ≥ {@code x} (the row count if none). */
  int firstAtLeast(double x) {
    int lo = 0;
    int hi = values.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (values[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The first sorted position whose projection is &gt; {@code x} (the row count if none). */
  int firstAbove(double x) {
    int lo = 0;
    int hi = values.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (values[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
