package org.alkit.submodular.optimizers;

import java.util.Arrays;
import org.alkit.api.InvalidInputException;
import org.alkit.submodular.SetFunction;

/** The growing selection of one greedy run: adds picks to the function's memo and applies the stop options. */
final class Trace {
  private final SetFunction f;
  private final OptimizerOptions options;
  private final int[] selected;
  private final double[] gains;
  private int size;

  /** Clears {@code f}'s memo for a run of at most {@code budget} picks. */
  Trace(SetFunction f, int budget, OptimizerOptions options) {
    if (budget < 0 || budget > f.groundSize()) {
      throw new InvalidInputException("budget = " + budget + ": expected 0 <= budget <= ground-set size "
          + f.groundSize());
    }
    this.f = f;
    this.options = options;
    this.selected = new int[budget];
    this.gains = new double[budget];
    f.clear();
  }

  /** Whether the run needs more picks. */
  boolean open() {
    return size < selected.length;
  }

  /** Picks made so far, i.e. the current greedy step. */
  int step() {
    return size;
  }

  /**
   * Takes the best item {@code j} of gain {@code gain} into A, unless a stop option forbids it.
   *
   * @return false when the run stops here
   */
  boolean take(int j, double gain) {
    if (options.stopIfZeroGain() && gain == 0 || options.stopIfNegativeGain() && gain < 0) {
      return false;
    }
    f.add(j);
    selected[size] = j;
    gains[size] = gain;
    size++;
    return true;
  }

  GreedyResult result() {
    return new GreedyResult(Arrays.copyOf(selected, size), Arrays.copyOf(gains, size));
  }
}
