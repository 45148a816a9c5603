package org.alkit.runtime;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.EnumSet;
import java.util.Set;
import org.alkit.api.MissingSignalException;
import org.alkit.api.Signal;
import org.alkit.api.StrategyProvider;
import org.apiguardian.api.API;

/**
 * Compares the signals a strategy {@linkplain StrategyProvider#requires() requires} with those a
 * model {@linkplain org.alkit.api.ModelAdapter#offers() offers}, before round 1: declared
 * capabilities, never probing (as DJL's {@code Engine.hasCapability}). Every missing signal is
 * reported in one {@link MissingSignalException}.
 *
 * <p>{@link Signal#PREVIOUS_PROBABILITIES} counts as offered whenever {@link Signal#PROBABILITIES}
 * is: the runtime keeps the previous round's probabilities (absent in round 1).
 */
@API(status = STABLE, since = "0.1")
public final class CapabilityCheck {
  private CapabilityCheck() {}

  /**
   * Throws unless {@code offered} covers {@code strategy.requires()}.
   *
   * @param modelName the model's configured name, for the message
   * @throws MissingSignalException naming the strategy, the model and every missing signal
   */
  public static void check(StrategyProvider strategy, String modelName, Set<Signal> offered) {
    Set<Signal> available = offered.isEmpty() ? EnumSet.noneOf(Signal.class) : EnumSet.copyOf(offered);
    if (available.contains(Signal.PROBABILITIES)) {
      available.add(Signal.PREVIOUS_PROBABILITIES);
    }
    Set<Signal> missing = EnumSet.noneOf(Signal.class);
    missing.addAll(strategy.requires());
    missing.removeAll(available);
    if (!missing.isEmpty()) {
      throw new MissingSignalException("strategy '" + strategy.name() + "'", missing,
          "model '" + modelName + "'");
    }
  }
}
