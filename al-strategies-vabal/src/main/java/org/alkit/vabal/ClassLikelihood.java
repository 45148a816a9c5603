package org.alkit.vabal;

/**
 * The generative half of VaB-AL: a model of the features given the predicted class, fitted on the
 * labeled pool, that gives {@code log p(x | ŷ = n)} for every class n and predicts classes itself.
 * In the paper the model is a VAE on the classifier's features whose latent space holds ten
 * dimensions per class; {@code p(x | ŷ_n)} is the ELBO with every other class's dimensions masked
 * and its own classifier is {@code softmax(−w)}, {@code w_n = Σ_{j∈C_n} z_j²}. This module ships
 * {@link DiagonalGaussianLikelihood}; the VAE (DJL) implements the same interface.
 */
interface ClassLikelihood {
  /** C, the number of classes. */
  int classes();

  /**
   * Writes {@code log p(x_i | ŷ = n)} for n = 0..C−1 into {@code out}: finite values, in any
   * common unit (the score is invariant to an additive constant).
   */
  void logLikelihoods(int item, double[] out);

  /** The model's own predicted class of pool item {@code item}. */
  int predict(int item);
}
