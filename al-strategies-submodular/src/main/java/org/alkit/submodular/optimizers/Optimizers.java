package org.alkit.submodular.optimizers;

import java.util.List;
import org.alkit.api.UnknownNameException;

/**
 * The optimizers by name:
 *
 * <ul>
 *   <li>{@code naive}: the plain greedy of Nemhauser, Wolsey &amp; Fisher (1978), every remaining
 *       gain each step (evaluated in parallel, reduced in a fixed order): n·k gain calls, a
 *       (1 − 1/e) guarantee for monotone submodular f.</li>
 *   <li>{@code lazy}: Minoux's (1978) accelerated greedy. A max-heap keeps each item's last gain;
 *       by submodularity it bounds the current gain, so only the top is re-evaluated until a fresh
 *       gain stays on top. Same picks as {@code naive} on submodular functions; on others
 *       ({@link org.alkit.submodular.SetFunction#isSubmodular()} false: disparity-sum, -min) it
 *       runs {@code naive}, i.e. the true greedy. ⚠ submodlib's LazyGreedy trusts the stale bounds
 *       there and returns a non-greedy order.</li>
 *   <li>{@code stochastic}: Mirzasoleiman et al. (2015), "Lazier than lazy greedy": each step
 *       takes the best of a uniform sample of ⌈(n/k)·ln(1/ε)⌉ remaining items, O(n·ln(1/ε)) gain
 *       calls in all, (1 − 1/e − ε) in expectation.</li>
 *   <li>{@code lazier}: the same samples, searched with Minoux's stale bounds, so it picks what
 *       {@code stochastic} picks with fewer gain calls (on non-submodular f it is {@code stochastic}).</li>
 * </ul>
 */
public final class Optimizers {
  private Optimizers() {}

  /** The names {@link #create} takes. */
  public static List<String> names() {
    return List.of("naive", "lazy", "stochastic", "lazier");
  }

  /**
   * The optimizer called {@code name}.
   *
   * @throws UnknownNameException for a name not in {@link #names()}
   */
  public static Optimizer create(String name, OptimizerOptions options) {
    switch (name) {
      case "naive":
        return new NaiveGreedy(options);
      case "lazy":
        return new LazyGreedy(options);
      case "stochastic":
        return new StochasticGreedy(options, false);
      case "lazier":
        return new StochasticGreedy(options, true);
      default:
        throw new UnknownNameException("optimizer", name, names());
    }
  }
}
