package org.alkit.vabal;

import org.alkit.api.InvalidInputException;
import org.alkit.api.Options;

/**
 * How {@code vabal}'s VAE is trained and evaluated ({@link Vae}).
 *
 * @param epochs passes over the pool's features, 1 ≤ epochs ≤ {@value #MAX_EPOCHS}
 * @param batchSize items per Adam step, ≥ 1
 * @param hidden units of the encoder's and the decoder's hidden layer, ≥ 1
 * @param mcSamples draws of z per item behind each masked ELBO, 1 ≤ value ≤ {@value #MAX_SAMPLES}
 * @param lambda λ, the weight of the latent classifier's cross-entropy, ≥ 0
 * @param learningRate Adam's step size, &gt; 0
 */
record VaeSettings(int epochs, int batchSize, int hidden, int mcSamples, double lambda, double learningRate) {
  static final int MAX_EPOCHS = 100_000;
  static final int MAX_SAMPLES = 100_000;

  VaeSettings {
    between("epochs", epochs, 1, MAX_EPOCHS);
    between("batch-size", batchSize, 1, Integer.MAX_VALUE);
    between("hidden", hidden, 1, Integer.MAX_VALUE);
    between("mc-samples", mcSamples, 1, MAX_SAMPLES);
    if (!(lambda >= 0 && lambda < Double.POSITIVE_INFINITY)) {
      throw new InvalidInputException("option 'lambda' = " + lambda + ": expected a finite lambda >= 0");
    }
    if (!(learningRate > 0 && learningRate < Double.POSITIVE_INFINITY)) {
      throw new InvalidInputException("option 'learning-rate' = " + learningRate
          + ": expected a finite learning-rate > 0");
    }
  }

  static VaeSettings from(Options options) {
    return new VaeSettings(options.getInt("epochs"), options.getInt("batch-size"), options.getInt("hidden"),
        options.getInt("mc-samples"), options.getDouble("lambda"), options.getDouble("learning-rate"));
  }

  private static void between(String key, int value, int min, int max) {
    if (value < min || value > max) {
      throw new InvalidInputException("option '" + key + "' = " + value + ": expected " + min + " <= " + key
          + (max == Integer.MAX_VALUE ? "" : " <= " + max));
    }
  }
}
