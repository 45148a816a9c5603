package org.alkit.runtime;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.ScenarioHints;
import org.apiguardian.api.API;

/**
 * One run to make: a configuration, the data it runs on and the hints of its scenario, checked
 * against each other when made, so that a library user, {@code alkit run}, {@code alkit eval} and
 * the labeling service refuse the same bad inputs, before round 1, with the same one-line
 * messages: the pool must hold {@code initial-labeled + rounds × budget} items, the hints' rare and
 * OOD classes must be classes of the data set, their query and private indices items of the pool,
 * and their query and private feature rows as wide as the data set's.
 *
 * <p>{@link #of(RunConfig, Dataset)} makes the requests of a configuration: one per scenario (each
 * with its strategy, its hints and the rows of its {@code query-data} and {@code private-data}
 * files), or one without hints for a configuration without scenarios.
 *
 * <pre>{@code
 * for (RunRequest request : RunRequest.of(RunConfig.load(path), dataset)) {
 *   try (ActiveLearningLoop loop = Runs.assemble(request, registry)) {
 *     RunResult result = loop.run(request.hints(), round -> {});
 *   }
 * }
 * }</pre>
 *
 * @param config what the run does; with scenarios, already the scenario's ({@link RunConfig#forScenario})
 * @param dataset the data it runs on
 * @param hints the scenario's hints ({@link ScenarioHints#none()} without a scenario)
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record RunRequest(RunConfig config, Dataset dataset, ScenarioHints hints) {
  /**
   * Checks the configuration and the hints against the data.
   *
   * @throws InvalidInputException naming what does not fit, its value and what was expected
   */
  public RunRequest {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(hints, "hints");
    int pool = dataset.pool().rows();
    long needed = config.initialLabeled() + (long) config.rounds() * config.budget();
    if (needed > pool) {
      throw new InvalidInputException("initial-labeled + rounds × budget = " + config.initialLabeled() + " + "
          + config.rounds() + " × " + config.budget() + " = " + needed + " exceeds the pool (" + pool
          + " items); expected at most " + pool + ": lower rounds, budget or initial-labeled");
    }
    String where = "scenario '" + hints.scenario() + "': ";
    requireClasses(where + "rare-classes", hints.rareClasses(), dataset.numClasses());
    requireClasses(where + "ood-classes", hints.oodClasses(), dataset.numClasses());
    requireIndices(where + "query", hints.queryIndices(), pool);
    requireIndices(where + "private", hints.privateIndices(), pool);
    requireColumns(where + "query-data", hints.queryFeatures(), dataset.pool().cols());
    requireColumns(where + "private-data", hints.privateFeatures(), dataset.pool().cols());
  }

  /**
   * The requests of {@code config} on {@code dataset}: one per scenario, in order, with the
   * scenario's configuration and hints (the feature rows of its {@code query-data} and
   * {@code private-data} files read), or one without hints when there are no scenarios. Every
   * scenario's classes and indices are checked before any file is read.
   *
   * @throws InvalidInputException as the constructor, or naming a feature file that cannot be read
   */
  public static List<RunRequest> of(RunConfig config, Dataset dataset) {
    if (config.scenarios().isEmpty()) {
      return List.of(new RunRequest(config, dataset, ScenarioHints.none()));
    }
    for (ScenarioConfig scenario : config.scenarios()) {
      new RunRequest(config.forScenario(scenario), dataset, scenario.hints());
    }
    List<RunRequest> out = new ArrayList<>();
    for (ScenarioConfig scenario : config.scenarios()) {
      ScenarioHints hints = scenario.hints();
      String where = "scenario '" + scenario.name() + "': ";
      if (scenario.queryData().isPresent()) {
        hints = hints.withQueryFeatures(rows(where + "query-data", scenario.queryData().get()));
      }
      if (scenario.privateData().isPresent()) {
        hints = hints.withPrivateFeatures(rows(where + "private-data", scenario.privateData().get()));
      }
      out.add(new RunRequest(config.forScenario(scenario), dataset, hints));
    }
    return out;
  }

  private static Matrix rows(String key, Path file) {
    try {
      return Npy.readMatrix(file);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(key + ": " + e.getMessage(), e);
    }
  }

  private static void requireClasses(String key, Collection<Integer> classes, int numClasses) {
    for (int c : new TreeSet<>(classes)) {
      if (c < 0 || c >= numClasses) {
        throw new InvalidInputException(key + " holds " + c + "; expected a class in [0, " + numClasses + ")");
      }
    }
  }

  private static void requireIndices(String key, Collection<Integer> indices, int poolSize) {
    for (int i : indices) {
      if (i < 0 || i >= poolSize) {
        throw new InvalidInputException(key + " holds " + i + "; expected a pool index in [0, " + poolSize + ")");
      }
    }
  }

  private static void requireColumns(String key, Optional<Matrix> rows, int features) {
    if (rows.isPresent() && rows.get().cols() != features) {
      throw new InvalidInputException(key + " has " + rows.get().cols() + " columns; expected the dataset's "
          + features + " feature columns");
    }
  }
}
