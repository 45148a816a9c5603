package org.alkit.bayesian;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.alkit.api.Matrix;
import org.alkit.api.Options;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.StrategyProvider;
import org.alkit.testkit.Fixtures;

/** Test pools of Monte-Carlo passes: from arrays, or random with item-specific disagreement. */
final class McPools {
  private McPools() {}

  /** {@code [pass][item][class]} as the stack of matrices a context holds. */
  static List<Matrix> stack(double[][][] passes) {
    return Arrays.stream(passes).map(Matrix::of).toList();
  }

  /**
   * {@code passes × n × classes} softmax rows: each item has its own logits and its own noise
   * scale in [0, 3), so items range from agreeing passes (BALD ≈ 0) to wildly disagreeing ones.
   */
  static double[][][] random(int passes, int n, int classes, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][][] out = new double[passes][n][classes];
    for (int i = 0; i < n; i++) {
      double[] base = new double[classes];
      for (int c = 0; c < classes; c++) {
        base[c] = 3 * gaussian(rng);
      }
      double noise = 3 * rng.nextDouble();
      for (int t = 0; t < passes; t++) {
        double[] logits = new double[classes];
        for (int c = 0; c < classes; c++) {
          logits[c] = base[c] + noise * gaussian(rng);
        }
        out[t][i] = softmax(logits);
      }
    }
    return out;
  }

  /**
   * {@code passes × n × classes} softmax rows of i.i.d. standard normal logits: the worst case of
   * lazy evaluation, every item alike, so the gains of a step lie close together.
   */
  static double[][][] gaussian(int passes, int n, int classes, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][][] out = new double[passes][n][classes];
    for (int t = 0; t < passes; t++) {
      for (int i = 0; i < n; i++) {
        double[] logits = new double[classes];
        for (int c = 0; c < classes; c++) {
          logits[c] = gaussian(rng);
        }
        out[t][i] = softmax(logits);
      }
    }
    return out;
  }

  /** A context over {@code passes[0].length} unlabeled items with these passes and the java backend. */
  static SelectionContext.Builder context(double[][][] passes, int budget) {
    SelectionContext.Builder b = SelectionContext.builder(passes[0].length).budget(budget)
        .stack(Signal.MC_PROBABILITIES, stack(passes));
    Fixtures.javaBackend().ifPresent(b::backend);
    return b;
  }

  /** The provider's selection under the given option values. */
  static Selection select(StrategyProvider provider, Map<String, String> options, SelectionContext ctx) {
    Options resolved = provider.options(options);
    return provider.create(resolved).select(ctx);
  }

  /** Every pool item's score at default options, by pool index (budget = pool). */
  static double[] scores(StrategyProvider provider, SelectionContext ctx) {
    Selection all = select(provider, Map.of(), ctx.toBuilder().budget(ctx.poolSize()).build());
    double[] out = new double[ctx.poolSize()];
    Arrays.fill(out, Double.NaN);
    for (int r = 0; r < all.size(); r++) {
      out[all.index(r)] = all.score(r);
    }
    return out;
  }

  /** Item {@code i}'s rows renormalised in double, {@code [pass][class]}. */
  static double[][] rowsOf(double[][][] passes, int i) {
    List<double[]> rows = new ArrayList<>();
    for (double[][] pass : passes) {
      double[] row = new double[pass[i].length];
      double sum = 0;
      for (int c = 0; c < row.length; c++) {
        sum += (float) pass[i][c];
      }
      for (int c = 0; c < row.length; c++) {
        row[c] = (float) pass[i][c] / sum;
      }
      rows.add(row);
    }
    return rows.toArray(double[][]::new);
  }

  /** −Σ p ln p with 0 ln 0 = 0, in Math.log precision. */
  static double entropy(double[] p) {
    double h = 0;
    for (double v : p) {
      if (v > 0) {
        h -= v * Math.log(v);
      }
    }
    return h;
  }

  private static double[] softmax(double[] logits) {
    double max = Arrays.stream(logits).max().orElse(0);
    double[] e = Arrays.stream(logits).map(v -> Math.exp(v - max)).toArray();
    double sum = Arrays.stream(e).sum();
    return Arrays.stream(e).map(v -> v / sum).toArray();
  }

  private static double gaussian(SplittableRandom rng) {
    double u = Math.max(rng.nextDouble(), 1e-300);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
  }
}
