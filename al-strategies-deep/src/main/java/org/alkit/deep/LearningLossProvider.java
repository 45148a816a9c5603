package org.alkit.deep;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Set;
import org.alkit.api.AlException;
import org.alkit.api.FitPlan;
import org.alkit.api.Matrix;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.ScoringStrategy;
import org.alkit.api.SelectionContext;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;
import org.alkit.api.TrainingParticipant;
import org.apiguardian.api.API;

/**
 * {@code learning-loss}: Learning Loss for Active Learning (Yoo and Kweon, CVPR 2019). A
 * loss-prediction module sits beside the classifier ({@link LossPredictionModule}: per tapped
 * layer global average pooling for a feature map, FC(128) → ReLU; concatenated; FC → l̂) and trains
 * jointly with it on each labeled batch ({@link FitPlan#auxiliaryHead}):
 *
 * <pre>  L = mean_b CE_b + λ · mean_{i &lt; ⌊B/2⌋} max(0, ξ − sign(l_i − l_j)·(l̂_i − l̂_j)),   j = B − 1 − i</pre>
 *
 * with the per-item cross-entropies l held constant, sign(0) = −1 as in the paper's code, λ = 1,
 * ξ = 1; the module's gradient into the classifier's layers stops after {@code detach-after} of the
 * epochs (the paper: 120 of 200, 0.6). It picks the unlabeled items with the highest predicted
 * loss l̂, read from the module's outputs on the pool after the round's fit, among a random
 * subset of the unlabeled items ({@code subset}, the paper's 10 000: its source of diversity; 0
 * ranks them all), drawn from the context's seed.
 *
 * <p>A {@link TrainingParticipant} with the hook {@code auxiliary-head}: it works with models that
 * perform it ({@code mlp}, {@code cnn}, {@code ensemble}; see each model for which layers it taps), and a run with
 * another model ({@code logistic}) is refused before round 1, in one line saying so. {@code alkit
 * select}, which fits no model, refuses it too. Deterministic under the fit's seed, as the model.
 *
 * <pre>{@code
 * model: cnn
 * strategy: learning-loss
 * strategy-options: {weight: 1, margin: 1, detach-after: 0.6}
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class LearningLossProvider implements StrategyProvider {
  /** The provider, as ServiceLoader creates it. */
  public LearningLossProvider() {}

  @Override
  public String name() {
    return "learning-loss";
  }

  @Override
  public String family() {
    return "deep";
  }

  @Override
  public String description() {
    return "learning loss (Yoo and Kweon 2019): a module trained with the classifier predicts each item's loss; "
        + "picks the highest (models mlp, cnn, ensemble)";
  }

  @Override
  public List<Parameter> parameters() {
    return LearningLossSettings.PARAMETERS;
  }

  @Override
  public Strategy create(Options options) {
    return new LearningLoss(name(), options, LearningLossSettings.from(options));
  }

  /** The strategy: one per run; the module's outputs of the latest fit are what it selects by. */
  static final class LearningLoss extends ScoringStrategy implements TrainingParticipant {
    private final LearningLossSettings settings;
    private Matrix predicted;
    private int fitRound;

    LearningLoss(String name, Options options, LearningLossSettings settings) {
      super(name, options);
      this.settings = settings;
    }

    @Override
    public Set<FitPlan.Hook> hooks() {
      return Set.of(FitPlan.Hook.AUXILIARY_HEAD);
    }

    @Override
    public void beforeFit(FitPlan plan) {
      predicted = null;
      fitRound = plan.round();
      plan.auxiliaryHead(new LossPredictionHead(settings, outputs -> predicted = outputs));
    }

    @Override
    protected double[] score(SelectionContext ctx, int[] candidates) {
      if (predicted == null || fitRound != ctx.round() || predicted.rows() != ctx.poolSize()) {
        throw new AlException("strategy '" + name() + "' has no predicted losses for round " + ctx.round()
            + ": its module trains with the classifier, so it runs in a loop whose model performs the hook "
            + "auxiliary-head (alkit run with model mlp, cnn or ensemble)");
      }
      boolean[] ranked = subset(candidates.length, Math.max(settings.subset(), ctx.selectionSize()), ctx);
      double[] scores = new double[candidates.length];
      for (int k = 0; k < candidates.length; k++) {
        scores[k] = ranked[k] ? predicted.get(candidates[k], 0) : Double.NEGATIVE_INFINITY;
      }
      return scores;
    }

    /**
     * Which of {@code n} candidates the selection ranks: {@code size} of them drawn without
     * replacement from the context's seed (a partial Fisher–Yates shuffle), or all when
     * {@code subset} is 0 or {@code size} reaches {@code n}.
     */
    private boolean[] subset(int n, int size, SelectionContext ctx) {
      boolean[] ranked = new boolean[n];
      if (settings.subset() == 0 || size >= n) {
        java.util.Arrays.fill(ranked, true);
        return ranked;
      }
      int[] order = new int[n];
      for (int k = 0; k < n; k++) {
        order[k] = k;
      }
      java.util.SplittableRandom random = ctx.random();
      for (int k = 0; k < size; k++) {
        int j = k + random.nextInt(n - k);
        int t = order[j];
        order[j] = order[k];
        order[k] = t;
        ranked[t] = true;
      }
      return ranked;
    }

    /** The predicted losses of every pool item, from the latest fit (null before one). */
    Matrix predictedLosses() {
      return predicted;
    }
  }
}
