package org.alkit.uncertainty;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.alkit.api.AlException;
import org.alkit.api.FittedModel;
import org.alkit.api.Matrix;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.Refitting;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;
import org.alkit.commons.Permutations;
import org.alkit.commons.Probabilities;
import org.apiguardian.api.API;

/**
 * {@code eer}: expected error reduction (Roy and McCallum, "Toward Optimal Active Learning through
 * Sampling Estimation of Error Reduction", ICML 2001; scikit-activeml's {@code MonteCarloEER},
 * modAL's {@code expected_error_reduction}). For a candidate x, the model is refitted with (x, y)
 * added for every class y, and the refitted model's loss over an evaluation set E is weighted by
 * the current model's p(y | x):
 *
 * <pre>  EE(x) = Σ_y p(y | x) · Σ_{u ∈ E} ℓ(p⁺ˣʸ(· | u)),
 *   ℓ(q) = −Σ_c q_c ln q_c (loss log)   or   1 − max_c q_c (loss zero-one)</pre>
 *
 * the expected log loss and zero-one loss of the refitted model estimated with its own beliefs,
 * as modAL computes them. The candidates are {@code candidates} unlabeled items drawn under the
 * seed (at least the selection size), E is {@code evaluation} unlabeled items drawn after them;
 * classes with p(y | x) = 0 are skipped (their weight is 0). The picks are the candidates of lowest
 * EE, ties to the lower pool index; each pick's score is its EE.
 *
 * <p>It refits through the model's {@link Refitting} (the {@code logistic} model warm-starts from
 * its weights), which the loop binds with the round's fitted model ({@code FittedModel.class}); a
 * model without it is refused before round 1, and {@code alkit select}, which fits nothing, refuses
 * {@code eer}. Costly by nature: |candidates| · C refits and as many predictions on |E| items per
 * round (scikit-activeml's Monte-Carlo EER is O(|candidates| · C · (fit + |E|·predict)) too); the
 * backend's {@code parallelFor} runs the candidates, each writing its own EE, so the result does
 * not depend on the thread count.
 */
@API(status = INTERNAL, since = "0.3")
public final class ExpectedErrorReductionProvider implements StrategyProvider {
  private static final String NAME = "eer";

  /** The provider, as ServiceLoader creates it. */
  public ExpectedErrorReductionProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String family() {
    return "expected-error";
  }

  @Override
  public String description() {
    return "expected error reduction: lowest expected loss of the model refitted with the item (Roy & McCallum 2001)";
  }

  @Override
  public Set<Signal> requires() {
    return Set.of(Signal.PROBABILITIES, Signal.FEATURES);
  }

  @Override
  public Set<Class<?>> capabilities() {
    return Set.of(Refitting.class);
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.choice("loss", "log", "the refitted model's loss on the evaluation items", "log", "zero-one"),
        Parameter.integer("candidates", 100, "unlabeled items drawn under the seed and scored").atLeast(1),
        Parameter.integer("evaluation", 300, "unlabeled items drawn under the seed the expected loss is summed over").atLeast(1));
  }

  @Override
  public Strategy create(Options options) {
    boolean zeroOne = options.getString("loss").equals("zero-one");
    int candidates = options.getInt("candidates");
    int evaluation = options.getInt("evaluation");
    return ctx -> select(ctx, options, zeroOne, candidates, evaluation);
  }

  private static Selection select(SelectionContext ctx, Options options, boolean zeroOne, int candidateCount,
      int evaluationCount) {
    Refitting refitting = ctx.capability(Refitting.class).orElseThrow(() -> new AlException("strategy '" + NAME
        + "' refits the model and none is bound (Refitting); run it in a loop (alkit run) with a model that"
        + " refits (logistic)"));
    FittedModel fitted = ctx.capability(FittedModel.class).orElseThrow(() -> new AlException("strategy '" + NAME
        + "' refits the round's fitted model and none is bound (FittedModel); run it in a loop (alkit run)"));
    Matrix p = ctx.matrix(Signal.PROBABILITIES);
    Matrix features = ctx.matrix(Signal.FEATURES);
    int[] labeled = ctx.labeled();
    int[] labels = ctx.labels();
    SplittableRandom random = ctx.random();
    int[] candidates = draw(ctx.unlabeled(), Math.max(candidateCount, ctx.selectionSize()), random);
    Matrix evaluation = features.select(draw(ctx.unlabeled(), evaluationCount, random));
    double[] expected = new double[candidates.length];
    ctx.backend().parallelFor(candidates.length, k -> {
      int x = candidates[k];
      double sum = 0;
      for (int y = 0; y < p.cols(); y++) {
        double weight = p.get(x, y);
        if (weight > 0) {
          FittedModel refitted = refitting.refit(fitted, features, labeled, labels, new int[] {x}, new int[] {y},
              ctx.seed());
          sum += weight * loss(refitted.probabilities(evaluation), zeroOne);
        }
      }
      expected[k] = sum;
    });
    double[] negated = new double[candidates.length];
    for (int k = 0; k < candidates.length; k++) {
      negated[k] = -expected[k];
    }
    // candidates are ascending, so ties of the top-k go to the lower pool index
    int[] order = ctx.backend().topK(negated, ctx.selectionSize());
    int[] picks = new int[order.length];
    double[] scores = new double[order.length];
    for (int r = 0; r < order.length; r++) {
      picks[r] = candidates[order[r]];
      scores[r] = expected[order[r]];
    }
    return Selection.of(NAME, options, picks, scores);
  }

  /** Σ over the rows of ℓ(q): the entropy, or 1 − max q. */
  static double loss(Matrix q, boolean zeroOne) {
    double sum = 0;
    for (int u = 0; u < q.rows(); u++) {
      sum += zeroOne ? 1 - q.get(u, Probabilities.argmax(q, u)) : Probabilities.entropy(q, u);
    }
    return sum;
  }

  /**
   * {@code count} of {@code items} (all when fewer) drawn without replacement under
   * {@code random}: the first {@code count} of a shuffle, ascending.
   */
  static int[] draw(int[] items, int count, SplittableRandom random) {
    int[] shuffled = items.clone();
    Permutations.shuffle(shuffled, random);
    int[] out = java.util.Arrays.copyOf(shuffled, Math.min(count, items.length));
    java.util.Arrays.sort(out);
    return out;
  }
}
