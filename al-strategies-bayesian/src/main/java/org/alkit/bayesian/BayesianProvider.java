package org.alkit.bayesian;

import java.util.Set;
import org.alkit.api.Signal;
import org.alkit.api.StrategyProvider;

/**
 * What the providers of this module share: the family {@code bayesian} and the one signal they
 * read, {@link Signal#MC_PROBABILITIES}. Subclasses give the name, the description, the options
 * and {@code create}.
 */
abstract class BayesianProvider implements StrategyProvider {
  /** {@code bayesian}. */
  @Override
  public final String family() {
    return "bayesian";
  }

  /** {@link Signal#MC_PROBABILITIES}: T stochastic forward passes, each n × C. */
  @Override
  public final Set<Signal> requires() {
    return Set.of(Signal.MC_PROBABILITIES);
  }
}
