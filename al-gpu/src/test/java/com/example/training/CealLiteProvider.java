package com.example.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.alkit.api.FitPlan;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;
import org.alkit.api.TrainingParticipant;

/**
 * {@code ceal-lite}: CEAL (Wang, Zhang, Li, Zhang and Lin, "Cost-Effective Active Learning for
 * Deep Image Classification", IEEE TCSVT 2016). Each selection picks the least confident
 * unlabeled items (1 − max p) and remembers the confident ones, whose prediction entropy is below
 * {@code threshold}, with their predicted class; the next fit trains on those as extra items of
 * weight {@code weight} ({@link FitPlan#addItems}). Pseudo-labels never count as labels and are
 * recomputed each round.
 */
public final class CealLiteProvider implements StrategyProvider {
  private Ceal last;

  @Override
  public String name() {
    return "ceal-lite";
  }

  @Override
  public Set<Signal> requires() {
    return Set.of(Signal.PROBABILITIES);
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(Parameter.real("threshold", 0.05, "entropy (nats) below which a prediction becomes a pseudo-label"),
        Parameter.real("weight", 1, "weight of a pseudo-labelled item beside a label's 1"));
  }

  @Override
  public Strategy create(Options options) {
    double threshold = options.getDouble("threshold");
    double weight = options.getDouble("weight");
    if (!(threshold >= 0) || !(weight > 0)) {
      throw new InvalidInputException("threshold = " + threshold + ", weight = " + weight
          + "; expected threshold >= 0 and weight > 0");
    }
    last = new Ceal(name(), options, threshold, (float) weight);
    return last;
  }

  /** The strategy made last, for tests. */
  public Ceal last() {
    return last;
  }

  /** The strategy: one per run. */
  public static final class Ceal implements Strategy, TrainingParticipant {
    private final String name;
    private final Options options;
    private final double threshold;
    private final float weight;
    private int[] confident = new int[0];
    private int[] predicted = new int[0];
    private final List<int[]> added = new ArrayList<>();
    private final List<int[]> addedLabels = new ArrayList<>();

    Ceal(String name, Options options, double threshold, float weight) {
      this.name = name;
      this.options = options;
      this.threshold = threshold;
      this.weight = weight;
    }

    @Override
    public Set<FitPlan.Hook> hooks() {
      return Set.of(FitPlan.Hook.EXTRA_ITEMS);
    }

    @Override
    public void beforeFit(FitPlan plan) {
      boolean[] unlabeled = new boolean[plan.poolSize()];
      for (int i : plan.unlabeled()) {
        unlabeled[i] = true;
      }
      int[] keep = java.util.stream.IntStream.range(0, confident.length).filter(k -> unlabeled[confident[k]]).toArray();
      int[] items = Arrays.stream(keep).map(k -> confident[k]).toArray();
      int[] labels = Arrays.stream(keep).map(k -> predicted[k]).toArray();
      float[] weights = new float[items.length];
      Arrays.fill(weights, weight);
      plan.addItems(items, labels, weights);
      added.add(items);
      addedLabels.add(labels);
    }

    @Override
    public Selection select(SelectionContext ctx) {
      Matrix p = ctx.matrix(Signal.PROBABILITIES);
      int[] candidates = ctx.unlabeled();
      double[] scores = new double[candidates.length];
      List<Integer> sure = new ArrayList<>();
      for (int k = 0; k < candidates.length; k++) {
        int i = candidates[k];
        double entropy = 0;
        for (int c = 0; c < p.cols(); c++) {
          double v = p.get(i, c);
          entropy -= v > 0 ? v * Math.log(v) : 0;
        }
        if (entropy < threshold) {
          sure.add(k);
        }
        scores[k] = 1 - p.get(i, Picks.argmax(p, i));
      }
      confident = sure.stream().mapToInt(k -> candidates[k]).toArray();
      predicted = sure.stream().mapToInt(k -> Picks.argmax(p, candidates[k])).toArray();
      return Picks.best(name, options, ctx, candidates, scores);
    }

    /** The pseudo-labelled items added to each fit, in order. */
    public List<int[]> added() {
      return List.copyOf(added);
    }

    /** Their labels, fit by fit. */
    public List<int[]> addedLabels() {
      return List.copyOf(addedLabels);
    }
  }
}
