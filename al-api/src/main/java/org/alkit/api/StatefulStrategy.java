package org.alkit.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A {@link Strategy} whose state carries from one round's selection to the next, e.g. the expert
 * weights of active learning by learning (Hsu and Lin, "Active Learning by Learning", AAAI 2015).
 * After each selection the loop records {@link #state()} in the run journal beside the round's
 * picks; a resumed run replays the recorded rounds without selecting and hands the last recorded
 * state to {@link #restore} before its first new selection, so it continues exactly as the
 * uninterrupted run would.
 *
 * <p>The state must come only from the strategy's selections (never from the clock or a global
 * generator), and {@code restore(state())} must leave the strategy as it was.
 */
@API(status = EXPERIMENTAL, since = "0.3")
public interface StatefulStrategy {
  /** The state after the latest selection, as one line of printable text (the journal stores it as given). */
  String state();

  /**
   * Continues from a state {@link #state()} returned.
   *
   * @throws InvalidInputException if {@code state} is not one this strategy writes
   */
  void restore(String state);
}
