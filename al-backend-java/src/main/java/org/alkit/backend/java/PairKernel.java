package org.alkit.backend.java;

import org.alkit.commons.MultiplyAdd;

/**
 * The per-element update of a pairwise kernel, applied to a packed, transposed tile of reference
 * rows: {@code bt[k][j]} is column {@code k0 + k} of reference row {@code j}, for a chunk of
 * columns starting at {@code k0}. The innermost loop runs over {@code j} and only updates
 * {@code acc[j] ← fma(t, t, acc[j])} with {@code t = x_k − bt[k][j]} (or {@code fma(x_k, bt[k][j], acc[j])})
 * element-wise, with every array indexed by {@code j}
 * alone, so C2's superword pass vectorises it: there is no reduction, and no loop-carried
 * dependence even if two arrays were the same. (One flat array indexed {@code k·TILE + j} is not
 * vectorised by JDK 17's C2, as it cannot rule out such a dependence at an unknown offset; hence
 * one array per column.) Each {@code acc[j]} still receives its terms in column order: called on
 * ascending, contiguous column chunks, every value is the fused multiply-add chain sequential over
 * {@code k = 0..d−1} (one rounding per term), bit-identical to
 * {@link org.alkit.api.Matrix#squaredDistance}, {@link org.alkit.api.Matrix#dot} and
 * {@link VectorPairKernel}. C2 vectorises {@link Math#fma} loops like plain ones.
 *
 * <p>{@link #rows4} updates four query rows at once, so each loaded {@code bt} value serves four
 * accumulator rows; that changes the order of no single sum. (Eight rows, or two columns per
 * pass, defeat C2's vectoriser and run several times slower.)
 */
enum PairKernel {
  /** Σ_k (a_k − b_k)², the squared Euclidean distance. */
  SQUARED_DIFFERENCE {
    @Override
    void rows4(float[] a, int a0, int d, float[][] bt, int kc, int nj, float[] c0, float[] c1,
        float[] c2, float[] c3) {
      for (int k = 0; k < kc; k++) {
        float x0 = a[a0 + k];
        float x1 = a[a0 + d + k];
        float x2 = a[a0 + 2 * d + k];
        float x3 = a[a0 + 3 * d + k];
        float[] y = bt[k];
        for (int j = 0; j < nj; j++) {
          float b = y[j];
          float t0 = x0 - b;
          float t1 = x1 - b;
          float t2 = x2 - b;
          float t3 = x3 - b;
          c0[j] = Math.fma(t0, t0, c0[j]);
          c1[j] = Math.fma(t1, t1, c1[j]);
          c2[j] = Math.fma(t2, t2, c2[j]);
          c3[j] = Math.fma(t3, t3, c3[j]);
        }
      }
    }

    @Override
    void row(float[] a, int a0, float[][] bt, int kc, int nj, float[] c) {
      for (int k = 0; k < kc; k++) {
        float x = a[a0 + k];
        float[] y = bt[k];
        for (int j = 0; j < nj; j++) {
          float t = x - y[j];
          c[j] = Math.fma(t, t, c[j]);
        }
      }
    }

    @Override
    void vectorRows4(float[] a, int a0, int d, float[] strips, int kc, int width, float[] c0,
        float[] c1, float[] c2, float[] c3) {
      VectorPairKernel.squareRows4(a, a0, d, strips, kc, width, c0, c1, c2, c3);
    }

    @Override
    void vectorRow(float[] a, int a0, float[] strips, int kc, int width, float[] c) {
      VectorPairKernel.squareRow(a, a0, strips, kc, width, c);
    }
  },
  /** Σ_k a_k·b_k, the inner product. */
  DOT {
    @Override
    void rows4(float[] a, int a0, int d, float[][] bt, int kc, int nj, float[] c0, float[] c1,
        float[] c2, float[] c3) {
      for (int k = 0; k < kc; k++) {
        float x0 = a[a0 + k];
        float x1 = a[a0 + d + k];
        float x2 = a[a0 + 2 * d + k];
        float x3 = a[a0 + 3 * d + k];
        MultiplyAdd.fourRows(x0, x1, x2, x3, bt[k], nj, c0, c1, c2, c3);
      }
    }

    @Override
    void row(float[] a, int a0, float[][] bt, int kc, int nj, float[] c) {
      for (int k = 0; k < kc; k++) {
        float x = a[a0 + k];
        float[] y = bt[k];
        for (int j = 0; j < nj; j++) {
          c[j] = Math.fma(x, y[j], c[j]);
        }
      }
    }

    @Override
    void vectorRows4(float[] a, int a0, int d, float[] strips, int kc, int width, float[] c0,
        float[] c1, float[] c2, float[] c3) {
      VectorPairKernel.dotRows4(a, a0, d, strips, kc, width, c0, c1, c2, c3);
    }

    @Override
    void vectorRow(float[] a, int a0, float[] strips, int kc, int width, float[] c) {
      VectorPairKernel.dotRow(a, a0, strips, kc, width, c);
    }
  };

  /**
   * Adds the terms of {@code kc} consecutive columns into {@code c0..c3}: those starting at
   * {@code a[a0]} of four packed query rows ({@code d} floats apart) against the same columns of
   * the first {@code nj} reference rows, {@code bt[0..kc)[0..nj)}.
   */
  abstract void rows4(float[] a, int a0, int d, float[][] bt, int kc, int nj, float[] c0,
      float[] c1, float[] c2, float[] c3);

  /** As {@link #rows4} for the one query row whose columns start at {@code a[a0]}, into {@code c}. */
  abstract void row(float[] a, int a0, float[][] bt, int kc, int nj, float[] c);

  /**
   * As {@link #rows4} with {@link VectorPairKernel} (same bits), over reference rows
   * {@code [0, width)}, a multiple of {@link VectorPairKernel#WIDTH}, packed in strips
   * ({@link VectorPairKernel#squareRows4}) instead of one array per column. Call only when
   * {@link JavaBackend#vectorApiAvailable()}.
   */
  abstract void vectorRows4(float[] a, int a0, int d, float[] strips, int kc, int width, float[] c0,
      float[] c1, float[] c2, float[] c3);

  /** As {@link #row} with {@link VectorPairKernel}, see {@link #vectorRows4}. */
  abstract void vectorRow(float[] a, int a0, float[] strips, int kc, int width, float[] c);
}
