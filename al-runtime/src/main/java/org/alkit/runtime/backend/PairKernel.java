package org.alkit.runtime.backend;

/**
 * The per-element update of a pairwise kernel, applied to a packed, transposed tile of reference
 * rows: {@code bt[k][j]} is column {@code k} of reference row {@code j}. The innermost loop runs
 * over {@code j} and only updates {@code acc[j] ← acc[j] ⊕ f(x_k, bt[k][j])} element-wise, with
 * every array indexed by {@code j} alone, so C2's superword pass vectorises it (no reduction, no
 * possible overlap between the arrays). Each {@code acc[j]} still receives its terms in the order
 * {@code k = k0, k0 + 1, …}: called with ascending, contiguous column ranges, every value is the
 * float sum sequential over {@code k = 0..d−1}, bit-identical to
 * {@link org.alkit.api.Matrix#squaredDistance} and {@link org.alkit.api.Matrix#dot}.
 *
 * <p>{@link #rows4} updates four query rows at once, so each loaded {@code bt} value serves four
 * accumulator rows; that changes the order of no single sum.
 */
enum PairKernel {
  /** Σ_k (a_k − b_k)², the squared Euclidean distance. */
  SQUARED_DIFFERENCE {
    @Override
    void rows4(float[] a, int a0, int d, float[][] bt, int k0, int k1, int nj, float[] c0, float[] c1,
        float[] c2, float[] c3) {
      for (int k = k0; k < k1; k++) {
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
          c0[j] += t0 * t0;
          c1[j] += t1 * t1;
          c2[j] += t2 * t2;
          c3[j] += t3 * t3;
        }
      }
    }

    @Override
    void row(float[] a, int a0, float[][] bt, int k0, int k1, int nj, float[] c) {
      for (int k = k0; k < k1; k++) {
        float x = a[a0 + k];
        float[] y = bt[k];
        for (int j = 0; j < nj; j++) {
          float t = x - y[j];
          c[j] += t * t;
        }
      }
    }
  },
  /** Σ_k a_k·b_k, the inner product. */
  DOT {
    @Override
    void rows4(float[] a, int a0, int d, float[][] bt, int k0, int k1, int nj, float[] c0, float[] c1,
        float[] c2, float[] c3) {
      for (int k = k0; k < k1; k++) {
        float x0 = a[a0 + k];
        float x1 = a[a0 + d + k];
        float x2 = a[a0 + 2 * d + k];
        float x3 = a[a0 + 3 * d + k];
        float[] y = bt[k];
        for (int j = 0; j < nj; j++) {
          float b = y[j];
          c0[j] += x0 * b;
          c1[j] += x1 * b;
          c2[j] += x2 * b;
          c3[j] += x3 * b;
        }
      }
    }

    @Override
    void row(float[] a, int a0, float[][] bt, int k0, int k1, int nj, float[] c) {
      for (int k = k0; k < k1; k++) {
        float x = a[a0 + k];
        float[] y = bt[k];
        for (int j = 0; j < nj; j++) {
          c[j] += x * y[j];
        }
      }
    }
  };

  /**
   * Adds columns {@code [k0, k1)} of the four packed query rows starting at {@code a[a0]} (row
   * length {@code d}) against the first {@code nj} reference rows of {@code bt} into
   * {@code c0..c3}.
   */
  abstract void rows4(float[] a, int a0, int d, float[][] bt, int k0, int k1, int nj, float[] c0,
      float[] c1, float[] c2, float[] c3);

  /** As {@link #rows4} for the one query row starting at {@code a[a0]}, into {@code c}. */
  abstract void row(float[] a, int a0, float[][] bt, int k0, int k1, int nj, float[] c);
}
