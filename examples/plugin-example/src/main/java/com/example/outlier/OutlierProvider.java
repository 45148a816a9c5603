package com.example.outlier;

import java.util.List;
import java.util.Set;
import org.alkit.api.Matrix;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.ScoringStrategy;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;

/**
 * {@code example-outlier}: an example plugin that scores each unlabeled item by the distance of
 * its embedding from the mean embedding of the pool, ‖h(x) − μ‖_p, farthest first: a crude
 * outlier-seeking baseline. It exists to show a third-party strategy: one class, built against
 * al-api alone, published through {@code module-info.java} and {@code META-INF/services}.
 */
public final class OutlierProvider implements StrategyProvider {

  @Override
  public String name() {
    return "example-outlier";
  }

  @Override
  public String family() {
    return "example";
  }

  @Override
  public String description() {
    return "embedding farthest from the pool mean first (example plugin)";
  }

  @Override
  public Set<Signal> requires() {
    return Set.of(Signal.EMBEDDINGS);
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(Parameter.real("power", 2.0, "p of the L_p distance").atLeast(1));
  }

  @Override
  public Strategy create(Options options) {
    // resolved against parameters(), so power >= 1 already
    return new Outlier(options.getDouble("power"), options);
  }

  private static final class Outlier extends ScoringStrategy {
    private final double power;

    Outlier(double power, Options options) {
      super("example-outlier", options);
      this.power = power;
    }

    @Override
    protected double[] score(SelectionContext ctx, int[] candidates) {
      Matrix h = ctx.matrix(Signal.EMBEDDINGS);
      double[] mean = new double[h.cols()];
      for (int i = 0; i < h.rows(); i++) {
        for (int j = 0; j < h.cols(); j++) {
          mean[j] += h.get(i, j) / h.rows();
        }
      }
      double[] scores = new double[candidates.length];
      for (int k = 0; k < candidates.length; k++) {
        double sum = 0;
        for (int j = 0; j < h.cols(); j++) {
          sum += Math.pow(Math.abs(h.get(candidates[k], j) - mean[j]), power);
        }
        scores[k] = Math.pow(sum, 1 / power);
      }
      return scores;
    }
  }
}
