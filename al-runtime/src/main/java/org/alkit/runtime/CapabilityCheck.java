package org.alkit.runtime;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.alkit.api.MissingSignalException;
import org.alkit.api.Signal;
import org.alkit.api.StrategyProvider;
import org.apiguardian.api.API;

/**
 * Compares the signals a strategy {@linkplain StrategyProvider#requires() requires} with those a
 * source offers (a model's {@linkplain org.alkit.api.ModelAdapter#offers() declared signals}, or
 * the files a user gave), before selecting: declared capabilities, never probing (as DJL's
 * {@code Engine.hasCapability}). Every missing signal is reported in one
 * {@link MissingSignalException}.
 *
 * <p>What {@link ContextAssembly} derives counts as offered: {@link Signal#GRADIENT_EMBEDDINGS}
 * whenever {@link Signal#PROBABILITIES} and {@link Signal#EMBEDDINGS} are.
 *
 * <p>The capabilities a strategy needs besides signals ({@link StrategyProvider#capabilities(
 * org.alkit.api.Options)}, a participant's training hooks) are checked by {@link CapabilityBinding},
 * which reports them in one message with the missing signals found here ({@link #missing}).
 */
@API(status = STABLE, since = "0.1")
public final class CapabilityCheck {
  private CapabilityCheck() {}

  /**
   * Throws unless a model's signals cover {@code strategy.requires()}. Besides what the model
   * offers, {@link Signal#PREVIOUS_PROBABILITIES} counts as offered whenever
   * {@link Signal#PROBABILITIES} is: the loop keeps the previous round's probabilities (absent in
   * round 1); and {@link Signal#FEATURES} always: the loop has the pool's rows.
   *
   * @param modelName the model's configured name, for the message
   * @throws MissingSignalException naming the strategy, the model and every missing signal
   */
  public static void check(StrategyProvider strategy, String modelName, Set<Signal> offered) {
    missing(strategy, modelName, offered).ifPresent(e -> {
      throw e;
    });
  }

  /**
   * The error {@link #check(StrategyProvider, String, Set)} throws, if any, without throwing it.
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public static Optional<MissingSignalException> missing(StrategyProvider strategy, String modelName,
      Set<Signal> offered) {
    Set<Signal> withPrevious = copy(offered);
    if (withPrevious.contains(Signal.PROBABILITIES)) {
      withPrevious.add(Signal.PREVIOUS_PROBABILITIES);
    }
    withPrevious.add(Signal.FEATURES);
    return missing(strategy, withPrevious, missing -> "model '" + modelName + "'");
  }

  /**
   * Throws unless {@code offered}, with what {@link ContextAssembly} derives from it, covers
   * {@code strategy.requires()}.
   *
   * @param source describes, given the missing signals, who was asked for them (e.g. the files
   *     and the flags that would have given them)
   * @throws MissingSignalException naming the strategy, the source and every missing signal
   */
  public static void check(StrategyProvider strategy, Set<Signal> offered,
      Function<Set<Signal>, String> source) {
    missing(strategy, offered, source).ifPresent(e -> {
      throw e;
    });
  }

  /**
   * The error {@link #check(StrategyProvider, Set, Function)} throws, if any, without throwing it.
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public static Optional<MissingSignalException> missing(StrategyProvider strategy, Set<Signal> offered,
      Function<Set<Signal>, String> source) {
    Set<Signal> missing = EnumSet.noneOf(Signal.class);
    missing.addAll(strategy.requires());
    missing.removeAll(ContextAssembly.offered(offered));
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new MissingSignalException("strategy '" + strategy.name() + "'", missing,
        source.apply(missing)));
  }

  private static Set<Signal> copy(Set<Signal> signals) {
    return signals.isEmpty() ? EnumSet.noneOf(Signal.class) : EnumSet.copyOf(signals);
  }
}
