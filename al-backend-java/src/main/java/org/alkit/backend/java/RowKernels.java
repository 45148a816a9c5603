package org.alkit.backend.java;

import java.util.Arrays;

/**
 * Dense float kernels on compact row-major arrays. Eight independent accumulators let the JIT
 * keep the loops pipelined (Java does not reorder floating-point sums on its own); the partial
 * sums are combined in double. Column-major variants keep the reduction out of the inner loop so
 * that it vectorises.
 */
final class RowKernels {
  /** Coordinates summed in float before a partial sum is added in double. */
  private static final int BLOCK = 64;

  private RowKernels() {}

  /**
   * More than {@link #squaredDistance} of {@code d} coordinates can lose to underflow, d·2⁻¹⁴⁰:
   * each float square below the normal range (2⁻¹²⁶) is off by at most 2⁻¹⁴⁹. A pruning test that
   * says a float distance cannot fall below a value v compares the true distance with v plus
   * this, so on coordinates near 2⁻⁷⁰ it still agrees with the naive update.
   */
  static double underflowBound(int d) {
    return d * 0x1p-140;
  }

  /** ‖a[ai..ai+d) − b[bi..bi+d)‖². */
  static double squaredDistance(float[] a, int ai, float[] b, int bi, int d) {
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
    int k = 0;
    for (; k + 8 <= d; k += 8) {
      float t0 = a[ai + k] - b[bi + k];
      float t1 = a[ai + k + 1] - b[bi + k + 1];
      float t2 = a[ai + k + 2] - b[bi + k + 2];
      float t3 = a[ai + k + 3] - b[bi + k + 3];
      float t4 = a[ai + k + 4] - b[bi + k + 4];
      float t5 = a[ai + k + 5] - b[bi + k + 5];
      float t6 = a[ai + k + 6] - b[bi + k + 6];
      float t7 = a[ai + k + 7] - b[bi + k + 7];
      s0 += t0 * t0;
      s1 += t1 * t1;
      s2 += t2 * t2;
      s3 += t3 * t3;
      s4 += t4 * t4;
      s5 += t5 * t5;
      s6 += t6 * t6;
      s7 += t7 * t7;
    }
    double s = ((double) s0 + s1) + ((double) s2 + s3) + ((double) s4 + s5) + ((double) s6 + s7);
    for (; k < d; k++) {
      double t = (double) a[ai + k] - b[bi + k];
      s += t * t;
    }
    return s;
  }

  /**
   * {@code out[j] = ‖q − column j‖² = Σ_k (q[k] − columns[k][j])²} for {@code j < width}: one
   * point against a column-major set of points (each {@code columns[k]} at least {@code width}
   * long). The inner loop runs over one contiguous column with no reduction, so C2 vectorises it
   * (one array per coordinate, not one flat array, is what lets it rule out aliasing). Terms are
   * summed in float over blocks of {@value #BLOCK} coordinates and the blocks in double, so the
   * relative error stays near {@value #BLOCK}·2⁻²⁴ whatever the dimension.
   */
  static void squaredDistancesToColumns(float[] q, float[][] columns, int width, double[] out) {
    Arrays.fill(out, 0, width, 0.0);
    float[] block = new float[width];
    for (int k0 = 0; k0 < q.length; k0 += BLOCK) {
      int k1 = Math.min(q.length, k0 + BLOCK);
      Arrays.fill(block, 0f);
      for (int k = k0; k < k1; k++) {
        float x = q[k];
        float[] c = columns[k];
        for (int j = 0; j < width; j++) {
          float t = x - c[j];
          block[j] += t * t;
        }
      }
      for (int j = 0; j < width; j++) {
        out[j] += block[j];
      }
    }
  }
}
