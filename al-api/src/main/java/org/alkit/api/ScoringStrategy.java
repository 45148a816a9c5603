package org.alkit.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A strategy that scores each unlabeled item independently and takes the {@code k} highest
 * (template method: {@link #select} is final, {@link #score} is the hook) with the compute
 * backend's {@link ComputeBackend#topK}. Ties go to the lower pool index; a NaN score is an error.
 *
 * <pre>{@code
 * final class LeastConfidence extends ScoringStrategy {
 *   LeastConfidence(Options o) { super("least-confidence", o); }
 *   protected double[] score(SelectionContext ctx, int[] candidates) {
 *     Matrix p = ctx.matrix(Signal.PROBABILITIES);
 *     double[] s = new double[candidates.length];
 *     for (int k = 0; k < s.length; k++) s[k] = 1 - rowMax(p, candidates[k]);
 *     return s;
 *   }
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class ScoringStrategy implements Strategy {
  private final String name;
  private final Options options;

  /**
   * @param name the strategy's name, reported in the selection
   * @param options the options it runs with, reported in the selection
   */
  protected ScoringStrategy(String name, Options options) {
    this.name = name;
    this.options = options;
  }

  /**
   * Scores the candidates: higher means more worth labeling.
   *
   * @param candidates unlabeled pool indices, ascending
   * @return one score per candidate, position by position
   */
  protected abstract double[] score(SelectionContext ctx, int[] candidates);

  /** The {@code selectionSize()} best-scored unlabeled items, best first. */
  @Override
  public final Selection select(SelectionContext ctx) {
    int[] candidates = ctx.unlabeled();
    double[] scores = score(ctx, candidates);
    if (scores.length != candidates.length) {
      throw new IllegalStateException(name + " returned " + scores.length + " scores for "
          + candidates.length + " candidates");
    }
    int[] best = ctx.backend().topK(scores, ctx.selectionSize());
    int[] picked = new int[best.length];
    double[] pickedScores = new double[best.length];
    for (int r = 0; r < best.length; r++) {
      picked[r] = candidates[best[r]];
      pickedScores[r] = scores[best[r]];
    }
    return Selection.of(name, options, picked, pickedScores);
  }

  /** The strategy's name. */
  public final String name() {
    return name;
  }

  /** The options it runs with. */
  public final Options options() {
    return options;
  }
}
