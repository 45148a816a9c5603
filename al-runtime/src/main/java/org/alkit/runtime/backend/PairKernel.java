package org.alkit.runtime.backend;

/**
 * The raw pairwise value of two packed row tiles. Each pair is accumulated in float, sequentially
 * over the columns, exactly as {@link org.alkit.api.Matrix#squaredDistance} and
 * {@link org.alkit.api.Matrix#dot} do, so results are bit-identical to those naive loops. Four
 * pairs are accumulated side by side (register blocking) for instruction-level parallelism; that
 * does not change the order of any single sum.
 */
enum PairKernel {
  /** Σ_k (a_k − b_k)², the squared Euclidean distance. */
  SQUARED_DIFFERENCE {
    @Override
    float one(float[] a, int ao, float[] b, int bo, int d) {
      float s = 0f;
      for (int k = 0; k < d; k++) {
        float t = a[ao + k] - b[bo + k];
        s += t * t;
      }
      return s;
    }

    @Override
    void four(float[] a, int ao, float[] b, int bo, int d, float[] out, int oo) {
      float s0 = 0f;
      float s1 = 0f;
      float s2 = 0f;
      float s3 = 0f;
      int b1 = bo + d;
      int b2 = b1 + d;
      int b3 = b2 + d;
      for (int k = 0; k < d; k++) {
        float x = a[ao + k];
        float t0 = x - b[bo + k];
        float t1 = x - b[b1 + k];
        float t2 = x - b[b2 + k];
        float t3 = x - b[b3 + k];
        s0 += t0 * t0;
        s1 += t1 * t1;
        s2 += t2 * t2;
        s3 += t3 * t3;
      }
      out[oo] = s0;
      out[oo + 1] = s1;
      out[oo + 2] = s2;
      out[oo + 3] = s3;
    }
  },
  /** Σ_k a_k·b_k, the inner product. */
  DOT {
    @Override
    float one(float[] a, int ao, float[] b, int bo, int d) {
      float s = 0f;
      for (int k = 0; k < d; k++) {
        s += a[ao + k] * b[bo + k];
      }
      return s;
    }

    @Override
    void four(float[] a, int ao, float[] b, int bo, int d, float[] out, int oo) {
      float s0 = 0f;
      float s1 = 0f;
      float s2 = 0f;
      float s3 = 0f;
      int b1 = bo + d;
      int b2 = b1 + d;
      int b3 = b2 + d;
      for (int k = 0; k < d; k++) {
        float x = a[ao + k];
        s0 += x * b[bo + k];
        s1 += x * b[b1 + k];
        s2 += x * b[b2 + k];
        s3 += x * b[b3 + k];
      }
      out[oo] = s0;
      out[oo + 1] = s1;
      out[oo + 2] = s2;
      out[oo + 3] = s3;
    }
  };

  /** The value of one pair: row at {@code ao} of {@code a} and row at {@code bo} of {@code b}. */
  abstract float one(float[] a, int ao, float[] b, int bo, int d);

  /** The values of one {@code a} row with four consecutive {@code b} rows, into {@code out[oo..oo+4)}. */
  abstract void four(float[] a, int ao, float[] b, int bo, int d, float[] out, int oo);

  /**
   * All {@code na × nb} values of two packed tiles (row-major, {@code d} floats a row) into
   * {@code out}, row-major with {@code nb} columns.
   */
  void tile(float[] a, int na, float[] b, int nb, int d, float[] out) {
    int nb4 = nb - nb % 4;
    for (int i = 0; i < na; i++) {
      int ao = i * d;
      int oo = i * nb;
      for (int j = 0; j < nb4; j += 4) {
        four(a, ao, b, j * d, d, out, oo + j);
      }
      for (int j = nb4; j < nb; j++) {
        out[oo + j] = one(a, ao, b, j * d, d);
      }
    }
  }
}
