package org.alkit.bayesian;

import java.util.Set;
import org.alkit.api.Signal;
import org.alkit.api.StrategyProvider;

/**
 * What the providers of this module share: a name and a description, the family {@code bayesian}
 * and the one signal they read, {@link Signal#MC_PROBABILITIES}. Subclasses give the options and
 * {@code create}.
 */
abstract class BayesianProvider implements StrategyProvider {
  private final String name;
  private final String description;

  BayesianProvider(String name, String description) {
    this.name = name;
    this.description = description;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String description() {
    return description;
  }

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
