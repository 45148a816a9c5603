package org.alkit.diversity;

import java.util.Arrays;

/**
 * Dense float kernels on compact row-major arrays. Eight independent accumulators let the JIT
 * keep the loops pipelined (Java does not reorder floating-point sums on its own); the partial
 * sums are combined in double.
 */
final class Kernels {
  private Kernels() {}

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

  /** a[ai..ai+d) · b[bi..bi+d). */
  static double dot(float[] a, int ai, float[] b, int bi, int d) {
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
    int k = 0;
    for (; k + 8 <= d; k += 8) {
      s0 += a[ai + k] * b[bi + k];
      s1 += a[ai + k + 1] * b[bi + k + 1];
      s2 += a[ai + k + 2] * b[bi + k + 2];
      s3 += a[ai + k + 3] * b[bi + k + 3];
      s4 += a[ai + k + 4] * b[bi + k + 4];
      s5 += a[ai + k + 5] * b[bi + k + 5];
      s6 += a[ai + k + 6] * b[bi + k + 6];
      s7 += a[ai + k + 7] * b[bi + k + 7];
    }
    double s = ((double) s0 + s1) + ((double) s2 + s3) + ((double) s4 + s5) + ((double) s6 + s7);
    for (; k < d; k++) {
      s += (double) a[ai + k] * b[bi + k];
    }
    return s;
  }

  /**
   * {@code out[j] = Σ_k q[k]·columns[k][j]} for {@code j < width}: one row times a column-major
   * tile. The inner loop runs over one contiguous column with no reduction, which the JIT
   * vectorises; four columns per pass cut the loads and stores of {@code out} fourfold.
   */
  static void dotColumns(float[] q, float[][] columns, int width, float[] out) {
    Arrays.fill(out, 0, width, 0f);
    int d = q.length;
    int k = 0;
    for (; k + 4 <= d; k += 4) {
      float q0 = q[k];
      float q1 = q[k + 1];
      float q2 = q[k + 2];
      float q3 = q[k + 3];
      float[] c0 = columns[k];
      float[] c1 = columns[k + 1];
      float[] c2 = columns[k + 2];
      float[] c3 = columns[k + 3];
      for (int j = 0; j < width; j++) {
        out[j] += (q0 * c0[j] + q1 * c1[j]) + (q2 * c2[j] + q3 * c3[j]);
      }
    }
    for (; k < d; k++) {
      float qk = q[k];
      float[] c = columns[k];
      for (int j = 0; j < width; j++) {
        out[j] += qk * c[j];
      }
    }
  }
}
