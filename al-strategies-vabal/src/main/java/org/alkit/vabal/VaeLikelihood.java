package org.alkit.vabal;

import java.util.SplittableRandom;
import org.alkit.api.Matrix;
import org.alkit.api.NetworkTraining;

/**
 * {@link ClassLikelihood} from VaB-AL's {@link Vae}, trained on every pool item's features
 * (standardised per column over the pool), the labeled items' labels feeding its latent
 * classifier: {@code ln p(x | ŷ = n)} is the ELBO with class n's latent block masked, averaged
 * over {@code mc-samples} draws of z, and its own prediction the class of least expected block
 * energy (see {@link Vae}). Training costs {@code epochs · n} encoder and decoder passes; each
 * likelihood row {@code S · C} decoder passes, all on the engine of the {@link NetworkTraining} given.
 */
final class VaeLikelihood implements ClassLikelihood {
  /** Standard deviations below this count as a constant column (scaled by 1). */
  private static final double FLAT = 1e-12;

  private final Vae vae;
  private final float[] standardised;
  private final int columns;
  private final float[] eps;

  private VaeLikelihood(Vae vae, float[] standardised, int columns, float[] eps) {
    this.vae = vae;
    this.standardised = standardised;
    this.columns = columns;
    this.eps = eps;
  }

  /**
   * Trains the VAE on {@code features} (the pool) in sessions of {@code training}.
   *
   * @param labels the class of each labeled item, in [0, classes)
   * @param seed the source of the weights, the batches and every draw of ε
   */
  static VaeLikelihood fit(NetworkTraining training, Matrix features, int[] labeled, int[] labels, int classes,
      VaeSettings settings, long seed) {
    int n = features.rows();
    int d = features.cols();
    float[] x = standardise(features);
    int[] target = new int[n];
    java.util.Arrays.fill(target, -1);
    for (int k = 0; k < labeled.length; k++) {
      target[labeled[k]] = labels[k];
    }
    SplittableRandom random = new SplittableRandom(seed);
    Vae vae = Vae.train(training, x, n, d, target, classes, settings, random.nextLong());
    float[] eps = Vae.gaussians(random, settings.mcSamples() * vae.latent());
    return new VaeLikelihood(vae, x, d, eps);
  }

  /** Each column minus its pool mean, over its pool standard deviation. */
  private static float[] standardise(Matrix features) {
    int n = features.rows();
    int d = features.cols();
    float[] x = features.toArray();
    for (int j = 0; j < d; j++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += x[i * d + j];
      }
      double mean = sum / n;
      double squares = 0;
      for (int i = 0; i < n; i++) {
        double r = x[i * d + j] - mean;
        squares += r * r;
      }
      double sd = Math.sqrt(squares / n);
      double scale = sd > FLAT ? 1 / sd : 1;
      for (int i = 0; i < n; i++) {
        x[i * d + j] = (float) ((x[i * d + j] - mean) * scale);
      }
    }
    return x;
  }

  @Override
  public int classes() {
    return vae.classes();
  }

  @Override
  public double[] logLikelihoods(int[] items) {
    return vae.logLikelihoods(rows(items), items.length, eps);
  }

  @Override
  public int[] predict(int[] items) {
    return vae.predict(rows(items), items.length);
  }

  private float[] rows(int[] items) {
    float[] out = new float[items.length * columns];
    for (int k = 0; k < items.length; k++) {
      System.arraycopy(standardised, items[k] * columns, out, k * columns, columns);
    }
    return out;
  }
}
