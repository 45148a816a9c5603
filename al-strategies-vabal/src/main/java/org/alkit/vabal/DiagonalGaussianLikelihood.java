package org.alkit.vabal;

import org.alkit.api.Matrix;

/**
 * Class-conditional Gaussians with diagonal covariance on the pool's features:
 *
 * <pre>  log p(x | ŷ = n) = −½ Σ_d [ ln(2π σ²_nd) + (x_d − μ_nd)² / σ²_nd ]</pre>
 *
 * with μ_n the mean of the labeled items of class n and σ²_nd their variance shrunk towards the
 * pooled variance s²_d of all labeled items with the weight of one item,
 * {@code σ²_nd = (Σ_{i∈n} (x_id − μ_nd)² + s²_d) / (|n| + 1)}, so a class with a single labeled
 * item still has a proper density. A class without labeled items takes the pooled mean and
 * variance. Its own prediction is the posterior mode {@code argmax_n log p(x|n) + ln π_n}, π the
 * labeled class frequencies with add-one smoothing. Fitting costs {@code O(|labeled| · d)}, each
 * likelihood row {@code O(C · d)}.
 */
final class DiagonalGaussianLikelihood implements ClassLikelihood {
  /** Added to every variance, so a constant feature does not divide by zero. */
  private static final double VARIANCE_FLOOR = 1e-9;

  private final Matrix features;
  private final int classes;
  private final double[][] mean;
  private final double[][] inverseVariance;
  private final double[] constant;
  private final double[] logFrequency;

  private DiagonalGaussianLikelihood(Matrix features, int classes, double[][] mean, double[][] variance,
      double[] logFrequency) {
    this.features = features;
    this.classes = classes;
    this.mean = mean;
    this.logFrequency = logFrequency;
    this.inverseVariance = new double[classes][];
    this.constant = new double[classes];
    for (int n = 0; n < classes; n++) {
      inverseVariance[n] = new double[variance[n].length];
      for (int d = 0; d < variance[n].length; d++) {
        inverseVariance[n][d] = 1 / variance[n][d];
        constant[n] -= 0.5 * Math.log(2 * Math.PI * variance[n][d]);
      }
    }
  }

  /**
   * Fits the class Gaussians on the labeled rows of {@code features}.
   *
   * @param labels the class of each labeled item, in [0, classes)
   */
  static DiagonalGaussianLikelihood fit(Matrix features, int[] labeled, int[] labels, int classes) {
    int dims = features.cols();
    double[] pooledMean = new double[dims];
    double[][] sum = new double[classes][dims];
    int[] count = new int[classes];
    for (int k = 0; k < labeled.length; k++) {
      count[labels[k]]++;
      for (int d = 0; d < dims; d++) {
        float x = features.get(labeled[k], d);
        sum[labels[k]][d] += x;
        pooledMean[d] += x / labeled.length;
      }
    }
    double[] pooledVariance = new double[dims];
    double[][] squares = new double[classes][dims];
    double[][] mean = new double[classes][dims];
    for (int n = 0; n < classes; n++) {
      for (int d = 0; d < dims; d++) {
        mean[n][d] = count[n] > 0 ? sum[n][d] / count[n] : pooledMean[d];
      }
    }
    for (int k = 0; k < labeled.length; k++) {
      for (int d = 0; d < dims; d++) {
        double x = features.get(labeled[k], d);
        pooledVariance[d] += (x - pooledMean[d]) * (x - pooledMean[d]) / labeled.length;
        squares[labels[k]][d] += (x - mean[labels[k]][d]) * (x - mean[labels[k]][d]);
      }
    }
    double[][] variance = new double[classes][dims];
    double[] logFrequency = new double[classes];
    for (int n = 0; n < classes; n++) {
      for (int d = 0; d < dims; d++) {
        variance[n][d] = (count[n] > 0 ? (squares[n][d] + pooledVariance[d]) / (count[n] + 1)
            : pooledVariance[d]) + VARIANCE_FLOOR;
      }
      logFrequency[n] = Math.log((count[n] + 1.0) / (labeled.length + classes));
    }
    return new DiagonalGaussianLikelihood(features, classes, mean, variance, logFrequency);
  }

  @Override
  public int classes() {
    return classes;
  }

  @Override
  public double[] logLikelihoods(int[] items) {
    double[] out = new double[items.length * classes];
    for (int k = 0; k < items.length; k++) {
      rowLogLikelihoods(items[k], out, k * classes);
    }
    return out;
  }

  private void rowLogLikelihoods(int item, double[] out, int offset) {
    for (int n = 0; n < classes; n++) {
      double[] mu = mean[n];
      double[] precision = inverseVariance[n];
      double quadratic = 0;
      for (int d = 0; d < mu.length; d++) {
        double r = features.get(item, d) - mu[d];
        quadratic += r * r * precision[d];
      }
      out[offset + n] = constant[n] - 0.5 * quadratic;
    }
  }

  @Override
  public int[] predict(int[] items) {
    double[] log = logLikelihoods(items);
    int[] predicted = new int[items.length];
    for (int k = 0; k < items.length; k++) {
      int best = 0;
      for (int n = 1; n < classes; n++) {
        if (log[k * classes + n] + logFrequency[n] > log[k * classes + best] + logFrequency[best]) {
          best = n;
        }
      }
      predicted[k] = best;
    }
    return predicted;
  }
}
