package org.alkit.vabal;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Set;
import org.alkit.api.AlException;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.NetworkTraining;
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
 * <p>The likelihood ({@code likelihood}) is by default the paper's {@link Vae}, trained with DJL on
 * the {@code embeddings} (the classifier's features) of the whole pool, through the context's
 * {@link NetworkTraining} (the configured backend's engine, device and threads; with the
 * {@code java} backend, a {@code djl} backend the runtime creates for training, on one thread):
 * ten latent dimensions per
 * class, a latent classifier softmax(−w) on the labeled items, p(x | ŷ_n) the ELBO with class n's
 * latent block masked, Monte Carlo over z ({@code mc-samples}, default 100); options
 * {@code epochs} (default 50), {@code batch-size} (64), {@code hidden} (128), {@code lambda} (λ,
 * default 10) and {@code learning-rate} (Adam, 10⁻⁴, the paper's). The paper's λ = 0.005 leaves
 * the latent classifier undertrained with the ELBO summed over the features as here: on the
 * imbalanced two-class test problem, over four seeds, its picks held 5–43 % of the rare class
 * against entropy's 48 % and the Gaussians' 71 %; λ = 0.1 gave 9–59 %, λ = 1 37–71 %, λ = 10
 * 70–73 %. {@code likelihood: gaussian} takes class
 * Gaussians instead ({@link DiagonalGaussianLikelihood}: no training, no DJL, no capability needed:
 * {@link #capabilities(Options)} declares {@link NetworkTraining} for the VAE only). Further options:
 * {@code prior} and {@code difficulty} (default true; false gives the paper's ablations: a uniform
 * class prior, and 1 − max_n p(ŷ_n | x)), {@code smoothing} (α of the add-α estimates, default 1).
 * Deterministic under the context's seed (on the same device and one libtorch thread, the
 * default). Requires
 * {@code embeddings} and the labels of at least one labeled item; C is the largest label + 1.
 *
 * <pre>{@code
 * strategy: vabal
 * strategy-options: {likelihood: vae, epochs: 30, mc-samples: 100}
 * }</pre>
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
        + "difficulty; class likelihood from a VAE on the embeddings (DJL) or class Gaussians";
  }

  @Override
  public Set<Signal> requires() {
    return Set.of(Signal.EMBEDDINGS);
  }

  /** {@link NetworkTraining}, which the VAE trains through. */
  @Override
  public Set<Class<?>> capabilities() {
    return Set.of(NetworkTraining.class);
  }

  /** {@link NetworkTraining} with {@code likelihood: vae}; nothing with {@code gaussian}. */
  @Override
  public Set<Class<?>> capabilities(Options options) {
    return VabalOptions.from(options).likelihood() == VabalOptions.Likelihood.VAE ? capabilities() : Set.of();
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.choice("likelihood", "vae", "p(x | y^_n): the paper's VAE (DJL), or gaussian: class Gaussians",
            "vae", "gaussian"),
        Parameter.integer("epochs", 50, "vae: passes over the pool's embeddings")
            .atLeast(1).atMost(VaeSettings.MAX_EPOCHS),
        Parameter.integer("batch-size", 64, "vae: items per Adam step").atLeast(1),
        Parameter.integer("hidden", 128, "vae: units of the encoder's and the decoder's hidden layer").atLeast(1),
        Parameter.integer("mc-samples", 100, "vae: draws of z behind each masked ELBO")
            .atLeast(1).atMost(VaeSettings.MAX_SAMPLES),
        Parameter.real("lambda", 10, "vae: weight of the latent classifier's cross-entropy").atLeast(0),
        Parameter.real("learning-rate", 1e-4, "vae: Adam step size").above(0),
        Parameter.bool("prior", true, "estimate the class prior p(y^_n) (false: uniform)"),
        Parameter.bool("difficulty", true, "weigh by p(y_n | y^_n) (false: 1 - max posterior)"),
        Parameter.real("smoothing", 1, "alpha of the add-alpha estimates of prior and difficulty")
            .above(0).atMost(VabalOptions.MAX_SMOOTHING));
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
    ClassLikelihood model = settings.likelihood() == VabalOptions.Likelihood.VAE
        ? VaeLikelihood.fit(training(ctx), features, labeled, labels, classes, settings.vae(), ctx.random().nextLong())
        : DiagonalGaussianLikelihood.fit(features, labeled, labels, classes);
    ClassTerms terms = ClassTerms.estimate(model, labeled, labels, settings.smoothing());
    if (!settings.prior()) {
      terms = terms.withUniformPrior();
    }
    double[] log = model.logLikelihoods(candidates);
    double[] scores = new double[candidates.length];
    double[] row = new double[classes];
    for (int k = 0; k < candidates.length; k++) {
      System.arraycopy(log, k * classes, row, 0, classes);
      scores[k] = ErrorProbability.score(row, terms, settings.difficulty());
    }
    return scores;
  }

  private static NetworkTraining training(SelectionContext ctx) {
    return ctx.capability(NetworkTraining.class).orElseThrow(() -> new AlException("strategy 'vabal' with "
        + "likelihood: vae trains its VAE through NetworkTraining, which this selection context does not offer; "
        + "expected a backend that offers it (djl, of al-gpu) bound to the context, or likelihood: gaussian"));
  }
}
