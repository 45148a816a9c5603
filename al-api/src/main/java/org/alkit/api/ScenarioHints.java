package org.alkit.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What the scenario tells a strategy beyond the pool: the rare classes it should find, a query
 * set Q it should match and a private set P it should avoid (SIMILAR, Kothawade et al. 2021).
 * Q and P come either as pool indices or as separate feature matrices.
 *
 * @param scenario the scenario's name, e.g. {@code rare-classes}, {@code ood}, {@code redundancy}, or {@code none}
 * @param rareClasses class labels that are rare
 * @param oodClasses labels that mark out-of-distribution items
 * @param queryIndices pool indices of the query set
 * @param queryFeatures query items given as features (rows), when they are not pool items
 * @param privateIndices pool indices of the private set
 * @param privateFeatures private items given as features, when they are not pool items
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ScenarioHints(
    String scenario,
    Set<Integer> rareClasses,
    Set<Integer> oodClasses,
    List<Integer> queryIndices,
    Optional<Matrix> queryFeatures,
    List<Integer> privateIndices,
    Optional<Matrix> privateFeatures) {

  /** Copies every collection; nulls are not allowed. */
  public ScenarioHints {
    Objects.requireNonNull(scenario, "scenario");
    rareClasses = Set.copyOf(rareClasses);
    oodClasses = Set.copyOf(oodClasses);
    queryIndices = List.copyOf(queryIndices);
    queryFeatures = Objects.requireNonNull(queryFeatures, "queryFeatures");
    privateIndices = List.copyOf(privateIndices);
    privateFeatures = Objects.requireNonNull(privateFeatures, "privateFeatures");
  }

  /** No hints at all. */
  public static ScenarioHints none() {
    return new ScenarioHints("none", Set.of(), Set.of(), List.of(), Optional.empty(), List.of(),
        Optional.empty());
  }

  /** A copy with another scenario name. */
  public ScenarioHints withScenario(String name) {
    return new ScenarioHints(name, rareClasses, oodClasses, queryIndices, queryFeatures,
        privateIndices, privateFeatures);
  }

  /** A copy with the given rare classes. */
  public ScenarioHints withRareClasses(Set<Integer> classes) {
    return new ScenarioHints(scenario, classes, oodClasses, queryIndices, queryFeatures,
        privateIndices, privateFeatures);
  }

  /** A copy with the given out-of-distribution labels. */
  public ScenarioHints withOodClasses(Set<Integer> classes) {
    return new ScenarioHints(scenario, rareClasses, classes, queryIndices, queryFeatures,
        privateIndices, privateFeatures);
  }

  /** A copy whose query set is the given pool items. */
  public ScenarioHints withQueryIndices(List<Integer> indices) {
    return new ScenarioHints(scenario, rareClasses, oodClasses, indices, queryFeatures,
        privateIndices, privateFeatures);
  }

  /** A copy whose query set is the given feature rows. */
  public ScenarioHints withQueryFeatures(Matrix features) {
    return new ScenarioHints(scenario, rareClasses, oodClasses, queryIndices,
        Optional.of(features), privateIndices, privateFeatures);
  }

  /** A copy whose private set is the given pool items. */
  public ScenarioHints withPrivateIndices(List<Integer> indices) {
    return new ScenarioHints(scenario, rareClasses, oodClasses, queryIndices, queryFeatures,
        indices, privateFeatures);
  }

  /** A copy whose private set is the given feature rows. */
  public ScenarioHints withPrivateFeatures(Matrix features) {
    return new ScenarioHints(scenario, rareClasses, oodClasses, queryIndices, queryFeatures,
        privateIndices, Optional.of(features));
  }
}
