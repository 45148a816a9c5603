package org.alkit.runtime;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.alkit.api.InvalidInputException;
import org.alkit.api.ScenarioHints;
import org.apiguardian.api.API;

/**
 * One scenario of a run: its name, the strategy it runs with and the hints the strategy reads
 * (SIMILAR's query and private sets, Kothawade et al. 2021): the query set Q is the labeled items
 * of the rare classes (or, without rare classes, those not of an OOD class), the private set P the
 * labeled items of the OOD classes, or the whole labeled set when the scenario is named
 * {@code redundancy}. Both grow as the loop labels items.
 *
 * <pre>{@code
 * scenarios:
 *   - {name: rare-classes, strategy: similar, strategy-options: {function: flvmi}, rare-classes: [3, 7]}
 *   - {name: ood, strategy: similar, strategy-options: {function: flcmi}, ood-classes: [9]}
 *   - {name: redundancy, strategy: similar, strategy-options: {function: flcg}}
 * }</pre>
 *
 * @param name the scenario's name; {@code redundancy} makes P the labeled set
 * @param strategy the strategy's name
 * @param strategyOptions the strategy's options, as text
 * @param rareClasses the labels of the rare classes (Q), each ≥ 0
 * @param oodClasses the labels of the out-of-distribution classes (P), each ≥ 0
 */
@API(status = STABLE, since = "0.1")
public record ScenarioConfig(String name, String strategy, Map<String, String> strategyOptions,
    Set<Integer> rareClasses, Set<Integer> oodClasses) {
  /** A scenario without rare or OOD classes. */
  public ScenarioConfig(String name, String strategy, Map<String, String> strategyOptions) {
    this(name, strategy, strategyOptions, Set.of(), Set.of());
  }

  /** Checks the names and the classes and copies the collections. */
  public ScenarioConfig {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("scenario name = '" + Shown.of(name) + "'; expected a non-blank name");
    }
    if (strategy == null || strategy.isBlank()) {
      throw new InvalidInputException("scenario '" + Shown.of(name) + "': strategy = '" + Shown.of(strategy)
          + "'; expected a strategy name");
    }
    strategyOptions = Map.copyOf(Objects.requireNonNull(strategyOptions, "strategyOptions"));
    rareClasses = classes(name, "rare-classes", rareClasses);
    oodClasses = classes(name, "ood-classes", oodClasses);
  }

  private static Set<Integer> classes(String scenario, String key, Set<Integer> classes) {
    for (int c : classes) {
      if (c < 0) {
        throw new InvalidInputException("scenario '" + Shown.of(scenario) + "': " + key + " holds " + c
            + "; expected class labels >= 0");
      }
    }
    return Set.copyOf(classes);
  }

  /** The hints the strategy of this scenario reads: its name and its rare and OOD classes. */
  public ScenarioHints hints() {
    return ScenarioHints.none().withScenario(name).withRareClasses(rareClasses).withOodClasses(oodClasses);
  }
}
