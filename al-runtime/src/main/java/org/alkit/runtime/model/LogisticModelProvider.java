package org.alkit.runtime.model;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.alkit.api.EpochObserver;
import org.alkit.api.FitPlan;
import org.alkit.api.FittedModel;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.ModelAdapter;
import org.alkit.api.ModelProvider;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.Refitting;
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
 *
 * <p>{@link Refitting} (for expected error reduction): a fitted model refitted with added items by
 * {@code refit-iterations} (default 10) Nesterov steps from its own weights, on the labeled and
 * added rows standardized as the fitted model standardizes them; the step is those rows' Böhning
 * bound, the momentum restarts.
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

  /** The option of {@link Refitting}'s warm-started refits. */
  private static final Parameter REFIT_ITERATIONS = Parameter.integer("refit-iterations", 10,
      "Nesterov steps of a warm-started refit with added items (expected error reduction)").atLeast(1);

  @Override
  public List<Parameter> parameters() {
    return java.util.stream.Stream.concat(LogisticOptions.PARAMETERS.stream(), java.util.stream.Stream.of(
        REFIT_ITERATIONS)).toList();
  }

  @Override
  public ModelAdapter create(Options options) {
    return new Adapter(LogisticOptions.from(options), options.getInt(REFIT_ITERATIONS.name()));
  }

  /** The adapter, which also performs a participant's extra items and epoch predictions. */
  private static final class Adapter implements ModelAdapter, TrainingHooks, Refitting {
    private static final String OWNER = "model '" + NAME + "'";
    private static final Set<FitPlan.Hook> HOOKS =
        Set.copyOf(EnumSet.of(FitPlan.Hook.EXTRA_ITEMS, FitPlan.Hook.EPOCH_PREDICTIONS));

    private final LogisticOptions settings;
    private final int refitIterations;

    Adapter(LogisticOptions settings, int refitIterations) {
      this.settings = settings;
      this.refitIterations = refitIterations;
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
      return type == TrainingHooks.class || type == Refitting.class ? Optional.of(type.cast(this)) : Optional.empty();
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

    @Override
    public FittedModel refit(FittedModel fitted, Matrix features, int[] labeled, int[] labels, int[] added,
        int[] addedLabels, long seed) {
      if (!(fitted instanceof LinearFittedModel model) || !model.isSingle(OWNER)) {
        throw new InvalidInputException("fitted = " + fitted + "; expected a model " + OWNER + " fitted");
      }
      if (added.length != addedLabels.length) {
        throw new InvalidInputException("added has " + added.length + " entries but addedLabels has "
            + addedLabels.length + "; expected one label per added item");
      }
      int[] rows = Arrays.copyOf(labeled, labeled.length + added.length);
      System.arraycopy(added, 0, rows, labeled.length, added.length);
      int[] targets = Arrays.copyOf(labels, labels.length + added.length);
      System.arraycopy(addedLabels, 0, targets, labels.length, added.length);
      FitInputs.check(features, rows, targets, model.classes());
      boolean[] seen = new boolean[features.rows()];
      for (int r : rows) {
        if (seen[r]) {
          throw new InvalidInputException("item " + r + " is added twice or is labeled; expected new items");
        }
        seen[r] = true;
      }
      Matrix h = model.standardizer().apply(features.select(rows));
      int[] local = java.util.stream.IntStream.range(0, rows.length).toArray();
      return new LinearFittedModel(OWNER, OFFERS, model.standardizer(),
          List.of(model.member().continued(h, local, targets, settings.l2(), refitIterations)));
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
      return OWNER + " " + settings + ", refit-iterations " + refitIterations;
    }
  }
}
