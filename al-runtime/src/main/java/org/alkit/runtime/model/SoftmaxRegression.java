package org.alkit.runtime.model;

import org.alkit.api.Matrix;

/**
 * Multinomial logistic regression p(y = c | h) = softmax(W h + b)_c on standardized features h,
 * trained by full-batch Nesterov accelerated gradient descent (Nesterov 1983) on the mean
 * cross-entropy plus (λ/2)‖W‖² (the bias is not penalised), for a fixed number of iterations.
 *
 * <p>The step is 1/L with L = ½·λ_max(H̃ᵀH̃ / n) + λ, H̃ the design matrix with a bias column:
 * Böhning's bound (1992) on the softmax loss Hessian, with λ_max found by power iteration. No
 * random numbers are drawn, so training is deterministic.
 *
 * <p>Rows may carry weights s_r &gt; 0 (a training participant's extra items): the loss is then
 * (1/n) Σ_r s_r·CE_r + (λ/2)‖W‖², and L uses H̃ᵀSH̃ / n; without weights every s_r = 1 and the
 * arithmetic is the unweighted one, bit for bit.
 */
final class SoftmaxRegression {
  private static final int POWER_ITERATIONS = 50;

  private final int classes;
  private final int d;
  /** {@code classes × (d + 1)}, the last column the bias. */
  private final double[] weights;

  private SoftmaxRegression(int classes, int d, double[] weights) {
    this.classes = classes;
    this.d = d;
    this.weights = weights;
  }

  /**
   * Trains on rows {@code rows[r]} of the standardized {@code features} (repeats allowed, as in a
   * bootstrap sample) with labels {@code labels[r]} in {@code [0, classes)}.
   */
  static SoftmaxRegression train(Matrix features, int[] rows, int[] labels, int classes,
      LogisticOptions options) {
    return train(features, rows, labels, null, classes, options, null);
  }

  /** What sees the model after each iteration t = 1, 2, … (the weights are a copy). */
  @FunctionalInterface
  interface IterationObserver {
    void after(int iteration, SoftmaxRegression model);
  }

  /**
   * {@link #train(Matrix, int[], int[], int, LogisticOptions)} with a weight per row (null: all 1)
   * and an observer of every iteration (null: none).
   */
  static SoftmaxRegression train(Matrix features, int[] rows, int[] labels, float[] rowWeights, int classes,
      LogisticOptions options, IterationObserver observer) {
    return train(features, rows, labels, rowWeights, classes, options.l2(), options.iterations(), null, observer);
  }

  /**
   * This model trained further on rows {@code rows[r]} of the standardized {@code features} with
   * {@code labels[r]}: {@code iterations} Nesterov steps (momentum restarted) from its weights, with
   * the step of those rows and penalty {@code l2}. A warm start: what a {@link
   * org.alkit.api.Refitting} refit does after items join the training set.
   */
  SoftmaxRegression continued(Matrix features, int[] rows, int[] labels, double l2, int iterations) {
    return train(features, rows, labels, null, classes, l2, iterations, weights, null);
  }

  /** Training from {@code start} (null: all zeros), as the public entry points describe. */
  private static SoftmaxRegression train(Matrix features, int[] rows, int[] labels, float[] rowWeights, int classes,
      double l2, int iterations, double[] start, IterationObserver observer) {
    int n = rows.length;
    int d = features.cols();
    int w = d + 1;
    double[] x = new double[n * w];
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < d; j++) {
        x[r * w + j] = features.get(rows[r], j);
      }
      x[r * w + d] = 1;
    }
    double step = 1 / (0.5 * largestEigenvalue(x, n, w, rowWeights) + l2);
    double[] current = start == null ? new double[classes * w] : start.clone();
    double[] previous = current.clone();
    double[] look = new double[classes * w];
    double[] gradient = new double[classes * w];
    double[] p = new double[classes];
    for (int t = 1; t <= iterations; t++) {
      double momentum = (t - 1.0) / (t + 2.0);
      for (int q = 0; q < look.length; q++) {
        look[q] = current[q] + momentum * (current[q] - previous[q]);
      }
      gradient(x, labels, rowWeights, n, w, classes, look, l2, p, gradient);
      System.arraycopy(current, 0, previous, 0, current.length);
      for (int q = 0; q < look.length; q++) {
        current[q] = look[q] - step * gradient[q];
      }
      if (observer != null) {
        observer.after(t, new SoftmaxRegression(classes, d, current.clone()));
      }
    }
    return new SoftmaxRegression(classes, d, current);
  }

  private static void gradient(double[] x, int[] labels, float[] rowWeights, int n, int w, int classes,
      double[] weights, double l2, double[] p, double[] gradient) {
    java.util.Arrays.fill(gradient, 0);
    for (int r = 0; r < n; r++) {
      softmax(weights, x, r * w, w, classes, p);
      p[labels[r]] -= 1;
      for (int c = 0; c < classes; c++) {
        double e = (rowWeights == null ? p[c] : rowWeights[r] * p[c]) / n;
        int g = c * w;
        for (int j = 0; j < w; j++) {
          gradient[g + j] += e * x[r * w + j];
        }
      }
    }
    for (int c = 0; c < classes; c++) {
      for (int j = 0; j < w - 1; j++) {
        gradient[c * w + j] += l2 * weights[c * w + j];
      }
    }
  }

  /** softmax(W h̃) into {@code p}, h̃ = {@code x[xo..xo+w)} (its last entry the bias input 1). */
  private static void softmax(double[] weights, double[] x, int xo, int w, int classes, double[] p) {
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < classes; c++) {
      double z = 0;
      for (int j = 0; j < w; j++) {
        z += weights[c * w + j] * x[xo + j];
      }
      p[c] = z;
      max = Math.max(max, z);
    }
    double sum = 0;
    for (int c = 0; c < classes; c++) {
      p[c] = Math.exp(p[c] - max);
      sum += p[c];
    }
    for (int c = 0; c < classes; c++) {
      p[c] /= sum;
    }
  }

  /** λ_max of XᵀSX / n (S the row weights, or I) by power iteration from the all-ones vector. */
  private static double largestEigenvalue(double[] x, int n, int w, float[] rowWeights) {
    double[] v = new double[w];
    java.util.Arrays.fill(v, 1 / Math.sqrt(w));
    double lambda = 0;
    double[] xv = new double[n];
    for (int it = 0; it < POWER_ITERATIONS; it++) {
      for (int r = 0; r < n; r++) {
        double s = 0;
        for (int j = 0; j < w; j++) {
          s += x[r * w + j] * v[j];
        }
        xv[r] = s;
      }
      double[] next = new double[w];
      for (int r = 0; r < n; r++) {
        double weighted = rowWeights == null ? xv[r] : rowWeights[r] * xv[r];
        for (int j = 0; j < w; j++) {
          next[j] += x[r * w + j] * weighted / n;
        }
      }
      double norm = 0;
      for (double e : next) {
        norm += e * e;
      }
      lambda = Math.sqrt(norm);
      if (lambda == 0) {
        return 0;
      }
      for (int j = 0; j < w; j++) {
        v[j] = next[j] / lambda;
      }
    }
    return lambda;
  }

  /** Number of classes C. */
  int classes() {
    return classes;
  }

  /** Class probabilities of one standardized row {@code h} (length d) into {@code p}. */
  double[] probabilities(double[] h, double[] p) {
    int w = d + 1;
    double[] x = java.util.Arrays.copyOf(h, w);
    x[d] = 1;
    softmax(weights, x, 0, w, classes, p);
    return p;
  }
}
