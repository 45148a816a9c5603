package org.alkit.runtime.model;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.Arrays;

/**
 * A one-vs-rest linear SVM trained by LIBLINEAR (Fan et al., "LIBLINEAR: A Library for Large
 * Linear Classification", JMLR 9, 2008; its Java port): for each class k seen in training,
 * w_k = argmin ½‖w‖² + Σ_i C_i · max(0, 1 − y_ik · w·[h_i, 1])², y_ik = +1 if item i is of
 * class k else −1 — the squared hinge loss (scikit-learn's LinearSVC default), solved in the
 * primal by LIBLINEAR's trust-region Newton method with tolerance {@value #TOLERANCE}; the last
 * weight is the bias (feature 1, regularised, LIBLINEAR's default). C_i = C for the negatives and
 * C · weight(k) for the positives of class k (LIBLINEAR's weighted one-vs-rest, as scikit-learn
 * passes {@code class_weight}); with two classes LIBLINEAR solves one problem, each side weighing
 * C · its class's weight, and f of the second class is −f of the first. The decision value of class k is f_k(h) = w_k·[h, 1]; an unseen
 * class has none (−∞). A single seen class gets the constant f = 1: nothing to separate.
 */
final class LinearSvm {
  /** LIBLINEAR's stopping tolerance ε of the primal Newton solver (its default is 0.01). */
  static final double TOLERANCE = 1e-4;

  static {
    // LIBLINEAR prints each solver's iterations to stdout unless told not to
    Linear.disableDebugOutput();
  }

  /** Per class, its d weights then its bias; null for a class not seen in training. */
  private final double[][] weights;

  private LinearSvm(double[][] weights) {
    this.weights = weights;
  }

  /**
   * Trains on the rows {@code h} (standardised features) with {@code labels} in
   * {@code [0, numClasses)}.
   *
   * @param c the penalty C &gt; 0
   * @param balanced whether class k's positives weigh n / (K · n_k), K the classes seen
   */
  static LinearSvm train(double[][] h, int[] labels, int numClasses, double c, boolean balanced) {
    int d = h[0].length;
    int[] counts = new int[numClasses];
    for (int y : labels) {
      counts[y]++;
    }
    int[] seen = java.util.stream.IntStream.range(0, numClasses).filter(k -> counts[k] > 0).toArray();
    double[][] weights = new double[numClasses][];
    if (seen.length == 1) {
      weights[seen[0]] = new double[d + 1];
      weights[seen[0]][d] = 1;
      return new LinearSvm(weights);
    }
    Problem problem = new Problem();
    problem.l = h.length;
    problem.n = d + 1;
    problem.bias = 1;
    problem.x = new Feature[h.length][];
    problem.y = new double[h.length];
    for (int i = 0; i < h.length; i++) {
      problem.x[i] = features(h[i]);
      problem.y[i] = labels[i];
    }
    Parameter parameter = new Parameter(SolverType.L2R_L2LOSS_SVC, c, TOLERANCE);
    if (balanced) {
      double[] classWeights = Arrays.stream(seen).mapToDouble(k -> (double) h.length / (seen.length * counts[k]))
          .toArray();
      parameter.setWeights(classWeights, seen.clone());
    }
    Model model = Linear.train(problem, parameter);
    int[] order = model.getLabels();
    for (int index = 0; index < order.length; index++) {
      double[] w = new double[d + 1];
      for (int j = 0; j < d; j++) {
        w[j] = model.getDecfunCoef(j + 1, index);
      }
      w[d] = model.getDecfunBias(index);
      weights[order[index]] = w;
    }
    return new LinearSvm(weights);
  }

  /** LIBLINEAR's sparse row of {@code h} with the bias feature d + 1 = 1 appended. */
  private static Feature[] features(double[] h) {
    Feature[] row = new Feature[h.length + 1];
    for (int j = 0; j < h.length; j++) {
      row[j] = new FeatureNode(j + 1, h[j]);
    }
    row[h.length] = new FeatureNode(h.length + 1, 1);
    return row;
  }

  /** Whether class {@code k} was seen in training. */
  boolean seen(int k) {
    return weights[k] != null;
  }

  /** The decision values f_k(h) of every class into {@code out}, −∞ for unseen classes. */
  double[] decision(double[] h, double[] out) {
    for (int k = 0; k < weights.length; k++) {
      double[] w = weights[k];
      if (w == null) {
        out[k] = Double.NEGATIVE_INFINITY;
        continue;
      }
      double f = w[h.length];
      for (int j = 0; j < h.length; j++) {
        f += w[j] * h[j];
      }
      out[k] = f;
    }
    return out;
  }
}
