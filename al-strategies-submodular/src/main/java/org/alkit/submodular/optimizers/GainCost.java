package org.alkit.submodular.optimizers;

import org.alkit.submodular.SetFunction;

/**
 * A {@link SetFunction} that tells what one marginal gain costs, so that the lazy greedy
 * re-evaluates two stale bounds at once on the compute backend's workers only where one gain
 * outweighs the hand-over. The second item may be evaluated ahead of need, so implement this only
 * where such a gain cannot fail when the greedy's own gains do not (facility location: a NaN gain
 * shows in f(j | ∅) already).
 */
public interface GainCost {
  /** About how many memo entries one f(j | A) reads, on average over j. */
  long gainReads();
}
