package org.alkit.submodular.optimizers;

import java.util.List;
import java.util.Map;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Options;
import org.alkit.api.Parameter;

/**
 * The options every optimizer takes.
 *
 * @param epsilon ε of the stochastic greedy, 0 &lt; ε &lt; 1: each step samples ⌈(n/k)·ln(1/ε)⌉ of
 *     the remaining items, for a (1 − 1/e − ε) guarantee in expectation (Mirzasoleiman et al. 2015);
 *     ignored by {@code naive} and {@code lazy}
 * @param stopIfZeroGain stop before taking an item whose gain is exactly 0
 * @param stopIfNegativeGain stop before taking an item whose gain is below 0
 * @param seed seed of the sampling of {@code stochastic} and {@code lazier}
 */
public record OptimizerOptions(double epsilon, boolean stopIfZeroGain, boolean stopIfNegativeGain,
    long seed) {

  /** ε of the stochastic optimizers. */
  public static final Parameter EPSILON = Parameter.real("epsilon", 0.1,
      "stochastic/lazier greedy: each step samples (n/k)·ln(1/epsilon) remaining items").above(0).below(1);

  /** The declared options: {@code epsilon}, {@code stopIfZeroGain}, {@code stopIfNegativeGain}. */
  public static final List<Parameter> PARAMETERS = List.of(EPSILON,
      Parameter.bool("stopIfZeroGain", false, "stop before an item whose marginal gain is 0"),
      Parameter.bool("stopIfNegativeGain", false, "stop before an item whose marginal gain is < 0"));

  /**
   * Checks ε against {@link #EPSILON}'s range, as {@link #parse} does for text.
   *
   * @throws InvalidInputException "option 'epsilon' = 1.5: expected 0 < epsilon < 1"
   */
  public OptimizerOptions {
    EPSILON.parse(Double.toString(epsilon));
  }

  /** A copy with another seed. */
  public OptimizerOptions withSeed(long newSeed) {
    return new OptimizerOptions(epsilon, stopIfZeroGain, stopIfNegativeGain, newSeed);
  }

  /** Defaults with the given seed. */
  public static OptimizerOptions defaults(long seed) {
    return of(Options.defaults("optimizer", PARAMETERS), seed);
  }

  /**
   * Parses the given options (keys of {@link #PARAMETERS} only; absent ones take their defaults).
   *
   * @throws InvalidInputException on an unknown key or a value that does not parse
   */
  public static OptimizerOptions parse(Map<String, String> given, long seed) {
    return of(Options.resolve("optimizer", PARAMETERS, given), seed);
  }

  /** Reads the options declared in {@link #PARAMETERS} from resolved options. */
  public static OptimizerOptions of(Options options, long seed) {
    return new OptimizerOptions(options.getDouble("epsilon"), options.getBoolean("stopIfZeroGain"),
        options.getBoolean("stopIfNegativeGain"), seed);
  }
}
