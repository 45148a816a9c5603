package org.alkit.uncertainty;

import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;

/**
 * alamp's score (Aggarwal, Popescu and Hudelot, "Optimizing active learning for low annotation
 * budgets", 2022): the relative drop of the model's certainty on an item between the previous
 * round k−1 and this round k,
 *
 * <pre>  s(x) = (c_{k−1}(x) − c_k(x)) / (c_{k−1}(x) + c_k(x))</pre>
 *
 * with c the base measure's certainty in [0, 1] (the margin p(1) − p(2) by default), so
 * s ∈ [−1, 1] and items the model grew less sure about come first. When both certainties are 0
 * (0/0) the score is 0: no certainty, so no change. In the first round, without
 * {@link Signal#PREVIOUS_PROBABILITIES}, it scores by the base measure's uncertainty 1 − c_k
 * (for the default base: margin sampling).
 */
final class Alamp implements Scorer {
  private final String name;
  private final Measure base;

  Alamp(String name, Measure base) {
    this.name = name;
    this.base = base;
  }

  @Override
  public double[] score(SelectionContext ctx, int[] candidates) {
    if (!ctx.has(Signal.PREVIOUS_PROBABILITIES)) {
      return base.scorer().score(ctx, candidates);
    }
    Matrix now = ctx.matrix(Signal.PROBABILITIES);
    Matrix before = ctx.matrix(Signal.PREVIOUS_PROBABILITIES);
    if (before.cols() != now.cols()) {
      throw new InvalidInputException("strategy '" + name + "': "
          + Signal.PREVIOUS_PROBABILITIES.key() + " is " + before.rows() + " × " + before.cols()
          + " but " + Signal.PROBABILITIES.key() + " is " + now.rows() + " × " + now.cols()
          + "; expected the same number of classes in both rounds");
    }
    return Rows.map(ctx.backend(), candidates, now.cols(),
        i -> relativeDrop(base.certainty(before, i), base.certainty(now, i)));
  }

  /** (before − now) / (before + now) for certainties ≥ 0; 0 when both are 0. */
  static double relativeDrop(double before, double now) {
    double sum = before + now;
    return sum == 0 ? 0 : (before - now) / sum;
  }
}
