package org.alkit.gpu.model;

import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;

/** Checks the arguments of {@link org.alkit.api.ModelAdapter#fit}, naming the bad value. */
final class FitArguments {
  private FitArguments() {}

  static void check(String owner, Matrix features, int[] labeled, int[] labels, int numClasses) {
    if (numClasses < 1) {
      throw new InvalidInputException(owner + ": numClasses = " + numClasses + "; expected >= 1");
    }
    if (labeled.length == 0 || labeled.length != labels.length) {
      throw new InvalidInputException(owner + ": " + labeled.length + " labeled rows and " + labels.length
          + " labels; expected the same positive number");
    }
    for (int r = 0; r < labeled.length; r++) {
      if (labeled[r] < 0 || labeled[r] >= features.rows()) {
        throw new InvalidInputException(owner + ": labeled[" + r + "] = " + labeled[r]
            + "; expected a row of the " + features.rows() + " features");
      }
      if (labels[r] < 0 || labels[r] >= numClasses) {
        throw new InvalidInputException(owner + ": labels[" + r + "] = " + labels[r]
            + "; expected a class in [0, " + numClasses + ")");
      }
    }
  }
}
