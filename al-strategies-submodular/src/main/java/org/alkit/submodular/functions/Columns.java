package org.alkit.submodular.functions;

import org.alkit.api.Matrix;
import org.alkit.api.SparseMatrix;

/**
 * A kernel stored by candidate: column j lists the rows it covers and the similarity to each,
 * contiguous in memory so a facility-location gain is one linear scan. Dense columns cover every
 * row: column j is row j of a matrix ({@link #dense()}), entry t its row t. Sparse ones hold only
 * the stored k-NN entries.
 */
final class Columns {
  private final int rows;
  private final Matrix dense;
  private final int[] start;
  private final int[] rowIndex;
  private final float[] value;

  private Columns(int rows, Matrix dense, int[] start, int[] rowIndex, float[] value) {
    this.rows = rows;
    this.dense = dense;
    this.start = start;
    this.rowIndex = rowIndex;
    this.value = value;
  }

  /** Side of the square tiles {@link #ofColumns} transposes, 64 × 64 floats = 16 KiB per tile. */
  private static final int TILE = 64;

  /**
   * Column j = column j of {@code m}: rows of m are the represented items. The transpose
   * v[j·r + i] = m[i][j] runs tile by tile ({@value #TILE} × {@value #TILE}) so both sides stay in
   * cache; it is a memory-bound copy of a given (precomputed, possibly asymmetric) kernel, done
   * once per function. A symmetric m needs no transpose: see {@link #ofRows}.
   */
  static Columns ofColumns(Matrix m) {
    int r = m.rows();
    int c = m.cols();
    float[] v = new float[r * c];
    for (int j0 = 0; j0 < c; j0 += TILE) {
      int j1 = Math.min(c, j0 + TILE);
      for (int i0 = 0; i0 < r; i0 += TILE) {
        for (int j = j0; j < j1; j++) {
          for (int i = i0, i1 = Math.min(r, i0 + TILE); i < i1; i++) {
            v[j * r + i] = m.get(i, j);
          }
        }
      }
    }
    return ofRows(Matrix.wrap(c, r, v));
  }

  /**
   * Column j = row j of {@code m}, read in place: columns of m are the represented items (e.g.
   * queries), or m is symmetric, so its rows are its columns.
   */
  static Columns ofRows(Matrix m) {
    return new Columns(m.cols(), m, null, null, null);
  }

  /** Column j = the stored entries of column j of a CSR matrix whose rows are the represented items. */
  static Columns ofSparseColumns(SparseMatrix m) {
    int c = m.cols();
    int[] start = new int[c + 1];
    for (int p = 0; p < m.nonZeros(); p++) {
      start[m.column(p) + 1]++;
    }
    for (int j = 0; j < c; j++) {
      start[j + 1] += start[j];
    }
    int[] fill = start.clone();
    int[] rowIndex = new int[m.nonZeros()];
    float[] value = new float[m.nonZeros()];
    for (int i = 0; i < m.rows(); i++) {
      for (int p = m.rowStart(i); p < m.rowEnd(i); p++) {
        int at = fill[m.column(p)]++;
        rowIndex[at] = i;
        value[at] = m.value(p);
      }
    }
    return new Columns(m.rows(), null, start, rowIndex, value);
  }

  /** Number of represented rows. */
  int rows() {
    return rows;
  }

  /** Number of candidate columns. */
  int columns() {
    return dense != null ? dense.rows() : start.length - 1;
  }

  /** Number of stored entries, over all columns. */
  long entries() {
    return dense != null ? (long) rows * dense.rows() : value.length;
  }

  /** The dense columns as the rows of a columns × rows matrix, or {@code null} for sparse ones. */
  Matrix dense() {
    return dense;
  }

  /** Number of entries of column {@code j}. */
  int size(int j) {
    return dense != null ? rows : start[j + 1] - start[j];
  }

  /** The row of entry {@code t} of column {@code j}. */
  int row(int j, int t) {
    return dense != null ? t : rowIndex[start[j] + t];
  }

  /** The similarity of entry {@code t} of column {@code j}. */
  float value(int j, int t) {
    return dense != null ? dense.get(j, t) : value[start[j] + t];
  }
}
