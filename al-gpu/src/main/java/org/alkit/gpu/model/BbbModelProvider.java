package org.alkit.gpu.model;

import java.util.List;
import org.alkit.api.Options;
import org.alkit.api.Parameter;

/**
 * Publishes the model {@value #NAME}: Bayes by backprop (Blundell, Cornebise, Kavukcuoglu and
 * Wierstra, "Weight Uncertainty in Neural Networks", ICML 2015), a multilayer perceptron with a
 * mean-field Gaussian N(μ, σ²), σ = log(1 + exp ρ), over every weight and bias, trained with Adam
 * through the reparameterisation trick θ = μ + σ·ε on the ELBO per item
 *
 * <pre>  mean_i CE_i(θ) + kl-weight · [log q(θ | μ, σ) − log P(θ)] / N</pre>
 *
 * with one draw of θ per mini-batch, N the items trained on and P the scale-mixture prior
 * π N(0, σ₁²) + (1 − π) N(0, σ₂²) ({@link ScaleMixturePrior}; options {@code prior-pi},
 * {@code prior-sigma1}, {@code prior-sigma2}, the paper's π = 1/2, σ₁ = e⁰, σ₂ = e⁻⁶ by default).
 * No dropout and no weight decay: the prior regularises.
 *
 * <p>Offers what {@code mlp} offers: {@code probabilities}, {@code embeddings} and
 * {@code gradient-embeddings} of the network at its posterior means μ, and {@code mc-probabilities}
 * from T = {@code mc-samples} passes with weights drawn from q, so {@code bald},
 * {@code batch-bald}, {@code mean-std} and {@code variation-ratio} run on it. Deterministic under
 * the fit seed (libtorch's generator draws ε under alkit's training lock).
 *
 * <pre>{@code
 * model: bbb
 * model-options: {hidden: "128", epochs: 50, prior-pi: 0.5, prior-sigma2: 0.0025, kl-weight: 1.0}
 * }</pre>
 */
public final class BbbModelProvider extends NetworkModelProvider {
  /** The name configuration selects this model by. */
  public static final String NAME = "bbb";

  /** The ServiceLoader constructor. */
  public BbbModelProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Bayes by backprop (Blundell et al. 2015): Gaussian weights, scale-mixture prior; MC probabilities from drawn weights";
  }

  @Override
  List<Parameter> architectureParameters() {
    return List.of(
        Parameter.text("hidden", "256", "hidden layer sizes, comma-separated (empty: Bayesian softmax regression)"),
        Parameter.real("prior-pi", 0.5, "weight pi of the prior's wide component").above(0).atMost(1),
        Parameter.real("prior-sigma1", 1.0, "sigma1 of the prior's wide component (the paper: e^0, e^-1, e^-2)")
            .above(0),
        Parameter.real("prior-sigma2", Math.exp(-6), "sigma2 of the prior's narrow component (e^-6, e^-7, e^-8)")
            .above(0),
        Parameter.real("initial-sigma", 0.01, "every weight's posterior sigma before training").above(0),
        Parameter.real("kl-weight", 1.0, "weight of the complexity cost log q - log P in the ELBO").atLeast(0));
  }

  @Override
  List<Parameter> trainingParameters() {
    return TrainingOptions.parametersWithout("dropout", "weight-decay");
  }

  @Override
  TrainingOptions training(Options options) {
    return TrainingOptions.from(options, 0, 0);
  }

  @Override
  Architecture architecture(String owner, Options options, TrainingOptions training) {
    ScaleMixturePrior prior = new ScaleMixturePrior(options.getDouble("prior-pi"), options.getDouble("prior-sigma1"),
        options.getDouble("prior-sigma2"));
    return new BayesByBackprop(new Mlp(owner, TrainingOptions.sizes(options, "hidden"), 0), prior,
        options.getDouble("initial-sigma"), options.getDouble("kl-weight"));
  }
}
