package org.alkit.uncertainty;

import org.alkit.api.Options;
import org.alkit.api.ScoringStrategy;
import org.alkit.api.SelectionContext;

/**
 * The top-k of a {@link Scorer}: best score first, ties to the lower pool index. Every scorer of
 * this module scores each item from its own rows, so a pool may be scored in parts.
 */
final class ScoredStrategy extends ScoringStrategy {
  private final Scorer scorer;

  ScoredStrategy(String name, Options options, Scorer scorer) {
    super(name, options);
    this.scorer = scorer;
  }

  @Override
  public boolean scoresItemsAlone() {
    return true;
  }

  @Override
  protected double[] score(SelectionContext ctx, int[] candidates) {
    return scorer.score(ctx, candidates);
  }
}
