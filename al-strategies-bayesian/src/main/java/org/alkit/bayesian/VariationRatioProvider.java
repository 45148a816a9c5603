package org.alkit.bayesian;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Set;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.apiguardian.api.API;

/**
 * {@code variation-ratio}: the disagreement of the passes' predicted classes (Freeman, "Elementary
 * Applied Statistics", 1965; as an acquisition function: Gal, Islam and Ghahramani, ICML 2017),
 *
 * <pre>  score(x) = 1 − f_m(x) / T,   f_m(x) = max_c |{t : argmax_c' p_t(c'|x) = c}|</pre>
 *
 * highest first, ties to the lower pool index; a pass's predicted class is the first maximum of
 * its row. 0 when every pass predicts the same class, at most 1 − 1/C. Option {@code over}: the
 * passes are {@code mc-probabilities} (the default: T stochastic forward passes) or
 * {@code committee-probabilities}, whose T members vote (Beluch, Genewein, Nürnberger and Köhler,
 * "The power of ensembles for active learning in image classification", CVPR 2018: 1 − (votes
 * for the modal class) / members); a committee of one member is refused, since it always agrees
 * with itself. The option decides the signal the strategy requires ({@link #requires(Options)}).
 * Found through {@link java.util.ServiceLoader} under its name; the class itself is not API.
 */
@API(status = INTERNAL, since = "0.1")
public final class VariationRatioProvider extends BayesianProvider {
  private static final Parameter OVER = Parameter.choice("over", Signal.MC_PROBABILITIES.key(),
      "whose votes: Monte-Carlo passes, or a committee's members (Beluch et al. 2018)",
      Signal.MC_PROBABILITIES.key(), Signal.COMMITTEE_PROBABILITIES.key());

  /** The provider, as ServiceLoader creates it. */
  public VariationRatioProvider() {
    super("variation-ratio",
        "1 - (passes or members voting for the modal class) / T (Freeman 1965; Gal et al. 2017; Beluch et al. 2018)");
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(OVER);
  }

  /** The signal {@code over} names. */
  @Override
  public Set<Signal> requires(Options options) {
    return Set.of(over(options));
  }

  @Override
  public Strategy create(Options options) {
    return McMeasure.VARIATION_RATIO.strategy(name(), options, over(options));
  }

  private static Signal over(Options options) {
    return options.getString(OVER.name()).equals(Signal.COMMITTEE_PROBABILITIES.key())
        ? Signal.COMMITTEE_PROBABILITIES : Signal.MC_PROBABILITIES;
  }
}
