package org.alkit.eval.matrix;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.alkit.api.FitPlan;
import org.alkit.api.Matrix;
import org.alkit.api.Options;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;
import org.alkit.api.TrainingParticipant;

/**
 * Test-only strategy that takes part in training: it observes the unlabeled items after every
 * epoch of every fit (counting the observations) and picks the least confident items.
 */
public final class ParticipantTestProvider implements StrategyProvider {
  static final String NAME = "test-participant";
  /** Fits taken part in, over every run of the JVM. */
  static final AtomicInteger FITS = new AtomicInteger();
  /** Epochs observed, over every run of the JVM. */
  static final AtomicInteger EPOCHS = new AtomicInteger();

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
    return new Participant(options);
  }

  private static final class Participant implements Strategy, TrainingParticipant {
    private final Options options;

    Participant(Options options) {
      this.options = options;
    }

    @Override
    public Set<FitPlan.Hook> hooks() {
      return Set.of(FitPlan.Hook.EPOCH_PREDICTIONS);
    }

    @Override
    public void beforeFit(FitPlan plan) {
      FITS.incrementAndGet();
      plan.observeEpochs(plan.unlabeled(), (epoch, p) -> EPOCHS.incrementAndGet());
    }

    @Override
    public Selection select(SelectionContext ctx) {
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
      return Selection.of(NAME, options, Arrays.stream(top).map(k -> unlabeled[k]).toArray(),
          Arrays.stream(top).mapToDouble(k -> scores[k]).toArray());
    }
  }
}
