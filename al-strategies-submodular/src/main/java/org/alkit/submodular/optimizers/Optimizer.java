package org.alkit.submodular.optimizers;

import org.alkit.api.ComputeBackend;
import org.alkit.submodular.SetFunction;

/**
 * A greedy maximizer of max_{|A| ≤ k} f(A): starting from A = ∅ it adds, k times, an item j
 * with the largest marginal gain f(j | A) = f(A ∪ {j}) − f(A) (over all remaining items, or over a
 * random sample of them), breaking exact ties towards the lowest index. Obtain one from
 * {@link Optimizers#create}.
 */
public interface Optimizer {
  /**
   * Clears {@code f}'s memo and runs the greedy; on return the memo holds the selected set.
   *
   * @param budget k, 0 ≤ k ≤ {@code f.groundSize()}
   * @param backend evaluates batches of gains on its workers; the picks do not depend on its
   *     thread count
   * @return the picks in order with their gains; fewer than k when a stop option fired
   */
  GreedyResult maximize(SetFunction f, int budget, ComputeBackend backend);
}
