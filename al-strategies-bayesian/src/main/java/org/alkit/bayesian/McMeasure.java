package org.alkit.bayesian;

import org.alkit.api.ComputeBackend;
import org.alkit.api.Options;
import org.alkit.api.ScoringStrategy;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;

/**
 * The per-item uncertainty measures over Monte-Carlo passes, each a top-k strategy (highest score
 * first, ties to the lower pool index, through {@link ScoringStrategy}).
 */
enum McMeasure {
  /** The mutual information H[mean_t q_t] − mean_t H[q_t]; see {@link McSamples#bald}. */
  BALD {
    @Override
    double[] score(McSamples mc, int[] candidates, ComputeBackend backend) {
      double[] bald = new double[candidates.length];
      mc.bald(candidates, bald, new double[candidates.length], backend);
      return bald;
    }
  },
  /** 1 − (passes predicting the modal class) / T; see {@link McSamples#variationRatio}. */
  VARIATION_RATIO {
    @Override
    double[] score(McSamples mc, int[] candidates, ComputeBackend backend) {
      int[] counts = new int[mc.classes()];
      double[] out = new double[candidates.length];
      for (int k = 0; k < out.length; k++) {
        out[k] = mc.variationRatio(candidates[k], counts);
      }
      return out;
    }
  },
  /** The mean over classes of the standard deviation over passes; see {@link McSamples#meanStd}. */
  MEAN_STD {
    @Override
    double[] score(McSamples mc, int[] candidates, ComputeBackend backend) {
      float[] rows = new float[mc.passes() * mc.classes()];
      double[] mean = new double[mc.classes()];
      double[] out = new double[candidates.length];
      for (int k = 0; k < out.length; k++) {
        out[k] = mc.meanStd(candidates[k], rows, mean);
      }
      return out;
    }
  };

  /**
   * One score per candidate, position by position: higher means more worth labeling.
   *
   * @param candidates unlabeled pool indices
   * @param backend the workers that may share the scoring
   */
  abstract double[] score(McSamples mc, int[] candidates, ComputeBackend backend);

  /** The top-k strategy of this measure over the Monte-Carlo passes, reporting {@code name} and {@code options}. */
  Strategy strategy(String name, Options options) {
    return strategy(name, options, Signal.MC_PROBABILITIES);
  }

  /**
   * The top-k strategy of this measure over the passes of {@code passes} (Monte-Carlo passes or a
   * committee's members), reporting {@code name} and {@code options}.
   */
  Strategy strategy(String name, Options options, Signal passes) {
    return new ScoringStrategy(name, options) {
      @Override
      public boolean scoresItemsAlone() {
        return true;
      }

      @Override
      protected double[] score(SelectionContext ctx, int[] candidates) {
        return McMeasure.this.score(McSamples.of(ctx, passes, name), candidates, ctx.backend());
      }
    };
  }
}
