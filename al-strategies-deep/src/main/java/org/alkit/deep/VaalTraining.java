package org.alkit.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One round of VAAL's training (Sinha, Ebrahimi and Darrell, "Variational Adversarial Active
 * Learning", ICCV 2019), in one session of the engine: a β-VAE on the pool's items and a
 * discriminator on its latent means, then the discriminator's probability that each pool item is
 * labeled.
 *
 * <pre>  encoder   h = trunk(x),  μ = W_μ h + b_μ,  ln σ² = W_σ h + b_σ  (clipped to ±8)      z = μ + σ ⊙ ε
 *  decoder   x̂ = dec(z)
 *  VAE       L_VAE = mean_L [½‖x − x̂‖² + β·KL] + mean_U [½‖x − x̂‖² + β·KL]
 *                    + λ·(mean_L BCE(D(μ), labeled) + mean_U BCE(D(μ), labeled))
 *  D         L_D   = mean_L BCE(D(μ), labeled) + mean_U BCE(D(μ), unlabeled)       (μ held constant)</pre>
 *
 * Each iteration takes {@code vae-steps} Adam steps on L_VAE, then {@code discriminator-steps} on
 * L_D, each on a fresh batch of labeled (L) and one of unlabeled (U) items drawn with replacement;
 * an epoch is ⌈|L| / batch⌉ iterations, as the classifier's ({@link Networks#iterations}). The reconstruction is the per-item Gaussian likelihood
 * (summed over an item's values): the paper's code averages the squared error over pixels and
 * sums the KL over the batch, which weighs the KL some thousand times more; here β weighs it as
 * in the β-VAE (Higgins et al., ICLR 2017).
 */
final class VaalTraining {
  private static final float LOG_VARIANCE_BOUND = 8;

  private final ItemNetwork network;
  private final VaalSettings settings;
  private final String who;
  private final SequentialBlock trunk;
  private final Block mu;
  private final Block logVariance;
  private final SequentialBlock decoder;
  private final Adversary discriminator;

  VaalTraining(String who, ItemNetwork network, VaalSettings settings) {
    this.who = who;
    this.network = network;
    this.settings = settings;
    this.trunk = network.trunk();
    this.mu = Linear.builder().setUnits(settings.latent()).build();
    this.logVariance = Linear.builder().setUnits(settings.latent()).build();
    this.decoder = network.decoder();
    this.discriminator = new Adversary(settings.discriminatorUnits());
  }

  /**
   * Trains on the standardised pool {@code x} and returns, for every pool item, the
   * discriminator's probability σ(D(μ(x))) that it is labeled.
   *
   * @param session the session's manager, its engine generator seeded (it draws the initial weights)
   * @param random the source of every batch and every ε
   */
  float[] train(NDManager session, float[] x, int[] labeled, int[] unlabeled, SplittableRandom random) {
    try (NDManager manager = session.newSubManager()) {
      Networks.initialize(trunk, manager, network.inputShape(1));
      Shape hidden = new Shape(1, network.trunkWidth());
      Networks.initialize(mu, manager, hidden);
      Networks.initialize(logVariance, manager, hidden);
      Shape code = new Shape(1, settings.latent());
      Networks.initialize(decoder, manager, code);
      discriminator.initialize(manager, settings.latent());
      List<Block> vae = List.of(trunk, mu, logVariance, decoder);
      List<Block> adversary = List.of(discriminator.block());
      ParameterStore store = new ParameterStore(manager, false);
      Losses losses = new Losses(manager);
      NDArray beta = manager.create((float) settings.beta());
      NDArray lambda = manager.create((float) settings.adversarial());
      Optimizer vaeAdam = Networks.adam(settings.vaeLearningRate());
      Optimizer discriminatorAdam = Networks.adam(settings.discriminatorLearningRate());
      int bl = Math.min(settings.batchSize(), labeled.length);
      int bu = Math.min(settings.batchSize(), unlabeled.length);
      long iterations = Networks.iterations(settings.epochs(), labeled.length, bl);
      int step = 0;
      for (long it = 0; it < iterations; it++) {
        for (int s = 0; s < settings.vaeSteps(); s++, step++) {
          try (NDManager batch = manager.newSubManager()) {
            NDArray xl = Networks.rows(batch, x, network, Networks.draw(labeled, bl, random));
            NDArray xu = Networks.rows(batch, x, network, Networks.draw(unlabeled, bu, random));
            NDArray el = Networks.gaussians(batch, bl, settings.latent(), random);
            NDArray eu = Networks.gaussians(batch, bu, settings.latent(), random);
            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
              NDArray[] ql = encode(store, xl, true);
              NDArray[] qu = encode(store, xu, true);
              NDArray elbo = vaeTerm(store, losses, xl, ql, el, beta).add(vaeTerm(store, losses, xu, qu, eu, beta));
              NDArray loss = elbo.add(discriminator.fooling(store, ql[0], qu[0]).mul(lambda));
              Networks.requireFinite(loss, who, step);
              collector.backward(loss);
            }
            Networks.step(vaeAdam, vae, batch);
            Networks.zero(adversary, batch);
          }
        }
        for (int s = 0; s < settings.discriminatorSteps(); s++, step++) {
          try (NDManager batch = manager.newSubManager()) {
            NDArray xl = Networks.rows(batch, x, network, Networks.draw(labeled, bl, random));
            NDArray xu = Networks.rows(batch, x, network, Networks.draw(unlabeled, bu, random));
            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
              NDArray loss = discriminator.loss(store, encode(store, xl, true)[0].stopGradient(),
                  encode(store, xu, true)[0].stopGradient());
              Networks.requireFinite(loss, who, step);
              collector.backward(loss);
            }
            Networks.step(discriminatorAdam, adversary, batch);
          }
        }
      }
      return labeledProbability(manager, store, x);
    }
  }

  /** mean over the batch of ½‖x − x̂‖² + β·KL, with z = μ + σ ⊙ ε. */
  private NDArray vaeTerm(ParameterStore store, Losses losses, NDArray x, NDArray[] q, NDArray eps, NDArray beta) {
    NDArray reconstruction = Networks.forward(decoder, store, losses.reparameterised(q[0], q[1], eps), true);
    return losses.squaredError(reconstruction, x).add(losses.kl(q[0], q[1]).mul(beta)).mean();
  }

  /** μ and ln σ² of q(z | x). */
  private NDArray[] encode(ParameterStore store, NDArray x, boolean training) {
    NDArray h = Networks.forward(trunk, store, x, training);
    return new NDArray[] {Networks.forward(mu, store, h, training),
        Networks.forward(logVariance, store, h, training).clip(-LOG_VARIANCE_BOUND, LOG_VARIANCE_BOUND)};
  }

  /** σ(D(μ(x))) for every pool row, in batches. */
  private float[] labeledProbability(NDManager manager, ParameterStore store, float[] x) {
    int n = x.length / network.columns();
    float[] out = new float[n];
    for (int from = 0; from < n; from += Networks.SCORING_BATCH) {
      int to = Math.min(n, from + Networks.SCORING_BATCH);
      try (NDManager batch = manager.newSubManager()) {
        NDArray means = encode(store, Networks.rows(batch, x, network, from, to), false)[0];
        float[] p = discriminator.labeledProbability(store, means);
        System.arraycopy(p, 0, out, from, to - from);
      }
    }
    return out;
  }
}
