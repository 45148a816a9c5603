package com.example.training;

import org.alkit.api.Matrix;
import org.alkit.api.Options;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;

/** What the four strategies share: the best-scored candidates through the backend's top-k, and argmax. */
final class Picks {
  private Picks() {}

  /** The {@code selectionSize()} highest-scored candidates, best first. */
  static Selection best(String name, Options options, SelectionContext ctx, int[] candidates, double[] scores) {
    int[] top = ctx.backend().topK(scores, ctx.selectionSize());
    int[] picked = new int[top.length];
    double[] picks = new double[top.length];
    for (int k = 0; k < top.length; k++) {
      picked[k] = candidates[top[k]];
      picks[k] = scores[top[k]];
    }
    return Selection.of(name, options, picked, picks);
  }

  /** The index of the largest entry of row {@code i} (the first among equals). */
  static int argmax(Matrix p, int i) {
    int best = 0;
    for (int c = 1; c < p.cols(); c++) {
      if (p.get(i, c) > p.get(i, best)) {
        best = c;
      }
    }
    return best;
  }
}
