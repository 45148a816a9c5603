package org.alkit.diversity;

import org.alkit.api.Matrix;
import org.alkit.commons.Probabilities;

/** Margins and doubts of class-probability rows, from the shared {@link Probabilities}. */
final class ProbabilityRows {
  private ProbabilityRows() {}

  /** Margin p_(1) − p_(2) of each given row: small means uncertain ({@link Probabilities#top2}). */
  static double[] margins(Matrix p, int[] rows) {
    double[] out = new double[rows.length];
    for (int r = 0; r < rows.length; r++) {
      double[] top = Probabilities.top2(p, rows[r]);
      out[r] = top[0] - top[1];
    }
    return out;
  }

  /** Doubt I(x) = 1 − max_c p(c | x) of each given row, in double. */
  static double[] doubts(Matrix p, int[] rows) {
    double[] out = new double[rows.length];
    for (int r = 0; r < rows.length; r++) {
      out[r] = 1.0 - p.get(rows[r], Probabilities.argmax(p, rows[r]));
    }
    return out;
  }
}
