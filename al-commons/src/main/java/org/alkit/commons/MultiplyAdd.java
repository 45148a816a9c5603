package org.alkit.commons;

/**
 * The innermost loop of alkit's blocked products in plain Java: four accumulator rows take one
 * column each of fused multiply-adds, {@code c_r[j] ← fma(x_r, y[j], c_r[j])} for {@code j < n},
 * so each loaded {@code y[j]} serves four rows. Every array is indexed by {@code j} alone and
 * nothing is summed across {@code j}, so C2's superword pass vectorises it; a caller that calls it
 * for ascending columns gets, in each accumulator, the fused multiply-add chain in column order
 * (one rounding per term), whatever the block sizes. Used by the java backend's inner products
 * and by BatchBALD's mixture products.
 */
public final class MultiplyAdd {
  private MultiplyAdd() {}

  /** {@code c_r[j] = fma(x_r, y[j], c_r[j])} for r = 0..3 and {@code j < n}. */
  public static void fourRows(float x0, float x1, float x2, float x3, float[] y, int n, float[] c0, float[] c1,
      float[] c2, float[] c3) {
    for (int j = 0; j < n; j++) {
      float b = y[j];
      c0[j] = Math.fma(x0, b, c0[j]);
      c1[j] = Math.fma(x1, b, c1[j]);
      c2[j] = Math.fma(x2, b, c2[j]);
      c3[j] = Math.fma(x3, b, c3[j]);
    }
  }
}
