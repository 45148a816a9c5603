package org.alkit.vabal;

import org.alkit.api.Options;

/**
 * How {@code vabal}'s VAE is trained and evaluated ({@link Vae}); read from options resolved
 * against {@link VabalProvider#parameters()}, which bound each.
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

  static VaeSettings from(Options options) {
    return new VaeSettings(options.getInt("epochs"), options.getInt("batch-size"), options.getInt("hidden"),
        options.getInt("mc-samples"), options.getDouble("lambda"), options.getDouble("learning-rate"));
  }
}
