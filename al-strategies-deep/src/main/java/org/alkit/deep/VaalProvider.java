package org.alkit.deep;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Set;
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
 * {@code vaal}: Variational Adversarial Active Learning (Sinha, Ebrahimi and Darrell, ICCV 2019).
 * Each round a β-VAE learns a latent space of the pool's items (their {@link Signal#FEATURES},
 * convolutional for images, fully connected otherwise: {@link ItemNetwork}) while a discriminator
 * D learns to tell the latent means of labeled items from those of unlabeled ones, and the VAE
 * learns to fool it:
 *
 * <pre>  L_VAE = Σ_{S ∈ {L, U}} mean_S [½‖x − x̂‖² + β·KL(q(z|x) ‖ N(0, I))] + λ·Σ_{S ∈ {L, U}} mean_S BCE(D(μ(x)), 1)
 *  L_D   = mean_L BCE(D(μ(x)), 1) + mean_U BCE(D(μ(x)), 0)
 *  pick  the unlabeled items with the lowest D(μ(x)): score = 1 − σ(D(μ(x)))</pre>
 *
 * The task model plays no part: VAAL is task-agnostic. Options (defaults the paper's, see
 * {@link VaalSettings}): {@code beta} (1), {@code latent} (32), {@code epochs} (100 passes over the
 * labeled items, as the model's epochs: the same epochs and batch size train the VAE and D as many
 * iterations as the classifier, as in the paper), {@code adversarial} (λ = 1), {@code vae-learning-rate} and
 * {@code discriminator-learning-rate} (Adam, 5·10⁻⁴), {@code batch-size} (64), {@code vae-steps}
 * (2) and {@code discriminator-steps} (1) per iteration, {@code discriminator-units} (512); and the
 * item network's {@code network}, {@code item-shape}, {@code channels} and {@code hidden}.
 *
 * <p>The networks train through the context's {@link NetworkTraining} (the configured engine,
 * device and threads; with the {@code java} backend, a {@code djl} backend the runtime creates for
 * training, on one thread), in one session per selection seeded from the context's seed: the
 * same seed gives the same picks, bit for bit, on a CPU. Requires {@code features} and at least one
 * labeled and one unlabeled item; from files: {@code alkit select --strategy vaal --features
 * X.npy --labeled L.npy}.
 *
 * <pre>{@code
 * strategy: vaal
 * strategy-options: {epochs: 10, latent: 32}
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class VaalProvider implements StrategyProvider {
  /** The provider, as ServiceLoader creates it. */
  public VaalProvider() {}

  @Override
  public String name() {
    return "vaal";
  }

  @Override
  public String family() {
    return "deep";
  }

  @Override
  public String description() {
    return "VAAL (Sinha et al. 2019): a beta-VAE on the items and a discriminator on its latent space; "
        + "picks what the discriminator deems unlabeled";
  }

  @Override
  public Set<Signal> requires() {
    return Set.of(Signal.FEATURES);
  }

  /** {@link NetworkTraining}, which the VAE and the discriminator train through. */
  @Override
  public Set<Class<?>> capabilities() {
    return Set.of(NetworkTraining.class);
  }

  @Override
  public List<Parameter> parameters() {
    return VaalSettings.parameters();
  }

  @Override
  public Strategy create(Options options) {
    VaalSettings settings = VaalSettings.from(options);
    ItemNetwork.check(options);
    return new ScoringStrategy(name(), options) {
      @Override
      protected double[] score(SelectionContext ctx, int[] candidates) {
        float[] labeled = labeledProbability(ctx, options, settings);
        double[] scores = new double[candidates.length];
        for (int k = 0; k < candidates.length; k++) {
          scores[k] = 1 - labeled[candidates[k]];
        }
        return scores;
      }
    };
  }

  /** The trained discriminator's σ(D(μ(x))) of every pool item. */
  private float[] labeledProbability(SelectionContext ctx, Options options, VaalSettings settings) {
    TrainingRound round = TrainingRound.of(ctx, options, name(), "a VAE and a discriminator");
    return round.train((manager, draws) -> new VaalTraining(name(), round.network(), settings)
        .train(manager, round.x(), round.labeled(), round.unlabeled(), draws));
  }
}
