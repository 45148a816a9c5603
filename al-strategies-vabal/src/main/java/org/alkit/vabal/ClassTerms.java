package org.alkit.vabal;

import java.util.Arrays;

/**
 * The two per-class terms of VaB-AL's score, estimated on the labeled pool from the likelihood
 * model's own predictions ŷ (Choi et al. 2021, eq. 6), with add-α (Laplace) smoothing so a class
 * the model never predicts still has a defined value:
 *
 * <pre>  p(ŷ_n)      = (|{i : ŷ_i = n}| + α) / (|L| + C·α)                   (class prior)
 *  p(y_n | ŷ_n) = (|{i : ŷ_i = n, y_i = n}| + α) / (|{i : ŷ_i = n}| + 2α)  (difficulty)</pre>
 *
 * @param logPrior ln p(ŷ_n), one per class
 * @param correct p(y_n | ŷ_n), one per class: how often a prediction of class n is right
 */
record ClassTerms(double[] logPrior, double[] correct) {
  /** Counts the model's predictions of the labeled items against their labels. */
  static ClassTerms estimate(ClassLikelihood model, int[] labeled, int[] labels, double smoothing) {
    int classes = model.classes();
    int[] predicted = new int[classes];
    int[] right = new int[classes];
    int[] predictions = model.predict(labeled);
    for (int k = 0; k < labeled.length; k++) {
      int n = predictions[k];
      predicted[n]++;
      if (n == labels[k]) {
        right[n]++;
      }
    }
    double[] logPrior = new double[classes];
    double[] correct = new double[classes];
    for (int n = 0; n < classes; n++) {
      logPrior[n] = Math.log((predicted[n] + smoothing) / (labeled.length + classes * smoothing));
      correct[n] = (right[n] + smoothing) / (predicted[n] + 2 * smoothing);
    }
    return new ClassTerms(logPrior, correct);
  }

  /** The same difficulty with a uniform prior p(ŷ_n) = 1/C: the ablation without class imbalance. */
  ClassTerms withUniformPrior() {
    double[] uniform = new double[logPrior.length];
    Arrays.fill(uniform, -Math.log(logPrior.length));
    return new ClassTerms(uniform, correct);
  }
}
