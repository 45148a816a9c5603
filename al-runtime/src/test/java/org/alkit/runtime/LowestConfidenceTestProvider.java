package org.alkit.runtime;

import java.util.Set;
import org.alkit.api.Matrix;
import org.alkit.api.Options;
import org.alkit.api.Selection;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;

/** Test-only strategy: the unlabeled items with the lowest top probability (least confidence). */
public final class LowestConfidenceTestProvider implements StrategyProvider {
  static final String NAME = "test-least-confidence";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<Signal> requires() {
    return Set.of(Signal.PROBABILITIES);
  }

  @Override
  public Strategy create(Options options) {
    return ctx -> {
      Matrix p = ctx.matrix(Signal.PROBABILITIES);
      int[] unlabeled = ctx.unlabeled();
      double[] scores = new double[unlabeled.length];
      for (int k = 0; k < unlabeled.length; k++) {
        float max = 0;
        for (int c = 0; c < p.cols(); c++) {
          max = Math.max(max, p.get(unlabeled[k], c));
        }
        scores[k] = 1 - max;
      }
      int[] top = ctx.backend().topK(scores, ctx.selectionSize());
      int[] picked = new int[top.length];
      double[] picks = new double[top.length];
      for (int k = 0; k < top.length; k++) {
        picked[k] = unlabeled[top[k]];
        picks[k] = scores[top[k]];
      }
      return Selection.of(NAME, options, picked, picks);
    };
  }
}
