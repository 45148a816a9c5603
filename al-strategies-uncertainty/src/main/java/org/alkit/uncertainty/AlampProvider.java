package org.alkit.uncertainty;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.alkit.api.Options;
import org.alkit.api.Strategy;
import org.apiguardian.api.API;

/**
 * {@code alamp}: the items whose certainty dropped most, relatively, since the previous round
 * (Aggarwal, Popescu and Hudelot, "Optimizing active learning for low annotation budgets", 2022):
 *
 * <pre>  score(x) = (c_{k−1}(x) − c_k(x)) / (c_{k−1}(x) + c_k(x))</pre>
 *
 * highest first, with c_k the certainty under this round's probabilities and c_{k−1} under the
 * previous round's. Option {@code base} picks the certainty: {@code margin} p(1) − p(2) (default,
 * the paper's), {@code least-confidence} max p, {@code ratio} 1 − p(2)/p(1), {@code entropy}
 * 1 − H(p)/ln C. Both certainties 0 (0/0) score 0. In the first round, without
 * {@code previous-probabilities}, it ranks by the base measure's uncertainty 1 − c_k, i.e.
 * margin sampling by default. Requires {@code probabilities}, uses
 * {@code previous-probabilities}; a different class count in the two rounds is an
 * {@link org.alkit.api.InvalidInputException} naming both shapes. Found through
 * {@link java.util.ServiceLoader} under its name; the class itself is not API.
 */
@API(status = INTERNAL, since = "0.1")
public final class AlampProvider extends AlampFamilyProvider {
  /** The provider, as ServiceLoader creates it. */
  public AlampProvider() {
    super("alamp", "relative drop of the margin since the previous round (Aggarwal et al. 2022)");
  }

  @Override
  public Strategy create(Options options) {
    return new ScoredStrategy(name(), options, new Alamp(name(), AlampOptions.from(options).measure()));
  }
}
