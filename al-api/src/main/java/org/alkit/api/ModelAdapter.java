package org.alkit.api;

import static org.apiguardian.api.API.Status.STABLE;

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
}
