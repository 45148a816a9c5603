package org.alkit.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Receives a model's class probabilities on chosen pool items after every epoch of a fit
 * ({@link FitPlan#observeEpochs}): what forgetting events (Toneva et al., ICLR 2019: an item is
 * forgotten when a correct prediction turns wrong from one epoch to the next) and label dispersion
 * (Bengar et al. 2021: how often the predicted label changes over training) are counted from.
 *
 * <p>Called on the fitting thread, in epoch order, while the model trains (a network's engine
 * lock is held: the observer must not open a {@link NetworkTraining} session). The probabilities
 * are those of the network as it stands after the epoch's last step, in inference mode (dropout
 * off), so observing draws nothing from any generator and leaves the fit as it would be unobserved.
 */
@API(status = EXPERIMENTAL, since = "0.2")
@FunctionalInterface
public interface EpochObserver {
  /**
   * @param epoch the epoch just finished, 1 for the first
   * @param probabilities {@code |items| × C}: row {@code k} belongs to the {@code k}-th observed
   *     pool item, in the order they were given
   */
  void epoch(int epoch, Matrix probabilities);
}
