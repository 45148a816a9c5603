package org.alkit.runtime.model;

import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;

/** Checks the arguments of {@link org.alkit.api.ModelAdapter#fit}, naming the bad value. */
final class FitInputs {
  private FitInputs() {}

  static void check(Matrix features, int[] labeled, int[] labels, int numClasses) {
    if (numClasses < 1) {
      throw new InvalidInputException("numClasses = " + numClasses + "; expected >= 1");
    }
    if (labeled.length == 0) {
      throw new InvalidInputException("labeled is empty; expected at least one labeled row");
    }
    if (labeled.length != labels.length) {
      throw new InvalidInputException("labeled has " + labeled.length + " entries but labels has "
          + labels.length + "; expected one label per labeled row");
    }
    for (int r = 0; r < labeled.length; r++) {
      if (labeled[r] < 0 || labeled[r] >= features.rows()) {
        throw new InvalidInputException("labeled[" + r + "] = " + labeled[r] + " is outside the "
            + features.rows() + " rows of features");
      }
      if (labels[r] < 0 || labels[r] >= numClasses) {
        throw new InvalidInputException("labels[" + r + "] = " + labels[r] + "; expected a class in [0, "
            + numClasses + ")");
      }
    }
  }
}
