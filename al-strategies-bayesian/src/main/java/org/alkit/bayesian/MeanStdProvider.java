package org.alkit.bayesian;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.alkit.api.Options;
import org.alkit.api.Strategy;
import org.apiguardian.api.API;

/**
 * {@code mean-std}: the mean standard deviation of the class probabilities over Monte-Carlo passes
 * (Kampffmeyer, Salberg and Jenssen, "Semantic Segmentation of Small Objects and Modeling of
 * Uncertainty in Urban Remote Sensing Images Using Deep Convolutional Neural Networks", CVPR
 * workshops 2016; Gal, Islam and Ghahramani, ICML 2017),
 *
 * <pre>  score(x) = (1/C) Σ_c sqrt( (1/T) Σ_t (q_t,c − q̄_c)² ),   q̄_c = (1/T) Σ_t q_t,c</pre>
 *
 * with q_t the renormalised rows and the population (1/T) variance, highest first, ties to the
 * lower pool index. Requires {@code mc-probabilities}; no options. Found through
 * {@link java.util.ServiceLoader} under its name; the class itself is not API.
 */
@API(status = INTERNAL, since = "0.1")
public final class MeanStdProvider extends BayesianProvider {
  /** The provider, as ServiceLoader creates it. */
  public MeanStdProvider() {
    super("mean-std",
        "mean over classes of the std over MC passes of p_c (Kampffmeyer et al. 2016)");
  }

  @Override
  public Strategy create(Options options) {
    return McMeasure.MEAN_STD.strategy(name(), options);
  }
}
