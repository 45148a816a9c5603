package org.alkit.deep;

import java.util.ArrayList;
import java.util.List;
import org.alkit.api.Options;
import org.alkit.api.Parameter;

/**
 * How {@code vaal} trains its VAE and discriminator, checked ({@link VaalProvider} documents the
 * model). Defaults are the paper's (Sinha, Ebrahimi and Darrell, ICCV 2019, and their code):
 * β = 1, 32 latent dimensions, 100 epochs, adversarial weight 1, Adam at 5·10⁻⁴ for both networks,
 * batches of 64, two VAE steps per discriminator step, a discriminator of two 512-unit layers.
 *
 * @param beta β, the weight of the KL term, ≥ 0
 * @param latent the latent dimensions, ≥ 1
 * @param epochs passes over the labeled items, ≥ 1: each pass is ⌈|L| / batch⌉ iterations, as the
 *     classifier's epoch
 * @param adversarial λ, the weight of the VAE's adversarial term, ≥ 0
 * @param vaeLearningRate Adam's step size for the VAE, &gt; 0
 * @param discriminatorLearningRate Adam's step size for the discriminator, &gt; 0
 * @param batchSize items of each kind (labeled, unlabeled) per step, ≥ 1
 * @param vaeSteps VAE steps per iteration, ≥ 1
 * @param discriminatorSteps discriminator steps per iteration, ≥ 1
 * @param discriminatorUnits the units of each of the discriminator's two hidden layers, ≥ 1
 */
record VaalSettings(double beta, int latent, int epochs, double adversarial, double vaeLearningRate,
    double discriminatorLearningRate, int batchSize, int vaeSteps, int discriminatorSteps, int discriminatorUnits) {
  /** The options, with the paper's defaults, then those of the item network. */
  static List<Parameter> parameters() {
    List<Parameter> p = new ArrayList<>(List.of(
        Parameter.real("beta", 1, "weight of the VAE's KL term (beta-VAE)").atLeast(0),
        Parameter.integer("latent", 32, "latent dimensions of the VAE").atLeast(1).atMost(65_536),
        Parameter.integer("epochs", 100, "passes over the labeled items per round, as the model's epochs")
            .atLeast(1).atMost(TrainingRound.MAX_STEPS),
        Parameter.real("adversarial", 1, "lambda: weight of the VAE's term that fools the discriminator").atLeast(0),
        Parameter.real("vae-learning-rate", 5e-4, "Adam step size of the VAE").above(0),
        Parameter.real("discriminator-learning-rate", 5e-4, "Adam step size of the discriminator").above(0),
        Parameter.integer("batch-size", 64, "labeled and unlabeled items per step, each").atLeast(1),
        Parameter.integer("vae-steps", 2, "VAE steps per iteration").atLeast(1).atMost(TrainingRound.MAX_STEPS),
        Parameter.integer("discriminator-steps", 1, "discriminator steps per iteration")
            .atLeast(1).atMost(TrainingRound.MAX_STEPS),
        Parameter.integer("discriminator-units", 512, "units of each of the discriminator's two hidden layers")
            .atLeast(1).atMost(65_536)));
    p.addAll(ItemNetwork.PARAMETERS);
    return List.copyOf(p);
  }

  /** The settings in {@code options}, whose ranges {@link #parameters()} declares. */
  static VaalSettings from(Options options) {
    return new VaalSettings(options.getDouble("beta"), options.getInt("latent"), options.getInt("epochs"),
        options.getDouble("adversarial"), options.getDouble("vae-learning-rate"),
        options.getDouble("discriminator-learning-rate"), options.getInt("batch-size"), options.getInt("vae-steps"),
        options.getInt("discriminator-steps"), options.getInt("discriminator-units"));
  }
}
