package org.alkit.vabal;

/**
 * VaB-AL's score, the probability that the classifier's prediction for x is wrong, by Bayes' rule
 * over the predicted class (Choi et al. 2021):
 *
 * <pre>  p(y ≠ ŷ | x) ≈ 1 − Σ_n p(y_n | ŷ_n) p(ŷ_n | x),
 *  p(ŷ_n | x) = p(x | ŷ_n) p(ŷ_n) / Σ_k p(x | ŷ_k) p(ŷ_k)</pre>
 *
 * computed in log space, {@code p(ŷ_n | x) = exp(ℓ_n − logsumexp_k ℓ_k)} with
 * {@code ℓ_n = ln p(x | ŷ_n) + ln p(ŷ_n)}, so likelihoods of high-dimensional features (ln p of
 * −10⁴ and below) neither underflow nor lose the ratios. Without the difficulty term the expected
 * correctness is replaced by the posterior's confidence, {@code 1 − max_n p(ŷ_n | x)}.
 */
final class ErrorProbability {
  private ErrorProbability() {}

  /**
   * @param logLikelihood ln p(x | ŷ_n), one per class (overwritten with the posterior)
   * @param difficulty whether to weigh the posterior by p(y_n | ŷ_n)
   */
  static double score(double[] logLikelihood, ClassTerms terms, boolean difficulty) {
    double max = Double.NEGATIVE_INFINITY;
    for (int n = 0; n < logLikelihood.length; n++) {
      logLikelihood[n] += terms.logPrior()[n];
      max = Math.max(max, logLikelihood[n]);
    }
    double total = 0;
    for (int n = 0; n < logLikelihood.length; n++) {
      logLikelihood[n] = Math.exp(logLikelihood[n] - max);
      total += logLikelihood[n];
    }
    double expected = 0;
    double confidence = 0;
    for (int n = 0; n < logLikelihood.length; n++) {
      double posterior = logLikelihood[n] / total;
      expected += terms.correct()[n] * posterior;
      confidence = Math.max(confidence, posterior);
    }
    return 1 - (difficulty ? expected : confidence);
  }
}
