package org.alkit.vabal;

import java.util.Locale;
import org.alkit.api.Options;

/**
 * Options of {@code vabal}, read from options resolved against {@link VabalProvider#parameters()},
 * which bound the numbers.
 *
 * @param likelihood the model of p(x | ŷ_n): the paper's VAE, or class Gaussians
 * @param prior whether the class prior p(ŷ_n) is estimated (false: uniform, the paper's ablation
 *     without class imbalance)
 * @param difficulty whether the posterior is weighed by p(y_n | ŷ_n) (false: 1 − max posterior)
 * @param smoothing α of the add-α estimates of both terms, 0 &lt; α ≤ {@value #MAX_SMOOTHING}
 * @param vae the VAE's training and sampling, read only with {@code likelihood: vae}
 */
record VabalOptions(Likelihood likelihood, boolean prior, boolean difficulty, double smoothing, VaeSettings vae) {
  static final double MAX_SMOOTHING = 1e6;

  /** The models of p(x | ŷ_n). */
  enum Likelihood {
    /** {@link Vae}: the paper's VAE with ten latent dimensions per class (DJL). */
    VAE,
    /** {@link DiagonalGaussianLikelihood}: class Gaussians, no training. */
    GAUSSIAN;

    /** The option's spelling. */
    String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static VabalOptions from(Options options) {
    return new VabalOptions(Likelihood.valueOf(options.getString("likelihood").toUpperCase(Locale.ROOT)),
        options.getBoolean("prior"), options.getBoolean("difficulty"), options.getDouble("smoothing"),
        VaeSettings.from(options));
  }
}
