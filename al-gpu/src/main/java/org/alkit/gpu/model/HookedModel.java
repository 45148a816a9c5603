package org.alkit.gpu.model;

import java.util.Optional;
import java.util.Set;
import org.alkit.api.FitPlan;
import org.alkit.api.FittedModel;
import org.alkit.api.Matrix;
import org.alkit.api.ModelAdapter;
import org.alkit.api.TrainingHooks;

/**
 * A model of this package that performs training hooks ({@link TrainingHooks}, its own
 * capability): a plain fit is the fit of no {@link Participation}, a fit with a plan checks the
 * plan against the hooks it performs and then fits with what the plan asks.
 */
abstract class HookedModel implements ModelAdapter, TrainingHooks {
  private final String owner;
  private final Set<FitPlan.Hook> hooks;

  /**
   * @param owner the model in messages, e.g. {@code model 'mlp'}
   * @param hooks the hooks it performs
   */
  HookedModel(String owner, Set<FitPlan.Hook> hooks) {
    this.owner = owner;
    this.hooks = Set.copyOf(hooks);
  }

  /** A fit on the rows {@code labeled} (checked here) with what {@code participation} asks. */
  abstract FittedModel fit(Matrix features, int[] labeled, int[] labels, int numClasses, long seed,
      Participation participation);

  @Override
  public final <C> Optional<C> capability(Class<C> type) {
    return type == TrainingHooks.class ? Optional.of(type.cast(this)) : Optional.empty();
  }

  @Override
  public final Set<FitPlan.Hook> supported() {
    return hooks;
  }

  @Override
  public final FittedModel fit(Matrix features, int[] labeled, int[] labels, int numClasses, long seed) {
    return fit(features, labeled, labels, numClasses, seed, Participation.NONE);
  }

  @Override
  public final FittedModel fit(Matrix features, int[] labeled, int[] labels, int numClasses, long seed,
      FitPlan plan) {
    plan.checkFit(owner, hooks, features.rows(), labeled);
    return fit(features, labeled, labels, numClasses, seed, Participation.of(plan));
  }
}
