package org.alkit.diversity;

import org.alkit.api.Matrix;

/** Per-row summaries of a class-probability matrix. */
final class ProbabilityRows {
  private ProbabilityRows() {}

  /** The first column holding the row's largest probability (first max, as numpy/torch argmax). */
  static int argmax(Matrix p, int row) {
    int best = 0;
    for (int c = 1; c < p.cols(); c++) {
      if (p.get(row, c) > p.get(row, best)) {
        best = c;
      }
    }
    return best;
  }

  /** Margin p_(1) − p_(2) of each given row: small means uncertain. One column gives 1. */
  static double[] margins(Matrix p, int[] rows) {
    double[] out = new double[rows.length];
    for (int r = 0; r < rows.length; r++) {
      double first = Double.NEGATIVE_INFINITY;
      double second = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < p.cols(); c++) {
        double v = p.get(rows[r], c);
        if (v > first) {
          second = first;
          first = v;
        } else if (v > second) {
          second = v;
        }
      }
      out[r] = p.cols() == 1 ? 1 : first - second;
    }
    return out;
  }

  /** Doubt I(x) = 1 − max_c p(c | x) of each given row. */
  static double[] doubts(Matrix p, int[] rows) {
    double[] out = new double[rows.length];
    for (int r = 0; r < rows.length; r++) {
      out[r] = 1 - p.get(rows[r], argmax(p, rows[r]));
    }
    return out;
  }
}
