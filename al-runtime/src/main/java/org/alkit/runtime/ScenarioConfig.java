package org.alkit.runtime;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.alkit.api.InvalidInputException;
import org.alkit.api.ScenarioHints;
import org.apiguardian.api.API;

/**
 * One scenario of a run: its name, the strategy it runs with and the hints the strategy reads
 * (SIMILAR's query and private sets, Kothawade et al. 2021). Q and P are either given explicitly,
 * as pool indices ({@code query}, {@code private}) or as items in a {@code .npy} file
 * ({@code query-data}, {@code private-data}: rows of the dataset's feature columns, which each
 * round's model maps into the embeddings the strategy reads; a relative path is read against the
 * configuration file's folder), or derived by the strategy from the labeled items as the loop labels them: Q is
 * the labeled items of the rare classes (or, without rare classes, those not of an OOD class), P
 * the labeled items of the OOD classes, or the whole labeled set when the scenario is named
 * {@code redundancy}.
 *
 * <pre>{@code
 * scenarios:
 *   - {name: rare-classes, strategy: similar, strategy-options: {function: flvmi}, rare-classes: [3, 7]}
 *   - {name: ood, strategy: similar, strategy-options: {function: flcmi}, ood-classes: [9]}
 *   - {name: redundancy, strategy: similar, strategy-options: {function: flcg}}
 *   - {name: exemplars, strategy: similar, strategy-options: {function: flmi}, query: [12, 40, 41]}
 *   - {name: avoid, strategy: similar, strategy-options: {function: flcmi}, private-data: seen.npy}
 * }</pre>
 *
 * <p>Experimental: scenarios keep gaining hints (rare and OOD classes, then query and private
 * sets), and a record cannot grow compatibly.
 *
 * @param name the scenario's name; {@code redundancy} makes P the labeled set
 * @param strategy the strategy's name
 * @param strategyOptions the strategy's options, as text
 * @param rareClasses the labels of the rare classes (Q), each ≥ 0
 * @param oodClasses the labels of the out-of-distribution classes (P), each ≥ 0
 * @param query pool indices of an explicit query set Q, distinct, each ≥ 0
 * @param privateSet pool indices of an explicit private set P, distinct, each ≥ 0
 * @param queryData a {@code .npy} file of query feature rows, instead of {@code query}
 * @param privateData a {@code .npy} file of private feature rows, instead of {@code privateSet}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ScenarioConfig(String name, String strategy, Map<String, String> strategyOptions,
    Set<Integer> rareClasses, Set<Integer> oodClasses, List<Integer> query, List<Integer> privateSet,
    Optional<Path> queryData, Optional<Path> privateData) {
  /** A scenario without rare or OOD classes. */
  public ScenarioConfig(String name, String strategy, Map<String, String> strategyOptions) {
    this(name, strategy, strategyOptions, Set.of(), Set.of());
  }

  /** A scenario whose query and private sets the strategy derives from the rare and OOD classes. */
  public ScenarioConfig(String name, String strategy, Map<String, String> strategyOptions,
      Set<Integer> rareClasses, Set<Integer> oodClasses) {
    this(name, strategy, strategyOptions, rareClasses, oodClasses, List.of(), List.of(), Optional.empty(),
        Optional.empty());
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
    query = indices(name, "query", query);
    privateSet = indices(name, "private", privateSet);
    queryData = oneOf(name, "query", query, queryData);
    privateData = oneOf(name, "private", privateSet, privateData);
  }

  private static List<Integer> indices(String scenario, String key, List<Integer> indices) {
    Set<Integer> seen = new HashSet<>();
    for (int i : indices) {
      if (i < 0 || !seen.add(i)) {
        throw new InvalidInputException("scenario '" + Shown.of(scenario) + "': " + key + " holds " + i
            + (i < 0 ? "" : " twice") + "; expected distinct pool indices >= 0");
      }
    }
    return List.copyOf(indices);
  }

  private static Optional<Path> oneOf(String scenario, String key, List<Integer> indices, Optional<Path> data) {
    Objects.requireNonNull(data, key + "-data");
    if (data.isPresent() && !indices.isEmpty()) {
      throw new InvalidInputException("scenario '" + Shown.of(scenario) + "': both " + key + " and " + key
          + "-data = " + data.get() + "; expected one: pool indices or a .npy file of feature rows");
    }
    return data;
  }

  /**
   * The same scenario with relative {@code query-data} and {@code private-data} paths resolved
   * against {@code folder} (the configuration file's).
   */
  public ScenarioConfig relativeTo(Path folder) {
    return new ScenarioConfig(name, strategy, strategyOptions, rareClasses, oodClasses, query, privateSet,
        queryData.map(f -> folder.resolve(f).normalize()), privateData.map(f -> folder.resolve(f).normalize()));
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

  /**
   * The hints the strategy of this scenario reads: its name, its rare and OOD classes and the pool
   * indices of its explicit query and private sets (the caller adds the feature files' rows).
   */
  public ScenarioHints hints() {
    return ScenarioHints.none().withScenario(name).withRareClasses(rareClasses).withOodClasses(oodClasses)
        .withQueryIndices(query).withPrivateIndices(privateSet);
  }
}
