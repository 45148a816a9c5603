package org.alkit.gpu.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;

/**
 * Bayes by backprop's prior over each weight (Blundell et al., ICML 2015, §3.3), a scale mixture
 * of two zero-mean Gaussians,
 *
 * <pre>  P(θ) = π N(θ | 0, σ₁²) + (1 − π) N(θ | 0, σ₂²),   σ₁ &gt; σ₂</pre>
 *
 * a wide component and a narrow one that lets many weights sit near 0 cheaply. The paper's
 * choices: π ∈ {1/4, 1/2, 3/4}, −log σ₁ ∈ {0, 1, 2}, −log σ₂ ∈ {6, 7, 8}.
 *
 * @param pi the wide component's weight, in (0, 1] (the options' bounds)
 * @param sigma1 the wide component's σ₁ &gt; 0
 * @param sigma2 the narrow component's σ₂ &gt; 0
 */
record ScaleMixturePrior(double pi, double sigma1, double sigma2) {
  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

  /**
   * Σ log P(θ) over the entries of {@code theta}, each mixture's log-sum-exp taken stably:
   * log P = m + log(e^{a − m} + e^{b − m}), a and b the components' log densities with their
   * weights, m = max(a, b).
   */
  NDArray logDensity(NDArray theta) {
    NDArray squares = theta.square();
    NDArray a = component(squares, pi, sigma1);
    if (pi == 1) {
      return a.sum();
    }
    NDArray b = component(squares, 1 - pi, sigma2);
    NDArray m = NDArrays.maximum(a, b).stopGradient();
    return a.sub(m).exp().add(b.sub(m).exp()).log().add(m).sum();
  }

  /** log(w · N(θ | 0, σ²)) = log w − ½ log 2π − log σ − θ² / (2σ²), entry by entry. */
  private static NDArray component(NDArray squares, double weight, double sigma) {
    return squares.mul((float) (-0.5 / (sigma * sigma)))
        .add((float) (Math.log(weight) - HALF_LOG_TWO_PI - Math.log(sigma)));
  }
}
