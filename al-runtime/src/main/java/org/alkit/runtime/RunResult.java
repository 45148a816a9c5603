package org.alkit.runtime;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A finished run: its rounds and the model fitted after the last round's labels arrived.
 *
 * <p>Experimental, as the loop that makes it ({@link RoundResult}).
 *
 * @param rounds every round, in order
 * @param finalLabeledCount labeled pool items after the last round
 * @param finalAccuracy test accuracy of the model fitted on them
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RunResult(List<RoundResult> rounds, int finalLabeledCount, double finalAccuracy) {
  /** Copies the list. */
  public RunResult {
    rounds = List.copyOf(rounds);
  }
}
