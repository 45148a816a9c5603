package org.alkit.uncertainty;

import org.alkit.api.SelectionContext;

/**
 * Scores candidates independently: higher means more worth labeling. The one thing a strategy of
 * this module implements; {@link ScoredStrategy} ranks by it and {@link DiversifiedStrategy}
 * spreads its order over pseudo-classes.
 */
@FunctionalInterface
interface Scorer {
  /**
   * @param candidates unlabeled pool indices, ascending
   * @return one score per candidate, position by position
   */
  double[] score(SelectionContext ctx, int[] candidates);
}
