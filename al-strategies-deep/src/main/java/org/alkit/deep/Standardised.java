package org.alkit.deep;

import org.alkit.api.Matrix;

/**
 * The pool's items as the networks read them: each value minus its mean over the pool, over its
 * standard deviation (1 where that is 0). Images are standardised per channel, as the
 * {@code cnn} model standardises its pixels; other rows per column.
 */
final class Standardised {
  private Standardised() {}

  /** The rows of {@code items}, standardised for {@code network}, row-major. */
  static float[] rows(Matrix items, ItemNetwork network) {
    int n = items.rows();
    int d = items.cols();
    float[] x = items.toArray();
    // a group is a channel (its H·W columns, channel-major) or a single column
    int span = network.conv() ? d / network.channels() : 1;
    for (int from = 0; from < d; from += span) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        for (int j = from; j < from + span; j++) {
          sum += x[i * d + j];
        }
      }
      double count = Math.max(1.0, (double) n * span);
      double mean = sum / count;
      double squares = 0;
      for (int i = 0; i < n; i++) {
        for (int j = from; j < from + span; j++) {
          double v = x[i * d + j] - mean;
          squares += v * v;
        }
      }
      double sd = Math.sqrt(squares / count);
      double scale = sd > 1e-12 ? sd : 1;
      for (int i = 0; i < n; i++) {
        for (int j = from; j < from + span; j++) {
          x[i * d + j] = (float) ((x[i * d + j] - mean) / scale);
        }
      }
    }
    return x;
  }
}
