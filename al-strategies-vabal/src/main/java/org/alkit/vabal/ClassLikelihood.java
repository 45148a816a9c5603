package org.alkit.vabal;

/**
 * The generative half of VaB-AL: a model of the features given the predicted class, fitted on the
 * pool, that gives {@code ln p(x | ŷ = n)} for every class n and predicts classes itself. The
 * paper's model is {@link VaeLikelihood} (a VAE on the classifier's features whose latent space
 * holds ten dimensions per class); {@link DiagonalGaussianLikelihood} is the cheap one.
 */
interface ClassLikelihood {
  /** C, the number of classes. */
  int classes();

  /**
   * {@code ln p(x_i | ŷ = n)} of each pool item {@code i = items[k]} at {@code [k·C + n]}: finite
   * values, in any common unit (the score is invariant to an additive constant).
   */
  double[] logLikelihoods(int[] items);

  /** The model's own predicted class of each pool item of {@code items}, position by position. */
  int[] predict(int[] items);
}
