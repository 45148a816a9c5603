package org.alkit.eval.matrix;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Which run of a matrix: a cell (data set, scenario, strategy) and a seed.
 *
 * @param dataset the data set's source, as the matrix names it
 * @param scenario the scenario's spec
 * @param strategy the strategy's label in the matrix
 * @param seed the seed of the split, the scenario's draws, the initial set and the model
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RunKey(String dataset, String scenario, String strategy, long seed) {
  /** Checks for nulls. */
  public RunKey {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(strategy, "strategy");
  }

  /** The cell, without the seed. */
  public Cell cell() {
    return new Cell(dataset, scenario, strategy);
  }

  @Override
  public String toString() {
    return dataset + " / " + scenario + " / " + strategy + " / seed " + seed;
  }

  /**
   * One cell of a matrix: its runs differ only in the seed.
   *
   * @param dataset the data set's source
   * @param scenario the scenario's spec
   * @param strategy the strategy's label
   */
  public record Cell(String dataset, String scenario, String strategy) {
    /** Checks for nulls. */
    public Cell {
      Objects.requireNonNull(dataset, "dataset");
      Objects.requireNonNull(scenario, "scenario");
      Objects.requireNonNull(strategy, "strategy");
    }

    @Override
    public String toString() {
      return dataset + " / " + scenario + " / " + strategy;
    }
  }
}
