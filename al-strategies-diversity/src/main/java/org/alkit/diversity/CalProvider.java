package org.alkit.diversity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.alkit.api.ComputeBackend;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.ScoringStrategy;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;
import org.alkit.commons.Probabilities;
import org.alkit.commons.Ranking;
import org.apiguardian.api.API;

/**
 * {@code cal}: Contrastive Active Learning (Margatina et al., "Active Learning by Acquiring
 * Contrastive Examples", EMNLP 2021). An item is worth labeling when the model's prediction on
 * it disagrees with the predictions on its nearest labeled neighbours in embedding space:
 * <pre>  s(x) = (1/k) Σ_{l ∈ kNN_L(x)} KL(p(·|l) ‖ p(·|x)),  KL(a ‖ b) = Σ_c a_c log(a_c / b_c)</pre>
 * with kNN_L(x) the {@code neighbors} labeled items nearest x in L2 on the embeddings (ties to
 * the lower index) and p the model's probabilities on both sides. The highest scores are
 * picked ({@link ScoringStrategy}). KL is alkit's one definition ({@link Probabilities#klDivergence}):
 * rows renormalised, terms with a_c = 0 are 0, and b_c is floored at
 * {@value Probabilities#MIN_PROBABILITY} so a zero does not give an infinite score.
 *
 * <p>Cost: squared distances in blocks of {@value #BLOCK} unlabeled rows through the compute
 * backend, {@code O(n_u·n_l·d)} time and {@code O(BLOCK·n_l)} memory.
 *
 * <p>Requires {@link Signal#EMBEDDINGS}, {@link Signal#PROBABILITIES} and at least one labeled
 * item ({@link InvalidInputException} otherwise). Option {@code neighbors} (default 10).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CalProvider implements StrategyProvider {
  private static final int BLOCK = 1024;

  @Override
  public String name() {
    return "cal";
  }

  @Override
  public String family() {
    return "diversity";
  }

  @Override
  public String description() {
    return "contrastive active learning: mean KL from the k nearest labeled predictions";
  }

  @Override
  public Set<Signal> requires() {
    return Set.of(Signal.EMBEDDINGS, Signal.PROBABILITIES);
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(Parameter.integer("neighbors", 10, "labeled neighbours compared with each item")
        .atLeast(1).atMost(CalOptions.MAX_NEIGHBORS));
  }

  @Override
  public Strategy create(Options options) {
    return new Cal(name(), options, CalOptions.from(options));
  }

  /** The scoring hook; selection is {@link ScoringStrategy}'s top-k. */
  private static final class Cal extends ScoringStrategy {
    private final CalOptions settings;

    Cal(String name, Options options, CalOptions settings) {
      super(name, options);
      this.settings = settings;
    }

    @Override
    protected double[] score(SelectionContext ctx, int[] candidates) {
      Matrix embeddings = ctx.matrix(Signal.EMBEDDINGS);
      Matrix p = ctx.matrix(Signal.PROBABILITIES);
      int[] labeled = ctx.labeled();
      if (labeled.length == 0) {
        throw new InvalidInputException("strategy 'cal' compares each item with its labeled "
            + "neighbours, but no item is labeled; expected at least 1 labeled item");
      }
      int k = Math.min(settings.neighbors(), labeled.length);
      ComputeBackend backend = ctx.backend();
      Matrix reference = embeddings.select(labeled);
      double[] scores = new double[candidates.length];
      for (int from = 0; from < candidates.length; from += BLOCK) {
        int to = Math.min(candidates.length, from + BLOCK);
        int[] block = Arrays.copyOfRange(candidates, from, to);
        Matrix d2 = backend.squaredDistances(embeddings.select(block), reference);
        double[] negated = new double[labeled.length];
        double[] candidate = new double[p.cols()];
        for (int r = 0; r < block.length; r++) {
          for (int c = 0; c < candidate.length; c++) {
            candidate[c] = p.get(block[r], c);
          }
          for (int j = 0; j < negated.length; j++) {
            negated[j] = -d2.get(r, j);
          }
          double sum = 0;
          for (int j : Ranking.topK(negated, k)) {
            sum += Probabilities.klDivergence(p, labeled[j], candidate);
          }
          scores[from + r] = sum / k;
        }
      }
      return scores;
    }
  }
}
