package org.alkit.uncertainty;

import java.util.List;
import java.util.Map;
import org.alkit.api.Matrix;
import org.alkit.api.Options;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.StrategyProvider;
import org.alkit.testkit.Fixtures;

/** Test helpers: contexts from plain arrays, strategies by provider, scores per pool index. */
final class Strategies {
  private Strategies() {}

  /** A context over {@code p.length} unlabeled items with the given probabilities. */
  static SelectionContext.Builder context(double[][] p, int budget) {
    return SelectionContext.builder(p.length).budget(budget).signal(Signal.PROBABILITIES, Matrix.of(p))
        .backend(Fixtures.javaBackend().orElseThrow());
  }

  /** A context whose only signal is a committee, {@code [member][item][class]}. */
  static SelectionContext.Builder committee(double[][][] members, int budget) {
    List<Matrix> stack = java.util.Arrays.stream(members).map(Matrix::of).toList();
    return SelectionContext.builder(members[0].length).budget(budget)
        .stack(Signal.COMMITTEE_PROBABILITIES, stack).backend(Fixtures.javaBackend().orElseThrow());
  }

  /** The provider's selection under the given option values. */
  static Selection select(StrategyProvider provider, Map<String, String> options, SelectionContext ctx) {
    Options resolved = provider.options(options);
    return provider.create(resolved).select(ctx);
  }

  /** The provider's selection at default options. */
  static Selection select(StrategyProvider provider, SelectionContext ctx) {
    return select(provider, Map.of(), ctx);
  }

  /**
   * Every pool item's score, indexed by pool index: the selection of a budget covering the whole
   * pool (the context's budget is replaced).
   */
  static double[] scores(StrategyProvider provider, SelectionContext ctx) {
    Selection all = select(provider, ctx.toBuilder().budget(ctx.poolSize()).build());
    double[] out = new double[ctx.poolSize()];
    java.util.Arrays.fill(out, Double.NaN);
    for (int r = 0; r < all.size(); r++) {
      out[all.index(r)] = all.score(r);
    }
    return out;
  }
}
