package org.alkit.uncertainty;

import org.alkit.api.Options;
import org.alkit.api.ScoringStrategy;
import org.alkit.api.SelectionContext;

/**
 * The top-k of a {@link Scorer}: best score first, ties to the lower pool index. Most scorers of
 * this module score each item from its own rows, so a pool may be scored in parts; one that reads
 * the whole pool (information density's mean similarity) says so.
 */
final class ScoredStrategy extends ScoringStrategy {
  private final Scorer scorer;
  private final boolean itemsAlone;

  /** A strategy whose scorer scores each item from its own rows alone. */
  ScoredStrategy(String name, Options options, Scorer scorer) {
    this(name, options, scorer, true);
  }

  /** @param itemsAlone whether an item's score depends on its own rows only (not on the rest of the pool) */
  ScoredStrategy(String name, Options options, Scorer scorer, boolean itemsAlone) {
    super(name, options);
    this.scorer = scorer;
    this.itemsAlone = itemsAlone;
  }

  @Override
  public boolean scoresItemsAlone() {
    return itemsAlone;
  }

  @Override
  protected double[] score(SelectionContext ctx, int[] candidates) {
    return scorer.score(ctx, candidates);
  }
}
