package org.alkit.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Bridges a learner to alkit: trains on the labeled rows and declares which {@link Signal}s its
 * fitted models produce, so the runtime can check a strategy's needs before round 1 (declared
 * capabilities, never probing).
 */
@API(status = STABLE, since = "0.1")
public interface ModelAdapter {
  /** The signals a fitted model produces (never {@link Signal#PREVIOUS_PROBABILITIES}: the runtime keeps those). */
  Set<Signal> offers();

  /**
   * Trains on {@code labels} of the rows {@code labeled} of {@code features}.
   *
   * @param numClasses the number of classes C; labels lie in {@code [0, C)}
   * @param seed the seed of every random choice of the training
   */
  FittedModel fit(Matrix features, int[] labeled, int[] labels, int numClasses, long seed);

  /**
   * The capability of type {@code type} this adapter offers, e.g. {@link TrainingHooks} (a fit a
   * {@link TrainingParticipant} strategy takes part in): declared, never probed. It lives as long
   * as the adapter. The default offers none.
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  default <C> Optional<C> capability(Class<C> type) {
    return Optional.empty();
  }
}
