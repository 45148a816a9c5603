package org.alkit.uncertainty;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Set;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.apiguardian.api.API;

/**
 * {@code diversify}: any score of this module, diversified over the predicted classes as in
 * Algorithm 1 of Aggarwal, Popescu and Hudelot, "Optimizing active learning for low annotation
 * budgets" (2022). The candidates sorted by the base score (best first, ties to the lower index)
 * are swept repeatedly; each sweep takes at most one not yet taken item per pseudo-class
 * ŷ(x) = argmax_c p(c | x), the current model's prediction.
 *
 * <p>Option {@code base}: {@code margin} (default; the paper's marg-div), {@code random} (uniform
 * scores from {@code ctx.random()}; the paper's rand-div), {@code entropy},
 * {@code least-confidence} or {@code ratio}. The selection reports each pick's base score.
 * Requires {@code probabilities}. Found through {@link java.util.ServiceLoader} under its name;
 * the class itself is not API.
 */
@API(status = INTERNAL, since = "0.1")
public final class DiversifyProvider extends UncertaintyProvider {
  /** The provider, as ServiceLoader creates it. */
  public DiversifyProvider() {
    super("diversify", "a base score, one item per predicted class per sweep (marg-div, rand-div; Aggarwal et al. 2022)",
        Set.of(Signal.PROBABILITIES));
  }

  /** {@code base}. */
  @Override
  public List<Parameter> parameters() {
    return List.of(DiversifyOptions.BASE);
  }

  @Override
  public Strategy create(Options options) {
    return new DiversifiedStrategy(name(), options, DiversifyOptions.from(options).scorer(),
        DiversifiedStrategy::currentPrediction);
  }
}
