package org.alkit.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A {@link ModelAdapter} capability ({@link ModelAdapter#capability}): a fitted model refitted with
 * items added to its training set, warm-started from its own parameters where the model allows, so
 * that a refit costs a fraction of a fit. What expected error reduction (Roy and McCallum, "Toward
 * Optimal Active Learning through Sampling Estimation of Error Reduction", ICML 2001) needs: one
 * refit per candidate item and hypothetical label.
 *
 * <p>A strategy declares it in {@link StrategyProvider#capabilities(Options)}; the loop binds the
 * selecting model's before round 1 (or refuses the run in one line when the model offers none) and
 * binds each round's fitted model beside it, as the capability {@code FittedModel.class}, so the
 * strategy reads both from its {@link SelectionContext#capability}. {@code alkit select}, which fits
 * nothing, refuses such a strategy: run it in a loop.
 *
 * <p>Thread-safe: a strategy may refit in parallel through {@link ComputeBackend#parallelFor}.
 * Deterministic: the same inputs and seed give the same model.
 */
@API(status = EXPERIMENTAL, since = "0.3")
public interface Refitting {
  /**
   * {@code fitted}, a model this adapter fitted on the rows {@code labeled} of {@code features}
   * with {@code labels}, refitted on those rows and the rows {@code added} with {@code addedLabels}.
   *
   * @throws InvalidInputException if {@code fitted} is not a model of this adapter, an added item is
   *     labeled or outside the features, or a label lies outside the model's classes
   */
  FittedModel refit(FittedModel fitted, Matrix features, int[] labeled, int[] labels, int[] added, int[] addedLabels,
      long seed);
}
