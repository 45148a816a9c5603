package org.alkit.vabal;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Set;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.ScoringStrategy;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;
import org.apiguardian.api.API;

/**
 * {@code vabal}: VaB-AL (Choi, Yi, Kim, Choo, Kim, Chang, Gwon and Chang, "VaB-AL: Incorporating
 * Class Imbalance and Difficulty with Variational Bayes for Active Learning", CVPR 2021) ranks items
 * by the probability that the classifier errs on them,
 *
 * <pre>  score(x) = 1 − Σ_n p(y_n | ŷ_n) p(x | ŷ_n) p(ŷ_n) / Σ_n p(x | ŷ_n) p(ŷ_n)</pre>
 *
 * highest first (ties to the lower pool index): the likelihood of the features under each
 * predicted class, the prior of each predicted class and how often a prediction of each class is
 * right, the last two estimated on the labeled pool ({@link ClassTerms}); see
 * {@link ErrorProbability} for the log-space evaluation. Items of rare and of hard classes rise,
 * where plain uncertainty favours the dominant classes.
 *
 * <p>The likelihood here is {@link DiagonalGaussianLikelihood}, class-conditional Gaussians on the
 * {@code embeddings} (the classifier's features). The paper's VAE likelihood (ten latent dimensions
 * per class, masked ELBO, Monte Carlo over z) plugs into the same {@link ClassLikelihood} once
 * alkit's DJL layer is available. Options: {@code prior} and {@code difficulty} (default true;
 * false gives the paper's ablations: a uniform class prior, and 1 − max_n p(ŷ_n | x)),
 * {@code smoothing} (α of the add-α estimates, default 1). Requires {@code embeddings} and the
 * labels of at least one labeled item.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class VabalProvider implements StrategyProvider {
  /** The provider, as ServiceLoader creates it. */
  public VabalProvider() {}

  @Override
  public String name() {
    return "vabal";
  }

  @Override
  public String family() {
    return "bayesian";
  }

  @Override
  public String description() {
    return "VaB-AL (Choi et al. 2021): Bayes-rule probability the classifier errs, with class prior and "
        + "difficulty; Gaussian class likelihood on embeddings";
  }

  @Override
  public Set<Signal> requires() {
    return Set.of(Signal.EMBEDDINGS);
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.bool("prior", true, "estimate the class prior p(y^_n) (false: uniform)"),
        Parameter.bool("difficulty", true, "weigh by p(y_n | y^_n) (false: 1 - max posterior)"),
        Parameter.real("smoothing", 1, "alpha of the add-alpha estimates of prior and difficulty"));
  }

  @Override
  public Strategy create(Options options) {
    VabalOptions settings = VabalOptions.from(options);
    return new ScoringStrategy(name(), options) {
      @Override
      protected double[] score(SelectionContext ctx, int[] candidates) {
        return VabalProvider.score(ctx, candidates, settings);
      }
    };
  }

  private static double[] score(SelectionContext ctx, int[] candidates, VabalOptions settings) {
    Matrix features = ctx.matrix(Signal.EMBEDDINGS);
    int[] labeled = ctx.labeled();
    if (labeled.length == 0) {
      throw new InvalidInputException("vabal needs labeled items with their labels to fit its class "
          + "likelihood; got 0 labeled items");
    }
    int[] labels = ctx.labels();
    int classes = 0;
    for (int k = 0; k < labels.length; k++) {
      if (labels[k] < 0) {
        throw new InvalidInputException("label of pool item " + labeled[k] + " = " + labels[k]
            + "; expected a class index >= 0");
      }
      classes = Math.max(classes, labels[k] + 1);
    }
    ClassLikelihood model = DiagonalGaussianLikelihood.fit(features, labeled, labels, classes);
    ClassTerms terms = ClassTerms.estimate(model, labeled, labels, settings.smoothing());
    if (!settings.prior()) {
      terms = terms.withUniformPrior();
    }
    double[] scores = new double[candidates.length];
    double[] row = new double[classes];
    for (int k = 0; k < candidates.length; k++) {
      model.logLikelihoods(candidates[k], row);
      scores[k] = ErrorProbability.score(row, terms, settings.difficulty());
    }
    return scores;
  }
}
