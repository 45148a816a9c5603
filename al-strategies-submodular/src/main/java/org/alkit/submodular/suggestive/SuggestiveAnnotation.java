package org.alkit.submodular.suggestive;

import java.util.Arrays;
import java.util.List;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.Options;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Similarity;
import org.alkit.api.Strategy;
import org.alkit.submodular.SetFunction;
import org.alkit.submodular.functions.Catalog;
import org.alkit.submodular.optimizers.GreedyResult;
import org.alkit.submodular.optimizers.OptimizerOptions;
import org.alkit.submodular.optimizers.Optimizers;

/** One configured Suggestive Annotation; see {@link SuggestiveAnnotationProvider}. */
final class SuggestiveAnnotation implements Strategy {
  /** Candidates per pick when the option is 0 (the paper's K/k). */
  static final int CANDIDATES_PER_PICK = 4;

  private final String name;
  private final Options options;
  private final int candidates;

  /** @param candidates ≥ 0 (the option's bound) */
  SuggestiveAnnotation(String name, Options options, int candidates) {
    this.name = name;
    this.options = options;
    this.candidates = candidates;
  }

  @Override
  public Selection select(SelectionContext ctx) {
    List<Matrix> committee = ctx.stack(Signal.COMMITTEE_PROBABILITIES);
    if (committee.size() < 2) {
      throw new InvalidInputException("strategy '" + name + "': " + Signal.COMMITTEE_PROBABILITIES.key()
          + " holds " + committee.size() + " member; expected a committee of at least 2 (its variance is 0)");
    }
    Matrix embeddings = ctx.matrix(Signal.EMBEDDINGS);
    int k = ctx.selectionSize();
    if (candidates > 0 && candidates < k) {
      throw new InvalidInputException("option 'candidates' = " + candidates + ": expected 0 (4 x budget) or at"
          + " least the budget (" + k + ")");
    }
    int[] unlabeled = ctx.unlabeled();
    int wanted = (int) Math.min(unlabeled.length, candidates > 0 ? candidates : (long) CANDIDATES_PER_PICK * k);
    double[] uncertainty = new double[unlabeled.length];
    for (int r = 0; r < unlabeled.length; r++) {
      uncertainty[r] = meanVariance(committee, unlabeled[r]);
    }
    int[] ground = ctx.backend().topK(uncertainty, wanted);
    for (int t = 0; t < ground.length; t++) {
      ground[t] = unlabeled[ground[t]];
    }
    Arrays.sort(ground); // ground-set order = pool order, so the greedy's ties go to the lower pool index
    // unlabeled × candidates: the orientation the backend splits over its workers (its query rows)
    Matrix similarities = ctx.backend().similarity(embeddings.select(unlabeled), embeddings.select(ground),
        Similarity.COSINE);
    SetFunction coverage = Catalog.facilityLocationOver(similarities);
    GreedyResult greedy = Optimizers.create("lazy", OptimizerOptions.defaults(ctx.seed()))
        .maximize(coverage, k, ctx.backend());
    int[] picks = greedy.selected();
    for (int t = 0; t < picks.length; t++) {
      picks[t] = ground[picks[t]];
    }
    return Selection.of(name, options, picks, greedy.gains());
  }

  /** (1/C) Σ_c (1/M) Σ_m (p_m(c|x_i) − p̄_c)²: the members' mean variance over the classes. */
  static double meanVariance(List<Matrix> committee, int i) {
    int members = committee.size();
    int classes = committee.get(0).cols();
    double total = 0;
    for (int c = 0; c < classes; c++) {
      double mean = 0;
      for (Matrix p : committee) {
        mean += p.get(i, c);
      }
      mean /= members;
      double squares = 0;
      for (Matrix p : committee) {
        double d = p.get(i, c) - mean;
        squares += d * d;
      }
      total += squares / members;
    }
    return total / classes;
  }
}
