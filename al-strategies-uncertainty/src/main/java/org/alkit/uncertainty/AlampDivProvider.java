package org.alkit.uncertainty;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.alkit.api.Options;
import org.alkit.api.Strategy;
import org.apiguardian.api.API;

/**
 * {@code alamp-div}: {@code alamp}'s order, diversified as in Algorithm 1 of Aggarwal, Popescu and
 * Hudelot, "Optimizing active learning for low annotation budgets" (2022). The candidates sorted
 * by alamp score
 *
 * <pre>  score(x) = (c_{k−1}(x) − c_k(x)) / (c_{k−1}(x) + c_k(x))</pre>
 *
 * are swept repeatedly; each sweep takes at most one not yet taken item per pseudo-class, the
 * pseudo-class being the class the previous round's model predicted (argmax of
 * {@code previous-probabilities}; the current prediction in the first round). The selection
 * reports each pick's alamp score, so scores need not be decreasing. Option {@code base} as for
 * {@link AlampProvider}. Requires {@code probabilities}, uses {@code previous-probabilities}.
 * Found through {@link java.util.ServiceLoader} under its name; the class itself is not API.
 */
@API(status = INTERNAL, since = "0.1")
public final class AlampDivProvider extends AlampFamilyProvider {
  /** The provider, as ServiceLoader creates it. */
  public AlampDivProvider() {
    super("alamp-div", "alamp, one item per previously predicted class per sweep (Aggarwal et al. 2022)");
  }

  @Override
  public Strategy create(Options options) {
    return new DiversifiedStrategy(name(), options,
        new Alamp(name(), AlampOptions.from(options).measure()), DiversifiedStrategy::previousPrediction);
  }
}
