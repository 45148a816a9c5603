package org.alkit.runtime.model;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.alkit.api.EpochObserver;
import org.alkit.api.FitPlan;
import org.alkit.api.FittedModel;
import org.alkit.api.Matrix;
import org.alkit.api.ModelAdapter;
import org.alkit.api.ModelProvider;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.Signal;
import org.alkit.api.TrainingHooks;

/**
 * Publishes the model {@value #NAME}: L2-regularised multinomial logistic regression on features
 * standardized over all rows given to {@code fit} (the pool), trained on the labeled rows by
 * full-batch Nesterov gradient descent with step 1/L from Böhning's Hessian bound.
 *
 * <p>Offers {@link Signal#PROBABILITIES}, {@link Signal#EMBEDDINGS} (the standardized features h)
 * and {@link Signal#GRADIENT_EMBEDDINGS} ((p − onehot(argmax p)) ⊗ h, Ash et al., "Deep Batch
 * Active Learning by Diverse, Uncertain Gradient Lower Bounds", ICLR 2020). Options: {@code l2}
 * (default 0.01) and {@code iterations} (default 300). Deterministic: training draws no random
 * numbers. Every class in {@code [0, numClasses)} gets a column, seen or not.
 *
 * <p>Training hooks ({@link TrainingHooks}): extra items (weighted rows of the full-batch loss,
 * see {@link SoftmaxRegression}) and epoch predictions, an epoch being one gradient iteration
 * (the observer gets the probabilities after each of the {@code iterations}). No auxiliary head: a
 * linear model has no hidden layer to attach one to.
 */
public final class LogisticModelProvider implements ModelProvider {
  /** The name configuration selects this model by. */
  public static final String NAME = "logistic";

  private static final Set<Signal> OFFERS =
      Set.copyOf(EnumSet.of(Signal.PROBABILITIES, Signal.EMBEDDINGS, Signal.GRADIENT_EMBEDDINGS));

  /** The ServiceLoader constructor. */
  public LogisticModelProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "multinomial logistic regression on standardised features; probabilities, embeddings";
  }

  @Override
  public List<Parameter> parameters() {
    return LogisticOptions.PARAMETERS;
  }

  @Override
  public ModelAdapter create(Options options) {
    return new Adapter(LogisticOptions.from(options));
  }

  /** The adapter, which also performs a participant's extra items and epoch predictions. */
  private static final class Adapter implements ModelAdapter, TrainingHooks {
    private static final String OWNER = "model '" + NAME + "'";
    private static final Set<FitPlan.Hook> HOOKS =
        Set.copyOf(EnumSet.of(FitPlan.Hook.EXTRA_ITEMS, FitPlan.Hook.EPOCH_PREDICTIONS));

    private final LogisticOptions settings;

    Adapter(LogisticOptions settings) {
      this.settings = settings;
    }

    @Override
    public Set<Signal> offers() {
      return OFFERS;
    }

    @Override
    public FittedModel fit(Matrix features, int[] labeled, int[] labels, int numClasses, long seed) {
      return fit(features, labeled, labels, numClasses, labeled, labels, null, null);
    }

    @Override
    public <C> Optional<C> capability(Class<C> type) {
      return type == TrainingHooks.class ? Optional.of(type.cast(this)) : Optional.empty();
    }

    @Override
    public Set<FitPlan.Hook> supported() {
      return HOOKS;
    }

    @Override
    public FittedModel fit(Matrix features, int[] labeled, int[] labels, int numClasses, long seed, FitPlan plan) {
      plan.checkFit(OWNER, HOOKS, features.rows(), labeled);
      int[] extra = plan.extraItems();
      int[] rows = Arrays.copyOf(labeled, labeled.length + extra.length);
      System.arraycopy(extra, 0, rows, labeled.length, extra.length);
      int[] targets = Arrays.copyOf(labels, labels.length + extra.length);
      System.arraycopy(plan.extraLabels(), 0, targets, labels.length, extra.length);
      float[] weights = null;
      if (extra.length > 0) {
        weights = new float[rows.length];
        Arrays.fill(weights, 0, labeled.length, 1f);
        System.arraycopy(plan.extraWeights(), 0, weights, labeled.length, extra.length);
      }
      return fit(features, labeled, labels, numClasses, rows, targets, weights, plan);
    }

    /**
     * Checks the labeled rows, standardises {@code features} and trains on {@code rows} with
     * {@code targets} and {@code weights} (null: all 1), observed as {@code plan} asks (null: not).
     */
    private FittedModel fit(Matrix features, int[] labeled, int[] labels, int numClasses, int[] rows, int[] targets,
        float[] weights, FitPlan plan) {
      FitInputs.check(features, labeled, labels, numClasses);
      Standardizer standardizer = Standardizer.fit(features);
      Matrix h = standardizer.apply(features);
      SoftmaxRegression.IterationObserver observer = plan == null ? null : plan.epochObserver()
          .map(o -> observer(o, standardizer, features.select(plan.observedItems()))).orElse(null);
      return new LinearFittedModel(OWNER, OFFERS, standardizer,
          List.of(SoftmaxRegression.train(h, rows, targets, weights, numClasses, settings, observer)));
    }

    /**
     * Hands the probabilities on the {@code observed} rows after each iteration to
     * {@code observer}, computed as the fitted model computes them.
     */
    private static SoftmaxRegression.IterationObserver observer(EpochObserver observer, Standardizer standardizer,
        Matrix observed) {
      return (iteration, model) -> observer.epoch(iteration,
          new LinearFittedModel(OWNER, OFFERS, standardizer, List.of(model)).probabilities(observed));
    }

    @Override
    public String toString() {
      return OWNER + " " + settings;
    }
  }
}
