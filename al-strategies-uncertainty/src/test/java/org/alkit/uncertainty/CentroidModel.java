package org.alkit.uncertainty;

import java.util.Arrays;
import org.alkit.api.FittedModel;
import org.alkit.api.Matrix;
import org.alkit.api.Refitting;
import org.alkit.api.Signal;

/**
 * A test model that refits exactly: p(c | x) = softmax_c(−‖x − μ_c‖²), μ_c the mean of the labeled
 * rows of class c (the origin for a class without any).
 */
final class CentroidModel implements FittedModel {
  /** Its refit: the model of the labeled and the added rows. */
  static final Refitting REFITTING = (fitted, features, labeled, labels, added, addedLabels, seed) -> {
    int[] rows = Arrays.copyOf(labeled, labeled.length + added.length);
    System.arraycopy(added, 0, rows, labeled.length, added.length);
    int[] targets = Arrays.copyOf(labels, labels.length + added.length);
    System.arraycopy(addedLabels, 0, targets, labels.length, added.length);
    return fit(features, rows, targets, ((CentroidModel) fitted).centres.length);
  };

  private final double[][] centres;

  private CentroidModel(double[][] centres) {
    this.centres = centres;
  }

  static CentroidModel fit(Matrix features, int[] rows, int[] labels, int classes) {
    double[][] centres = new double[classes][features.cols()];
    int[] counts = new int[classes];
    for (int r = 0; r < rows.length; r++) {
      counts[labels[r]]++;
      for (int j = 0; j < features.cols(); j++) {
        centres[labels[r]][j] += features.get(rows[r], j);
      }
    }
    for (int c = 0; c < classes; c++) {
      for (int j = 0; j < features.cols(); j++) {
        centres[c][j] /= Math.max(1, counts[c]);
      }
    }
    return new CentroidModel(centres);
  }

  @Override
  public Matrix matrix(Signal signal, Matrix x) {
    double[][] p = new double[x.rows()][centres.length];
    for (int i = 0; i < x.rows(); i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < centres.length; c++) {
        double d = 0;
        for (int j = 0; j < x.cols(); j++) {
          double v = x.get(i, j) - centres[c][j];
          d += v * v;
        }
        p[i][c] = -d;
        max = Math.max(max, -d);
      }
      double sum = 0;
      for (int c = 0; c < centres.length; c++) {
        p[i][c] = Math.exp(p[i][c] - max);
        sum += p[i][c];
      }
      for (int c = 0; c < centres.length; c++) {
        p[i][c] /= sum;
      }
    }
    return Matrix.of(p);
  }
}
