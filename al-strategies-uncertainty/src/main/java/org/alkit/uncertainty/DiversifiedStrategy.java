package org.alkit.uncertainty;

import org.alkit.api.Matrix;
import org.alkit.api.Options;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.commons.Probabilities;
import org.alkit.commons.Ranking;

/**
 * Aggarwal, Popescu and Hudelot's diversification (Algorithm 1 of "Optimizing active learning
 * for low annotation budgets", 2022): sort the candidates by score (best first, ties to the lower
 * index), then sweep the sorted list again and again, taking in each sweep at most one item of
 * every pseudo-class that has not been taken yet, until the budget is spent.
 *
 * <p>Sweep r takes, for each pseudo-class with at least r candidates, its r-th best one, in the
 * order of the sorted list; so the picks are ordered by (r, position in the sorted list). The
 * selection reports each pick's score.
 */
final class DiversifiedStrategy implements Strategy {
  /** Assigns each candidate a pseudo-class. */
  @FunctionalInterface
  interface PseudoClasses {
    /** One non-negative class per candidate, position by position. */
    int[] of(SelectionContext ctx, int[] candidates);
  }

  private final String name;
  private final Options options;
  private final Scorer scorer;
  private final PseudoClasses pseudoClasses;

  DiversifiedStrategy(String name, Options options, Scorer scorer, PseudoClasses pseudoClasses) {
    this.name = name;
    this.options = options;
    this.scorer = scorer;
    this.pseudoClasses = pseudoClasses;
  }

  @Override
  public Selection select(SelectionContext ctx) {
    int[] candidates = ctx.unlabeled();
    double[] scores = scorer.score(ctx, candidates);
    int[] classes = pseudoClasses.of(ctx, candidates);
    int[] picks = diversify(Ranking.topK(scores, scores.length), classes, ctx.selectionSize());
    int[] indices = new int[picks.length];
    double[] picked = new double[picks.length];
    for (int r = 0; r < picks.length; r++) {
      indices[r] = candidates[picks[r]];
      picked[r] = scores[picks[r]];
    }
    return Selection.of(name, options, indices, picked);
  }

  /** Pseudo-class = the class the current model predicts (argmax of the probabilities). */
  static int[] currentPrediction(SelectionContext ctx, int[] candidates) {
    return predictions(ctx.matrix(Signal.PROBABILITIES), candidates);
  }

  /**
   * Pseudo-class = the class the previous round's model predicted; the current prediction in the
   * first round, when there is no previous model.
   */
  static int[] previousPrediction(SelectionContext ctx, int[] candidates) {
    return ctx.has(Signal.PREVIOUS_PROBABILITIES)
        ? predictions(ctx.matrix(Signal.PREVIOUS_PROBABILITIES), candidates)
        : currentPrediction(ctx, candidates);
  }

  private static int[] predictions(Matrix p, int[] candidates) {
    int[] classes = new int[candidates.length];
    for (int k = 0; k < classes.length; k++) {
      classes[k] = Probabilities.argmax(p, candidates[k]);
    }
    return classes;
  }

  /**
   * The first {@code k} positions of {@code sorted} in sweep order.
   *
   * @param sorted candidate positions, best first
   * @param classes the pseudo-class of each candidate position
   */
  static int[] diversify(int[] sorted, int[] classes, int k) {
    int maxClass = 0;
    for (int c : classes) {
      maxClass = Math.max(maxClass, c);
    }
    // sweep[t]: in which sweep sorted[t] is taken = how many better candidates share its class
    int[] seenPerClass = new int[maxClass + 1];
    int[] sweep = new int[sorted.length];
    int[] perSweep = new int[sorted.length + 1];
    for (int t = 0; t < sorted.length; t++) {
      sweep[t] = seenPerClass[classes[sorted[t]]]++;
      perSweep[sweep[t] + 1]++;
    }
    // counting sort by sweep, stable in the sorted order
    for (int r = 1; r < perSweep.length; r++) {
      perSweep[r] += perSweep[r - 1];
    }
    int[] out = new int[k];
    for (int t = 0; t < sorted.length; t++) {
      int slot = perSweep[sweep[t]]++;
      if (slot < k) {
        out[slot] = sorted[t];
      }
    }
    return out;
  }
}
