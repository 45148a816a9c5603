package org.alkit.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.alkit.api.Matrix;
import org.alkit.api.Options;
import org.alkit.api.Selection;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;

/** Test-only strategy: requires the prediction history, keeps each round's, picks the first unlabeled items. */
public final class HistoryTestProvider implements StrategyProvider {
  static final String NAME = "test-history";

  /** The histories the strategy was given, in order (tests run one loop at a time on this provider). */
  static final List<Matrix> SEEN = new ArrayList<>();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<Signal> requires() {
    return Set.of(Signal.PREDICTION_HISTORY);
  }

  @Override
  public Strategy create(Options options) {
    return ctx -> {
      synchronized (SEEN) {
        SEEN.add(ctx.matrix(Signal.PREDICTION_HISTORY));
      }
      int[] unlabeled = ctx.unlabeled();
      int[] picked = java.util.Arrays.copyOf(unlabeled, ctx.selectionSize());
      return Selection.of(NAME, options, picked, new double[picked.length]);
    };
  }
}
