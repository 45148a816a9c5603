package org.alkit.deep;

import java.util.ArrayList;
import java.util.List;
import org.alkit.api.Options;
import org.alkit.api.Parameter;

/**
 * How {@code mal} trains its encoder, classifier and discriminator, checked ({@link MalProvider}
 * documents the model). The minimax-entropy settings are those of Saito et al. (ICCV 2019), on
 * which MAL builds (T = 0.05, entropy weight 0.1); the adversarial ones VAAL's (Sinha et al. 2019),
 * whose discriminator MAL takes over (weight 1, Adam at 5·10⁻⁴, batches of 64, two 512-unit
 * layers, 100 epochs).
 *
 * @param latent the encoder's feature dimensions, ≥ 1
 * @param epochs passes over the labeled items, ≥ 1: each pass is ⌈|L| / batch⌉ iterations, as the
 *     classifier's epoch
 * @param temperature T of the cosine classifier, &gt; 0
 * @param entropyWeight λ, the weight of the minimax entropy term, ≥ 0
 * @param adversarial the weight of the encoder's term that fools the discriminator, ≥ 0
 * @param learningRate Adam's step size for the encoder and the classifier, &gt; 0
 * @param discriminatorLearningRate Adam's step size for the discriminator, &gt; 0
 * @param batchSize items of each kind (labeled, unlabeled) per step, ≥ 1
 * @param discriminatorUnits the units of each of the discriminator's two hidden layers, ≥ 1
 */
record MalSettings(int latent, int epochs, double temperature, double entropyWeight, double adversarial,
    double learningRate, double discriminatorLearningRate, int batchSize, int discriminatorUnits) {

  /** The options with their defaults, then those of the item network. */
  static List<Parameter> parameters() {
    List<Parameter> p = new ArrayList<>(List.of(
        Parameter.integer("latent", 32, "feature dimensions of the encoder").atLeast(1).atMost(65_536),
        Parameter.integer("epochs", 100, "passes over the labeled items per round, as the model's epochs")
            .atLeast(1).atMost(TrainingRound.MAX_STEPS),
        Parameter.real("temperature", 0.05, "T of the cosine classifier").above(0),
        Parameter.real("entropy-weight", 0.1, "lambda: weight of the minimax entropy on unlabeled items").atLeast(0),
        Parameter.real("adversarial", 1, "weight of the encoder's term that fools the discriminator").atLeast(0),
        Parameter.real("learning-rate", 5e-4, "Adam step size of the encoder and the classifier").above(0),
        Parameter.real("discriminator-learning-rate", 5e-4, "Adam step size of the discriminator").above(0),
        Parameter.integer("batch-size", 64, "labeled and unlabeled items per step, each").atLeast(1),
        Parameter.integer("discriminator-units", 512, "units of each of the discriminator's two hidden layers")
            .atLeast(1).atMost(65_536)));
    p.addAll(ItemNetwork.PARAMETERS);
    return List.copyOf(p);
  }

  /** The settings in {@code options}, whose ranges {@link #parameters()} declares. */
  static MalSettings from(Options options) {
    return new MalSettings(options.getInt("latent"), options.getInt("epochs"), options.getDouble("temperature"),
        options.getDouble("entropy-weight"), options.getDouble("adversarial"), options.getDouble("learning-rate"),
        options.getDouble("discriminator-learning-rate"), options.getInt("batch-size"),
        options.getInt("discriminator-units"));
  }
}
