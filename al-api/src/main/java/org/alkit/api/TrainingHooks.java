package org.alkit.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Set;
import org.apiguardian.api.API;

/**
 * A {@link ModelAdapter} capability ({@link ModelAdapter#capability}): a fit that performs a
 * {@link FitPlan}, so that a {@link TrainingParticipant} strategy takes part in training (extra
 * weighted items for CEAL, per-epoch predictions for forgetting events and label dispersion, an
 * auxiliary head for learning loss; see the hooks' Javadoc for the papers).
 *
 * <p>The loop fits through it only when a plan requests something; otherwise it calls
 * {@link ModelAdapter#fit}, so a run without a participant is exactly what it was. With a plan that
 * requests nothing, {@link #fit} gives what {@link ModelAdapter#fit} gives.
 *
 * <p>Extra items join the training set: the objective is the mean over the training items of
 * w_i·CE_i, labeled items weighing 1 (over each mini-batch for a network, over all items for a
 * full-batch solver). Deterministic under the seed, as {@link ModelAdapter#fit}.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public interface TrainingHooks {
  /** The hooks this model performs; a run whose participant needs another is refused before round 1. */
  Set<FitPlan.Hook> supported();

  /**
   * {@link ModelAdapter#fit} on the rows {@code labeled} with {@code labels}, performing
   * {@code plan} (its extra items, its epoch observer, its auxiliary head).
   *
   * @throws InvalidInputException if the plan requests a hook this model does not support, or an
   *     extra item is one of {@code labeled}
   */
  FittedModel fit(Matrix features, int[] labeled, int[] labels, int numClasses, long seed, FitPlan plan);
}
