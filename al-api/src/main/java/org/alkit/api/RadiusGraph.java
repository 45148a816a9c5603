package org.alkit.api;

import java.util.Arrays;

/** The argument check and the row-by-row CSR assembly of {@link ComputeBackend#withinRadius}'s default. */
final class RadiusGraph {
  private RadiusGraph() {}

  /**
   * @throws InvalidInputException if {@code radius} is negative or NaN, or the widths differ
   */
  static void checkRadius(double radius, Matrix queries, Matrix references) {
    if (!(radius >= 0)) {
      throw new InvalidInputException("radius = " + radius + "; expected a number >= 0");
    }
    if (queries.cols() != references.cols()) {
      throw new InvalidInputException("queries are " + queries.rows() + " × " + queries.cols()
          + " but references are " + references.rows() + " × " + references.cols()
          + "; expected the same number of columns");
    }
  }

  /** Collects entries in row order, columns ascending within a row. */
  static final class Builder {
    private final int rows;
    private final int cols;
    private final long[] rowPtr;
    private int[] colIdx = new int[16];
    private float[] values = new float[16];
    private int size;
    private int row;

    Builder(int rows, int cols) {
      this.rows = rows;
      this.cols = cols;
      this.rowPtr = new long[rows + 1];
    }

    /** Appends entry (i, j); i never decreases from one call to the next. */
    void add(int i, int j, float value) {
      while (row < i) {
        rowPtr[++row] = size;
      }
      if (size == colIdx.length) {
        colIdx = Arrays.copyOf(colIdx, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      colIdx[size] = j;
      values[size++] = value;
    }

    SparseMatrix build() {
      while (row < rows) {
        rowPtr[++row] = size;
      }
      return new SparseMatrix(rows, cols, rowPtr, Arrays.copyOf(colIdx, size), Arrays.copyOf(values, size));
    }
  }
}
