package org.alkit.spark;

import java.io.Serializable;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.alkit.api.ComputeBackend;
import org.alkit.api.InvalidInputException;
import org.alkit.api.ScenarioHints;
import org.alkit.api.Selection;
import org.alkit.api.UnknownNameException;
import org.alkit.runtime.Registry;
import org.alkit.runtime.SelectionRequest;

/**
 * A batch strategy as the tasks and the driver of a distributed batch selection run it on a
 * {@link Subset} of the pool: its name, options, budget, seed and round ({@code shard}) and the
 * scenario hints the driver was given (a scenario and the rare and OOD classes: SIMILAR's query and
 * private sets are labeled items, which every context holds).
 */
record Batch(Shard shard, String scenario, Set<Integer> rareClasses, Set<Integer> oodClasses) implements Serializable {
  private static final long serialVersionUID = 1L;

  Batch {
    rareClasses = new TreeSet<>(rareClasses); // serializable whatever set the caller gave
    oodClasses = new TreeSet<>(oodClasses);
  }

  /** The batch with {@code hints}; SIMILAR's explicit query or private indices or features are refused. */
  static Batch of(Shard shard, ScenarioHints hints) {
    if (!hints.queryIndices().isEmpty() || !hints.privateIndices().isEmpty() || hints.queryFeatures().isPresent()
        || hints.privateFeatures().isPresent()) {
      throw new InvalidInputException("the spark engine takes SIMILAR's query and private sets from labeled items"
          + " (rare or OOD classes, scenario redundancy); expected no query or private indices or features");
    }
    if (!SelectionRequest.SCENARIOS.contains(hints.scenario())) {
      throw new UnknownNameException("--scenario", hints.scenario(), SelectionRequest.SCENARIOS);
    }
    return new Batch(shard, hints.scenario(), hints.rareClasses(), hints.oodClasses());
  }

  /**
   * What the strategy picks among the unlabeled rows of {@code rows}, with {@code budget} picks, on
   * a {@code java} backend of {@code threads} workers (0: the backend's default); picks are rows.
   *
   * @throws InvalidInputException naming the subset's items, for bad input the strategy finds
   */
  Selection select(Subset rows, int budget, int threads) {
    Registry registry = Shard.registry();
    ScenarioHints hints = ScenarioHints.none().withScenario(scenario).withRareClasses(rareClasses)
        .withOodClasses(oodClasses);
    try (ComputeBackend backend = registry.createBackend("java",
        threads > 0 ? Map.of("threads", Integer.toString(threads)) : Map.of())) {
      return registry.createStrategy(shard.strategy(), shard.options()).select(rows.context().budget(budget)
          .round(shard.round()).seed(shard.seed()).hints(hints).backend(backend).build());
    } catch (InvalidInputException e) {
      throw new InvalidInputException("pool items " + rows.ids()[0] + " to " + rows.ids()[rows.size() - 1]
          + " (row r of the message is the r-th of them): " + e.getMessage(), e);
    }
  }
}
