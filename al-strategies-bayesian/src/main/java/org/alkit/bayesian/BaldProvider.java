package org.alkit.bayesian;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.alkit.api.Options;
import org.alkit.api.Strategy;
import org.apiguardian.api.API;

/**
 * {@code bald}: Bayesian Active Learning by Disagreement (Houlsby, Huszár, Ghahramani and Lengyel,
 * "Bayesian Active Learning for Classification and Preference Learning", 2011; with MC dropout:
 * Gal, Islam and Ghahramani, "Deep Bayesian Active Learning with Image Data", ICML 2017). From T
 * stochastic forward passes q_t(· | x) (rows renormalised to sum 1),
 *
 * <pre>  score(x) = H[(1/T) Σ_t q_t(·|x)] − (1/T) Σ_t H[q_t(·|x)],   H[q] = −Σ_c q_c ln q_c</pre>
 *
 * the mutual information between the label and the model parameters, in nats, highest first, ties
 * to the lower pool index. Matches DISTIL's {@code BALDDropout} to 10⁻⁵ on float32 inputs.
 * Requires {@code mc-probabilities}; no options. Cost {@code O(n·T·C)}, memory {@code O(n)}.
 * Found through {@link java.util.ServiceLoader} under its name; the class itself is not API.
 */
@API(status = INTERNAL, since = "0.1")
public final class BaldProvider extends BayesianProvider {
  /** The provider, as ServiceLoader creates it. */
  public BaldProvider() {
    super("bald",
        "mutual information H[mean_t p_t] - mean_t H[p_t] over MC passes (Houlsby et al. 2011)");
  }

  @Override
  public Strategy create(Options options) {
    return McMeasure.BALD.strategy(name(), options);
  }
}
