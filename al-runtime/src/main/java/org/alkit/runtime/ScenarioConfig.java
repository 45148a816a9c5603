package org.alkit.runtime;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Map;
import java.util.Objects;
import org.alkit.api.InvalidInputException;
import org.apiguardian.api.API;

/**
 * One scenario of a run: its name (e.g. {@code rare-classes}) and the strategy it runs with.
 *
 * @param name the scenario's name
 * @param strategy the strategy's name
 * @param strategyOptions the strategy's options, as text
 */
@API(status = STABLE, since = "0.1")
public record ScenarioConfig(String name, String strategy, Map<String, String> strategyOptions) {
  /** Checks the names and copies the options. */
  public ScenarioConfig {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("scenario name = '" + Shown.of(name) + "'; expected a non-blank name");
    }
    if (strategy == null || strategy.isBlank()) {
      throw new InvalidInputException("scenario '" + Shown.of(name) + "': strategy = '" + Shown.of(strategy)
          + "'; expected a strategy name");
    }
    strategyOptions = Map.copyOf(Objects.requireNonNull(strategyOptions, "strategyOptions"));
  }
}
