package org.alkit.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * An immutable {@code rows × cols} view of 32-bit floats, stored row-major in a {@code float[]}
 * with an offset and a row stride: element {@code (i, j)} lives at {@code offset + i·stride + j}.
 *
 * <p>Every signal a strategy reads (probabilities, embeddings, one Monte-Carlo sample, one
 * committee member) is a {@code Matrix}. Views share storage: {@link #rows(int, int)} and
 * {@link #wrap} copy nothing, so a pool of 10⁶ × 128 floats is held once. Nothing in this class
 * hands out the backing array, so a view cannot be changed through it. Every accessor checks its
 * row and column against this view's shape, so a view never reads its neighbours' storage.
 *
 * <pre>{@code
 * Matrix p = Matrix.of(new float[][] {{0.9f, 0.1f}, {0.5f, 0.5f}});
 * float margin = p.get(0, 0) - p.get(0, 1);
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public final class Matrix {
  private final float[] data;
  private final int offset;
  private final int rows;
  private final int cols;
  private final int stride;

  private Matrix(float[] data, int offset, int rows, int cols, int stride) {
    this.data = data;
    this.offset = offset;
    this.rows = rows;
    this.cols = cols;
    this.stride = stride;
  }

  /**
   * Wraps a row-major array without copying it. The caller hands the array over and must not
   * change it afterwards.
   *
   * @throws IllegalArgumentException if the sizes are negative or {@code data.length != rows·cols}
   */
  public static Matrix wrap(int rows, int cols, float[] data) {
    if (rows < 0 || cols < 0) {
      throw new IllegalArgumentException(
          "matrix shape must be non-negative, got rows = " + rows + ", cols = " + cols);
    }
    if ((long) rows * cols != data.length) {
      throw new IllegalArgumentException(
          "data.length = " + data.length + " does not match rows × cols = " + rows + " × " + cols);
    }
    return new Matrix(data, 0, rows, cols, cols);
  }

  /** Copies a rectangular {@code float[][]} (every row the same length). */
  public static Matrix of(float[][] values) {
    return copy(values.length, i -> values[i].length, (i, j) -> values[i][j]);
  }

  /** Copies a rectangular {@code double[][]}, rounding each value to float. */
  public static Matrix of(double[][] values) {
    return copy(values.length, i -> values[i].length, (i, j) -> (float) values[i][j]);
  }

  private interface Cell {
    float at(int i, int j);
  }

  private static Matrix copy(int rows, java.util.function.IntUnaryOperator rowLength, Cell cell) {
    int cols = rows == 0 ? 0 : rowLength.applyAsInt(0);
    float[] data = new float[rows * cols];
    for (int i = 0; i < rows; i++) {
      if (rowLength.applyAsInt(i) != cols) {
        throw new IllegalArgumentException(
            "row " + i + " has " + rowLength.applyAsInt(i) + " columns, row 0 has " + cols);
      }
      for (int j = 0; j < cols; j++) {
        data[i * cols + j] = cell.at(i, j);
      }
    }
    return new Matrix(data, 0, rows, cols, cols);
  }

  /** Number of rows (items). */
  public int rows() {
    return rows;
  }

  /** Number of columns (classes or features). */
  public int cols() {
    return cols;
  }

  /**
   * Element {@code (i, j)}.
   *
   * @throws IndexOutOfBoundsException if {@code i} or {@code j} is outside the view
   */
  public float get(int i, int j) {
    if (i < 0 || i >= rows || j < 0 || j >= cols) {
      throw new IndexOutOfBoundsException("element (" + i + ", " + j + ") is outside the "
          + rows + " × " + cols + " matrix");
    }
    return data[offset + i * stride + j];
  }

  /**
   * Copies row {@code i} into {@code dst[0..cols)} and returns {@code dst}.
   *
   * @throws IndexOutOfBoundsException if {@code i} is outside the view or {@code dst} is shorter
   *     than a row
   */
  public float[] copyRow(int i, float[] dst) {
    checkRow(i);
    if (dst.length < cols) {
      throw new IndexOutOfBoundsException("dst.length = " + dst.length + " is shorter than a row ("
          + cols + ")");
    }
    System.arraycopy(data, offset + i * stride, dst, 0, cols);
    return dst;
  }

  /** A fresh copy of row {@code i}. */
  public float[] row(int i) {
    return copyRow(i, new float[cols]);
  }

  /**
   * Dot product of row {@code i} of this matrix with row {@code j} of {@code other}: the chain
   * {@code s ← fma(a_k, b_k, s)} over {@code k = 0..cols−1}, one rounding per term, which compute
   * backends reproduce bit for bit.
   */
  public float dot(int i, Matrix other, int j) {
    requireSameCols(other);
    checkRow(i);
    other.checkRow(j);
    int a = offset + i * stride;
    int b = other.offset + j * other.stride;
    float s = 0f;
    for (int k = 0; k < cols; k++) {
      s = Math.fma(data[a + k], other.data[b + k], s);
    }
    return s;
  }

  /**
   * Squared Euclidean distance between row {@code i} of this matrix and row {@code j} of
   * {@code other}: the chain {@code s ← fma(t, t, s)} with {@code t = a_k − b_k} over
   * {@code k = 0..cols−1}, which compute backends reproduce bit for bit.
   */
  public float squaredDistance(int i, Matrix other, int j) {
    requireSameCols(other);
    checkRow(i);
    other.checkRow(j);
    int a = offset + i * stride;
    int b = other.offset + j * other.stride;
    float s = 0f;
    for (int k = 0; k < cols; k++) {
      float d = data[a + k] - other.data[b + k];
      s = Math.fma(d, d, s);
    }
    return s;
  }

  /**
   * The largest magnitude |v| for which the squared distance and the dot product of two rows of
   * {@code cols} columns stay finite in float: √(Float.MAX_VALUE / 4·cols), since
   * Σ (a − b)² ≤ cols · (2|v|)² ≤ Float.MAX_VALUE.
   */
  public static double distanceSafeMagnitude(int cols) {
    return Math.sqrt(Float.MAX_VALUE / (4.0 * Math.max(1, cols)));
  }

  /**
   * Throws unless every element is finite and at most {@code bound} in magnitude.
   *
   * @param name how messages call this matrix, e.g. {@code "--data"}
   * @throws InvalidInputException naming the first bad element {@code name[i][j]}, its value and the bound
   */
  public void requireFinite(String name, double bound) {
    for (int i = 0; i < rows; i++) {
      int row = offset + i * stride;
      for (int j = 0; j < cols; j++) {
        float v = data[row + j];
        if (!Float.isFinite(v)) {
          throw new InvalidInputException(name + "[" + i + "][" + j + "] = " + v + "; expected a finite value");
        }
        if (Math.abs(v) > bound) {
          throw new InvalidInputException(name + "[" + i + "][" + j + "] = " + v + "; expected |value| <= "
              + (float) bound + " so that squared distances between rows of " + cols
              + " columns stay finite in float (rescale the " + name + ")");
        }
      }
    }
  }

  /** A view of rows {@code [from, to)}; shares storage. */
  public Matrix rows(int from, int to) {
    if (from < 0 || to > rows || from > to) {
      throw new IndexOutOfBoundsException(
          "row range [" + from + ", " + to + ") is outside [0, " + rows + ")");
    }
    return new Matrix(data, offset + from * stride, to - from, cols, stride);
  }

  /** A new matrix holding the given rows, in the given order. */
  public Matrix select(int[] rowIndices) {
    float[] out = new float[rowIndices.length * cols];
    for (int r = 0; r < rowIndices.length; r++) {
      checkRow(rowIndices[r]);
      System.arraycopy(data, offset + rowIndices[r] * stride, out, r * cols, cols);
    }
    return new Matrix(out, 0, rowIndices.length, cols, cols);
  }

  /** A fresh, compact row-major copy of all elements. */
  public float[] toArray() {
    float[] out = new float[rows * cols];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(data, offset + i * stride, out, i * cols, cols);
    }
    return out;
  }

  /** A fresh {@code float[rows][cols]} copy. */
  public float[][] toArrays() {
    float[][] out = new float[rows][];
    for (int i = 0; i < rows; i++) {
      out[i] = row(i);
    }
    return out;
  }

  private void checkRow(int i) {
    if (i < 0 || i >= rows) {
      throw new IndexOutOfBoundsException("row " + i + " is outside [0, " + rows + ")");
    }
  }

  private void requireSameCols(Matrix other) {
    if (other.cols != cols) {
      throw new IllegalArgumentException(
          "column counts differ: " + cols + " vs " + other.cols);
    }
  }

  /** Element-wise equality of shape and values. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Matrix)) {
      return false;
    }
    Matrix m = (Matrix) o;
    return m.rows == rows && m.cols == cols && Arrays.equals(m.toArray(), toArray());
  }

  @Override
  public int hashCode() {
    return 31 * (31 * rows + cols) + Arrays.hashCode(toArray());
  }

  @Override
  public String toString() {
    return "Matrix[" + rows + " × " + cols + "]";
  }
}
