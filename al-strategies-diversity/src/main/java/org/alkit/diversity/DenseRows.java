package org.alkit.diversity;

import org.alkit.api.Matrix;

/** Points given by their coordinates: a compact row-major copy of some rows of a {@link Matrix}. */
final class DenseRows implements Points {
  private final float[] data;
  private final int rows;
  private final int dim;

  private DenseRows(float[] data, int rows, int dim) {
    this.data = data;
    this.rows = rows;
    this.dim = dim;
  }

  /** The given rows of {@code m}, in the given order (copied once, {@code O(rows · cols)}). */
  static DenseRows of(Matrix m, int[] rowIndices) {
    return new DenseRows(m.select(rowIndices).toArray(), rowIndices.length, m.cols());
  }

  /** The rows of {@code first} followed by the rows of {@code second}. */
  static DenseRows concat(Matrix m, int[] first, int[] second) {
    int[] all = new int[first.length + second.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return of(m, all);
  }

  @Override
  public int size() {
    return rows;
  }

  /** The number of coordinates. */
  int dim() {
    return dim;
  }

  @Override
  public double squaredDistance(int i, int j) {
    return Kernels.squaredDistance(data, i * dim, data, j * dim, dim);
  }

  /** ‖x_i − v‖² for the vector {@code v[offset, offset + dim())}. */
  double squaredDistanceTo(int i, float[] v, int offset) {
    return Kernels.squaredDistance(data, i * dim, v, offset, dim);
  }

  /** Rows {@code [from, to)} as a matrix view for the compute backend (no copy). */
  Matrix matrix(int from, int to) {
    return Matrix.wrap(rows, dim, data).rows(from, to);
  }

  /** Adds row {@code i} to {@code acc} (length {@link #dim()}). */
  void addRowTo(int i, double[] acc) {
    int base = i * dim;
    for (int k = 0; k < dim; k++) {
      acc[k] += data[base + k];
    }
  }

  /** A copy of row {@code i}. */
  float[] row(int i) {
    float[] out = new float[dim];
    System.arraycopy(data, i * dim, out, 0, dim);
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
    int base = i * dim;
    for (int k = 0; k < dim; k++) {
      dst[k] = data[base + k] - shift[k];
    }
  }
}
