package org.alkit.runtime;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.alkit.api.FitPlan;
import org.alkit.api.MissingSignalException;
import org.alkit.api.ModelAdapter;
import org.alkit.api.Options;
import org.alkit.api.Signal;
import org.alkit.api.StrategyProvider;
import org.alkit.api.TrainingHooks;
import org.apiguardian.api.API;

/**
 * Compares the signals a strategy {@linkplain StrategyProvider#requires() requires} with those a
 * source offers (a model's {@linkplain org.alkit.api.ModelAdapter#offers() declared signals}, or
 * the files a user gave), before selecting: declared capabilities, never probing (as DJL's
 * {@code Engine.hasCapability}). Every missing signal is reported in one
 * {@link MissingSignalException}.
 *
 * <p>What {@link ContextAssembly} derives counts as offered: {@link Signal#GRADIENT_EMBEDDINGS}
 * whenever {@link Signal#PROBABILITIES} and {@link Signal#EMBEDDINGS} are. What a strategy requires
 * may depend on its options ({@link StrategyProvider#requires(Options)}), and what a model gives
 * on its training hooks ({@link #offered(ModelAdapter)}: the prediction history).
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
    missing(strategy, strategy.requires(), inLoop(offered), missing -> "model '" + modelName + "'")
        .ifPresent(e -> {
          throw e;
        });
  }

  /**
   * The error {@link #check(StrategyProvider, String, Set)} throws for the signals
   * {@code strategy} requires with {@code options} ({@link StrategyProvider#requires(Options)}), if
   * any, without throwing it.
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public static Optional<MissingSignalException> missing(StrategyProvider strategy, Options options,
      String modelName, Set<Signal> offered) {
    return missing(strategy, strategy.requires(options), inLoop(offered),
        missing -> "model '" + modelName + "'");
  }

  /**
   * {@code offered}, the previous round's probabilities wherever there are probabilities, and the
   * pool's rows: what the loop adds to a model's signals.
   */
  private static Set<Signal> inLoop(Set<Signal> offered) {
    Set<Signal> out = copy(offered);
    if (out.contains(Signal.PROBABILITIES)) {
      out.add(Signal.PREVIOUS_PROBABILITIES);
    }
    out.add(Signal.FEATURES);
    return out;
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
    missing(strategy, strategy.requires(), offered, source).ifPresent(e -> {
      throw e;
    });
  }

  /**
   * The error {@link #check(StrategyProvider, Set, Function)} throws for the signals
   * {@code strategy} requires with {@code options}, if any, without throwing it.
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public static Optional<MissingSignalException> missing(StrategyProvider strategy, Options options,
      Set<Signal> offered, Function<Set<Signal>, String> source) {
    return missing(strategy, strategy.requires(options), offered, source);
  }

  /**
   * The signals a fitted {@code model} gives a strategy: those it {@linkplain ModelAdapter#offers()
   * offers}, and {@link Signal#PREDICTION_HISTORY} when its {@link TrainingHooks} perform
   * {@link FitPlan.Hook#EPOCH_PREDICTIONS}, through which the loop records the history.
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public static Set<Signal> offered(ModelAdapter model) {
    Set<Signal> out = copy(model.offers());
    if (model.capability(TrainingHooks.class).map(h -> h.supported().contains(FitPlan.Hook.EPOCH_PREDICTIONS))
        .orElse(false)) {
      out.add(Signal.PREDICTION_HISTORY);
    }
    return out;
  }

  private static Optional<MissingSignalException> missing(StrategyProvider strategy, Set<Signal> required,
      Set<Signal> offered, Function<Set<Signal>, String> source) {
    Set<Signal> missing = EnumSet.noneOf(Signal.class);
    missing.addAll(required);
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
