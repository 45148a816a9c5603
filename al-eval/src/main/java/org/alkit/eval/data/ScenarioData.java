package org.alkit.eval.data;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import java.util.Set;
import org.alkit.api.ScenarioHints;
import org.alkit.runtime.Dataset;
import org.apiguardian.api.API;

/**
 * A data set as a {@link Scenario} transformed it.
 *
 * @param dataset the transformed pool and test split
 * @param origin for each pool row, the row of the original pool it came from (redundant copies
 *     share their original's row), to count unique picks
 * @param hints what strategies are told
 * @param rareClasses the classes rare-class accuracy is measured on (empty: none)
 * @param oodClasses the out-of-distribution classes (empty: none)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ScenarioData(Dataset dataset, int[] origin, ScenarioHints hints, Set<Integer> rareClasses,
    Set<Integer> oodClasses) {
  /** Checks that every pool row has an origin and copies the collections. */
  public ScenarioData {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(hints, "hints");
    origin = origin.clone();
    if (origin.length != dataset.pool().rows()) {
      throw new IllegalArgumentException("origin has " + origin.length + " entries for " + dataset.pool().rows()
          + " pool rows; expected one per row");
    }
    rareClasses = Set.copyOf(rareClasses);
    oodClasses = Set.copyOf(oodClasses);
  }

  /** The origins (a copy). */
  @Override
  public int[] origin() {
    return origin.clone();
  }

  /** The origin of pool row {@code i}. */
  public int origin(int i) {
    return origin[i];
  }
}
