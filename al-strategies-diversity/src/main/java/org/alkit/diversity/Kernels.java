package org.alkit.diversity;

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
}
