package org.alkit.bayesian;

import java.util.Arrays;
import org.alkit.commons.DoubleLog;
import org.alkit.commons.FloatLog;
import org.alkit.commons.MultiplyAdd;

/**
 * The hot loops of BatchBALD, in plain Java that C2 vectorises: the products of mixture rows
 * (posteriors over the T passes) with a block of columns laid out pass-major, one array per pass,
 * {@code right[t][j]} (C2 of Java 17 does not vectorise a loop that reads an array at a variable
 * offset, {@code right[t·W + j]}: a quarter of the speed measured here),
 * and, fused with them, the conditional entropy
 *
 * <pre>  H(Y_x | Y_A) = Σ_m w_m · H[Σ_t P(t | y_m) q_{x,t}(·)]</pre>
 *
 * of a block of items without materialising the {@code rows × items·C} predictive matrix.
 * {@value #ROWS} mixture rows share one sweep over the block (each column value is loaded once
 * for four fused multiply-adds). Every output value is a fused multiply-add chain over
 * {@code t = 0..T−1} in order, and every sum over rows runs in row order, so a column's result
 * does not depend on the block it is computed in, nor on the thread that computes it.
 */
final class JointKernel {
  /** Mixture rows per sweep over the right operand. */
  static final int ROWS = 4;

  private JointKernel() {}

  /**
   * {@code acc[k][j] = Σ_t left[(row + k)·T + t] · right[t][j]} for {@code j < width} and the
   * {@code k < count ≤ } {@value #ROWS} rows from {@code row}; the other accumulators are left zero.
   */
  static void products(float[] left, int row, int count, int passes, float[][] right, int width, float[][] acc) {
    float[] a0 = acc[0];
    float[] a1 = acc[1];
    float[] a2 = acc[2];
    float[] a3 = acc[3];
    for (float[] a : acc) {
      Arrays.fill(a, 0, width, 0f);
    }
    int base = row * passes;
    for (int t = 0; t < passes; t++) {
      float p0 = left[base + t];
      float p1 = count > 1 ? left[base + passes + t] : 0f;
      float p2 = count > 2 ? left[base + 2 * passes + t] : 0f;
      float p3 = count > 3 ? left[base + 3 * passes + t] : 0f;
      MultiplyAdd.fourRows(p0, p1, p2, p3, right[t], width, a0, a1, a2, a3);
    }
  }

  /** Scratch accumulators for {@link #products} over {@code width} columns. */
  static float[][] accumulators(int width) {
    return new float[ROWS][width];
  }

  /**
   * {@code out[b] = Σ_m weights[m] · H[predictive_m(x_b)]} in nats for the {@code items} items whose
   * renormalised passes are {@code labels[t][b·C + c] = q_{x_b,t}(c)}, over the mixture's
   * {@code rows} rows {@code posterior[m·T + t] = P(t | y_m)}.
   */
  static void conditionalEntropies(float[] posterior, double[] weights, int rows, int passes,
      float[][] labels, int items, int classes, double[] out) {
    int width = items * classes;
    float[][] acc = accumulators(width);
    Arrays.fill(out, 0, items, 0);
    for (int m = 0; m < rows; m += ROWS) {
      int count = Math.min(ROWS, rows - m);
      products(posterior, m, count, passes, labels, width, acc);
      for (int k = 0; k < count; k++) {
        float[] predictive = acc[k];
        double weight = weights[m + k];
        for (int b = 0; b < items; b++) {
          double sum = 0;
          double xlnx = 0;
          for (int c = b * classes; c < (b + 1) * classes; c++) {
            float v = predictive[c];
            if (v > 0) {
              sum += v;
              xlnx += v * FloatLog.ln(v);
            }
          }
          out[b] += weight * DoubleLog.normalisedEntropy(sum, xlnx);
        }
      }
    }
  }
}
