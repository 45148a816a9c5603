package org.alkit.submodular.functions;

import java.util.stream.IntStream;
import org.alkit.api.Matrix;
import org.alkit.api.SparseMatrix;

/**
 * A kernel stored by candidate: column j lists the rows it covers and the similarity to each,
 * contiguous in memory so a facility-location gain is one linear scan. Dense columns cover every
 * row (their row index is implicit); sparse ones only the stored k-NN entries.
 */
final class Columns {
  private final int rows;
  private final int[] start;
  private final int[] rowIndex;
  private final float[] value;

  private Columns(int rows, int[] start, int[] rowIndex, float[] value) {
    this.rows = rows;
    this.start = start;
    this.rowIndex = rowIndex;
    this.value = value;
  }

  /** Side of the square tiles {@link #ofColumns} transposes, 64 × 64 floats = 16 KiB per tile. */
  private static final int TILE = 64;

  /**
   * Column j = column j of {@code m}: rows of m are the represented items. The transpose
   * v[j·r + i] = m[i][j] runs tile by tile ({@value #TILE} × {@value #TILE}) so both sides stay in
   * cache, the column stripes in parallel (each writes its own columns, so the copy is exact).
   */
  static Columns ofColumns(Matrix m) {
    int r = m.rows();
    int c = m.cols();
    float[] v = new float[r * c];
    IntStream.range(0, (c + TILE - 1) / TILE).parallel().forEach(stripe -> {
      int j0 = stripe * TILE;
      int j1 = Math.min(c, j0 + TILE);
      for (int i0 = 0; i0 < r; i0 += TILE) {
        for (int j = j0; j < j1; j++) {
          for (int i = i0, i1 = Math.min(r, i0 + TILE); i < i1; i++) {
            v[j * r + i] = m.get(i, j);
          }
        }
      }
    });
    return new Columns(r, denseStarts(c, r), null, v);
  }

  /** Column j = row j of {@code m}: columns of m are the represented items (e.g. queries). */
  static Columns ofRows(Matrix m) {
    return new Columns(m.cols(), denseStarts(m.rows(), m.cols()), null, m.toArray());
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
    return new Columns(m.rows(), start, rowIndex, value);
  }

  private static int[] denseStarts(int columns, int length) {
    int[] start = new int[columns + 1];
    for (int j = 0; j <= columns; j++) {
      start[j] = j * length;
    }
    return start;
  }

  /** Number of represented rows. */
  int rows() {
    return rows;
  }

  /** Number of candidate columns. */
  int columns() {
    return start.length - 1;
  }

  int start(int j) {
    return start[j];
  }

  int end(int j) {
    return start[j + 1];
  }

  /** The row of the entry at position {@code p} of column {@code j}. */
  int row(int j, int p) {
    return rowIndex == null ? p - start[j] : rowIndex[p];
  }

  float value(int p) {
    return value[p];
  }
}
