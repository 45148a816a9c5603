package org.alkit.backend.java;

/**
 * Receives the pairwise values of one block of query rows, tile by tile, in ascending column
 * order. One visitor serves one row block and is used by one thread only.
 */
interface TileVisitor {
  /**
   * The values of rows {@code [i0, i0 + ni)} against columns {@code [j0, j0 + nj)}: row
   * {@code i0 + i} in {@code values[i][0..nj)}. The arrays are reused for the next tile.
   */
  void tile(int i0, int j0, int ni, int nj, float[][] values);

  /** Called once after the block's last tile. */
  default void finish() {}
}
