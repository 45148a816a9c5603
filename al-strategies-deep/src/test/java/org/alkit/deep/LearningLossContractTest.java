package org.alkit.deep;

import java.util.Map;
import java.util.ServiceLoader;
import org.alkit.api.FitPlan;
import org.alkit.api.Matrix;
import org.alkit.api.ModelAdapter;
import org.alkit.api.ModelProvider;
import org.alkit.api.Options;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;
import org.alkit.api.TrainingHooks;
import org.alkit.api.TrainingParticipant;
import org.alkit.testkit.StrategyContractTest;

/**
 * The contract for learning-loss, a participant whose selection reads its module's outputs of the
 * fit before it: each selection here first runs that fit, as the loop does (the participant's
 * plan, then the {@code mlp} model's {@link TrainingHooks} on the pool's features and the labels),
 * then selects.
 */
class LearningLossContractTest extends StrategyContractTest {
  @Override
  protected StrategyProvider provider() {
    return new Fitting(new LearningLossProvider());
  }

  /** The provider, whose strategies fit the {@code mlp} with their plan before each selection. */
  static final class Fitting extends Wrapped {
    Fitting(StrategyProvider provider) {
      super(provider);
    }

    @Override
    public Strategy create(Options options) {
      Strategy strategy = provider.create(options);
      return ctx -> select(strategy, ctx);
    }

    private static Selection select(Strategy strategy, SelectionContext ctx) {
      TrainingParticipant participant = (TrainingParticipant) strategy;
      int[] labels = ctx.labels();
      int classes = ctx.matrix(Signal.PROBABILITIES).cols();
      FitPlan plan = FitPlan.of(ctx.round(), ctx.seed(), ctx.poolSize(), classes, ctx.labeled(), labels);
      participant.beforeFit(plan);
      Matrix items = ctx.matrix(Signal.FEATURES);
      mlp().capability(TrainingHooks.class).orElseThrow()
          .fit(items, ctx.labeled(), labels, classes, ctx.seed(), plan);
      return strategy.select(ctx);
    }

    private static ModelAdapter mlp() {
      for (ModelProvider p : ServiceLoader.load(ModelProvider.class)) {
        if (p.name().equals("mlp")) {
          return p.create(Options.resolve("model 'mlp'", p.parameters(), Map.of("hidden", "16", "epochs", "5")));
        }
      }
      throw new IllegalStateException("model 'mlp' (al-gpu) is not on the test class path");
    }
  }
}
