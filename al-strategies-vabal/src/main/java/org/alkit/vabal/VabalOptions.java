package org.alkit.vabal;

import org.alkit.api.InvalidInputException;
import org.alkit.api.Options;

/**
 * Options of {@code vabal}.
 *
 * @param prior whether the class prior p(ŷ_n) is estimated (false: uniform, the paper's ablation
 *     without class imbalance)
 * @param difficulty whether the posterior is weighed by p(y_n | ŷ_n) (false: 1 − max posterior)
 * @param smoothing α of the add-α estimates of both terms, 0 &lt; α ≤ {@value #MAX_SMOOTHING}
 */
record VabalOptions(boolean prior, boolean difficulty, double smoothing) {
  static final double MAX_SMOOTHING = 1e6;

  VabalOptions {
    if (!(smoothing > 0 && smoothing <= MAX_SMOOTHING)) {
      throw new InvalidInputException("option 'smoothing' = " + smoothing + ": expected 0 < smoothing <= "
          + MAX_SMOOTHING);
    }
  }

  static VabalOptions from(Options options) {
    return new VabalOptions(options.getBoolean("prior"), options.getBoolean("difficulty"),
        options.getDouble("smoothing"));
  }
}
