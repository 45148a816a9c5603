package org.alkit.backend.java;

import org.alkit.api.Matrix;

/**
 * Points given by their coordinates: a compact row-major copy of some rows of a {@link Matrix}.
 *
 * <p>Rows are addressed by their logical index, the position in the rows they were copied from;
 * {@link #cluster} may then store them in another physical order (for memory locality: rows that
 * are read together sit together), which changes no value.
 */
final class DenseRows {
  private final float[] data;
  private final int rows;
  private final int dim;
  /** Physical slot of each logical row; null while they coincide. */
  private int[] slot;

  private DenseRows(float[] data, int rows, int dim) {
    this.data = data;
    this.rows = rows;
    this.dim = dim;
  }

  /** The given rows of {@code m}, in the given order (copied once, {@code O(rows · cols)}). */
  static DenseRows of(Matrix m, int[] rowIndices) {
    int d = m.cols();
    float[] data = new float[Math.multiplyExact(rowIndices.length, d)];
    float[] row = new float[d];
    for (int r = 0; r < rowIndices.length; r++) {
      System.arraycopy(m.copyRow(rowIndices[r], row), 0, data, r * d, d);
    }
    return new DenseRows(data, rowIndices.length, d);
  }

  /** The rows of {@code first} followed by the rows of {@code second}. */
  static DenseRows concat(Matrix m, int[] first, int[] second) {
    int[] all = new int[first.length + second.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return of(m, all);
  }

  /** The number of rows. */
  int size() {
    return rows;
  }

  /** The number of coordinates. */
  int dim() {
    return dim;
  }

  /** ‖x_i − x_j‖², summed as {@link RowKernels#squaredDistance}. */
  double squaredDistance(int i, int j) {
    return RowKernels.squaredDistance(data, base(i), data, base(j), dim);
  }

  /** ‖x_i − v‖² for the vector {@code v[offset, offset + dim())}. */
  double squaredDistanceTo(int i, float[] v, int offset) {
    return RowKernels.squaredDistance(data, base(i), v, offset, dim);
  }

  /**
   * Rows {@code [from, to)} as a matrix view for the compute backend (no copy); only before
   * {@link #cluster}.
   */
  Matrix matrix(int from, int to) {
    if (slot != null) {
      throw new IllegalStateException("rows are no longer in logical order");
    }
    return Matrix.wrap(rows, dim, data).rows(from, to);
  }

  /**
   * Every row as stored, a matrix view for the compute backend (no copy): row {@link #slotOf}(i)
   * of it is logical row i.
   */
  Matrix stored() {
    return Matrix.wrap(rows, dim, data);
  }

  /** The stored position of logical row {@code i}. */
  int slotOf(int i) {
    return slot == null ? i : slot[i];
  }

  /** Adds row {@code i} to {@code acc} (length {@link #dim()}). */
  void addRowTo(int i, double[] acc) {
    int base = base(i);
    for (int k = 0; k < dim; k++) {
      acc[k] += data[base + k];
    }
  }

  /** A copy of row {@code i}. */
  float[] row(int i) {
    float[] out = new float[dim];
    System.arraycopy(data, base(i), out, 0, dim);
    return out;
  }

  /** The mean of rows {@code [from, to)} (non-empty), summed in double. */
  float[] mean(int from, int to) {
    double[] sum = new double[dim];
    for (int i = from; i < to; i++) {
      addRowTo(i, sum);
    }
    float[] out = new float[dim];
    for (int k = 0; k < dim; k++) {
      out[k] = (float) (sum[k] / (to - from));
    }
    return out;
  }

  /** Row {@code i} minus {@code shift}, into {@code dst}. */
  void centredRow(int i, float[] shift, float[] dst) {
    int base = base(i);
    for (int k = 0; k < dim; k++) {
      dst[k] = data[base + k] - shift[k];
    }
  }

  /**
   * Stores logical rows {@code order[0], order[1], …} in physical slots {@code 0, 1, …}
   * ({@code order} a permutation of {@code [0, order.length)}; later rows stay), moving the rows
   * in place along the permutation's cycles with one row of scratch. Once only.
   */
  void cluster(int[] order) {
    if (slot != null) {
      throw new IllegalStateException("rows are already clustered");
    }
    int[] s = new int[rows];
    for (int i = 0; i < rows; i++) {
      s[i] = i;
    }
    boolean[] placed = new boolean[order.length];
    float[] tmp = new float[dim];
    for (int start = 0; start < order.length; start++) {
      if (placed[start]) {
        continue;
      }
      System.arraycopy(data, start * dim, tmp, 0, dim);
      int to = start;
      while (order[to] != start) {
        System.arraycopy(data, order[to] * dim, data, to * dim, dim);
        placed[to] = true;
        to = order[to];
      }
      System.arraycopy(tmp, 0, data, to * dim, dim);
      placed[to] = true;
    }
    for (int p = 0; p < order.length; p++) {
      s[order[p]] = p;
    }
    slot = s;
  }

  private int base(int i) {
    return slotOf(i) * dim;
  }
}
