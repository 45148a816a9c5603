package org.alkit.spark;

import java.io.Serializable;
import java.util.List;
import java.util.function.Supplier;
import org.alkit.api.InvalidInputException;

/**
 * What one task of a distributed batch selection sends back: the rows it keeps (ids ascending),
 * and, where it ran the strategy itself, its picks (ids, in pick order) and their scores; or the
 * one-line message of the bad input it found instead, as {@link Top} does.
 */
record Picked(Subset rows, long[] order, double[] scores, String failure) implements Serializable {
  private static final long serialVersionUID = 1L;

  static Picked reporting(Supplier<Picked> task) {
    try {
      return task.get();
    } catch (InvalidInputException e) {
      return new Picked(null, null, null, e.getMessage());
    }
  }

  /**
   * The tasks' kept rows, in id order.
   *
   * @throws InvalidInputException with the first task's failure
   */
  static Subset union(List<Picked> tasks, Subset also) {
    for (Picked p : tasks) {
      if (p.failure != null) {
        throw new InvalidInputException(p.failure);
      }
    }
    List<Subset> parts = new java.util.ArrayList<>(tasks.stream().map(Picked::rows).toList());
    parts.add(also);
    return Subset.union(parts);
  }
}
