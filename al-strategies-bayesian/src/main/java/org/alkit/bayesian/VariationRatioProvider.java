package org.alkit.bayesian;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.alkit.api.Options;
import org.alkit.api.Strategy;
import org.apiguardian.api.API;

/**
 * {@code variation-ratio}: the disagreement of the passes' predicted classes (Freeman, "Elementary
 * Applied Statistics", 1965; as an acquisition function: Gal, Islam and Ghahramani, ICML 2017),
 *
 * <pre>  score(x) = 1 − f_m(x) / T,   f_m(x) = max_c |{t : argmax_c' p_t(c'|x) = c}|</pre>
 *
 * highest first, ties to the lower pool index; a pass's predicted class is the first maximum of
 * its row. 0 when every pass predicts the same class, at most 1 − 1/C. Requires
 * {@code mc-probabilities}; no options. Found through {@link java.util.ServiceLoader} under its
 * name; the class itself is not API.
 */
@API(status = INTERNAL, since = "0.1")
public final class VariationRatioProvider extends BayesianProvider {
  /** The provider, as ServiceLoader creates it. */
  public VariationRatioProvider() {
    super("variation-ratio",
        "1 - (passes predicting the modal class) / T (Freeman 1965; Gal et al. 2017)");
  }

  @Override
  public Strategy create(Options options) {
    return McMeasure.VARIATION_RATIO.strategy(name(), options);
  }
}
