package com.example.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.alkit.api.FitPlan;
import org.alkit.api.Options;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;
import org.alkit.api.TrainingParticipant;

/**
 * {@code forgetting-lite}: forgetting events (Toneva et al., "An Empirical Study of Example
 * Forgetting during Deep Neural Network Learning", ICLR 2019) on the unlabeled pool. Each fit
 * observes the unlabeled items after every epoch ({@link FitPlan#observeEpochs}); with the fit's
 * last prediction standing in for the unknown label, an item is forgotten at epoch e when its
 * prediction at e − 1 was that label and at e is not. It picks the items forgotten most, then
 * those predicted otherwise for the most epochs (never learned):
 * score = forgetting events + (epochs predicted otherwise) / epochs.
 */
public final class ForgettingEventsProvider implements StrategyProvider {
  private Forgetting last;

  @Override
  public String name() {
    return "forgetting-lite";
  }

  @Override
  public Set<Signal> requires() {
    return Set.of();
  }

  @Override
  public Strategy create(Options options) {
    last = new Forgetting(name(), options);
    return last;
  }

  /** The strategy made last, for tests. */
  public Forgetting last() {
    return last;
  }

  /** The strategy: one per run. */
  public static final class Forgetting implements Strategy, TrainingParticipant {
    private final String name;
    private final Options options;
    private int[] observed = new int[0];
    private final List<int[]> predictions = new ArrayList<>();
    private final List<Integer> epochs = new ArrayList<>();
    private final List<String> shapes = new ArrayList<>();
    private double[] lastScores = new double[0];

    Forgetting(String name, Options options) {
      this.name = name;
      this.options = options;
    }

    @Override
    public Set<FitPlan.Hook> hooks() {
      return Set.of(FitPlan.Hook.EPOCH_PREDICTIONS);
    }

    @Override
    public void beforeFit(FitPlan plan) {
      observed = plan.unlabeled();
      predictions.clear();
      epochs.clear();
      plan.observeEpochs(observed, (epoch, p) -> {
        epochs.add(epoch);
        shapes.add(p.rows() + "x" + p.cols());
        int[] now = new int[p.rows()];
        for (int k = 0; k < now.length; k++) {
          now[k] = Picks.argmax(p, k);
        }
        predictions.add(now);
      });
    }

    @Override
    public Selection select(SelectionContext ctx) {
      int[] candidates = ctx.unlabeled();
      if (!java.util.Arrays.equals(candidates, observed)) {
        throw new IllegalStateException(name + " selects among items its last fit did not observe");
      }
      int n = predictions.size();
      int[] last = predictions.get(n - 1);
      double[] scores = new double[candidates.length];
      for (int k = 0; k < candidates.length; k++) {
        int forgotten = 0;
        int otherwise = 0;
        for (int e = 0; e < n; e++) {
          boolean right = predictions.get(e)[k] == last[k];
          otherwise += right ? 0 : 1;
          forgotten += e > 0 && predictions.get(e - 1)[k] == last[k] && !right ? 1 : 0;
        }
        scores[k] = forgotten + (double) otherwise / n;
      }
      lastScores = scores;
      return Picks.best(name, options, ctx, candidates, scores);
    }

    /** The epochs each observation reported, of the last fit. */
    public List<Integer> epochs() {
      return List.copyOf(epochs);
    }

    /** The shape of every matrix observed, over the run, as {@code rowsxcols}. */
    public List<String> shapes() {
      return List.copyOf(shapes);
    }

    /** The scores of the last selection, one per unlabeled item. */
    public double[] lastScores() {
      return lastScores.clone();
    }
  }
}
