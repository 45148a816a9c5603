package org.alkit.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A strategy that scores each unlabeled item independently and takes the {@code k} highest
 * (template method: {@link #select} is final, {@link #score} is the hook) with the compute
 * backend's {@link ComputeBackend#topK}. Ties go to the lower pool index; a NaN score is an error.
 * A strategy may rank by keys other than its scores ({@link #rankingKeys}); {@link #rank} gives
 * both for every candidate.
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

  /**
   * The keys the candidates are ranked by, highest first; by default the scores themselves. A
   * strategy that samples (power-BALD's Gumbel keys) ranks by keys of its own and still reports
   * the scores. Keys, like scores, must not depend on which other items are candidates, except
   * through draws from {@link SelectionContext#random()} made one per candidate in ascending pool
   * order (see {@link SelectionContext.Builder#drawsBefore}).
   *
   * @param scores what {@link #score} returned for {@code candidates}
   * @return one key per candidate, position by position
   */
  @API(status = EXPERIMENTAL, since = "0.3")
  protected double[] rankingKeys(SelectionContext ctx, int[] candidates, double[] scores) {
    return scores;
  }

  /**
   * Whether each candidate's score and ranking key depend on that item's own signal rows alone
   * (and, for keys, on draws from {@link SelectionContext#random()} made one per candidate in
   * ascending pool order), never on which other items are in the pool: then an engine may score
   * parts of a pool apart and merge their top {@code k} into this strategy's top {@code k}
   * (al-spark does). False unless the strategy declares it: a score that looks at neighbours, trains
   * on the pool or normalises over it is not one.
   */
  @API(status = EXPERIMENTAL, since = "0.3")
  public boolean scoresItemsAlone() {
    return false;
  }

  /**
   * Every unlabeled item of {@code ctx} with its score and ranking key: what {@link #select}
   * takes the top {@code k} of, and what an engine that scores shards of a pool apart (al-spark)
   * merges into the same top {@code k}.
   *
   * @throws IllegalStateException if a hook returned the wrong number of values
   */
  @API(status = EXPERIMENTAL, since = "0.3")
  public final Ranked rank(SelectionContext ctx) {
    int[] candidates = ctx.unlabeled();
    double[] scores = score(ctx, candidates);
    requireOnePerCandidate("scores", scores, candidates);
    double[] keys = rankingKeys(ctx, candidates, scores);
    requireOnePerCandidate("ranking keys", keys, candidates);
    return new Ranked(candidates, scores, keys);
  }

  private void requireOnePerCandidate(String what, double[] values, int[] candidates) {
    if (values.length != candidates.length) {
      throw new IllegalStateException(name + " returned " + values.length + " " + what + " for "
          + candidates.length + " candidates");
    }
  }

  /** The {@code selectionSize()} unlabeled items of the highest ranking keys, best first. */
  @Override
  public final Selection select(SelectionContext ctx) {
    Ranked ranked = rank(ctx);
    int[] best = ctx.backend().topK(ranked.keys(), ctx.selectionSize());
    int[] picked = new int[best.length];
    double[] pickedScores = new double[best.length];
    for (int r = 0; r < best.length; r++) {
      picked[r] = ranked.candidates()[best[r]];
      pickedScores[r] = ranked.scores()[best[r]];
    }
    return Selection.of(name, options, picked, pickedScores);
  }

  /**
   * The unlabeled items ({@code candidates}, ascending pool indices) with their scores and ranking
   * keys, position by position. The arrays are the strategy's own; callers do not modify them.
   */
  @API(status = EXPERIMENTAL, since = "0.3")
  public record Ranked(int[] candidates, double[] scores, double[] keys) {}

  /** The strategy's name. */
  public final String name() {
    return name;
  }

  /** The options it runs with. */
  public final Options options() {
    return options;
  }
}
