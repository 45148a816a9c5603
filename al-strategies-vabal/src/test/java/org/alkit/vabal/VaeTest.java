package org.alkit.vabal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.alkit.api.Matrix;
import org.alkit.api.NetworkTraining;
import org.alkit.testkit.CollectorPressure;
import org.alkit.testkit.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The VAE's terms against values computed by hand, in doubles, on a tiny network: one feature,
 * one hidden unit, two classes (L = 20), fixed weights and two fixed draws of ε.
 */
class VaeTest {
  private static final int L = 20;

  /** W₁ = 1: h = relu(x). μ₀ = h, μ₅ = 0.3, μ₁₀ = −h/2; ln σ² = −1 except ln σ₁₀² = 0.5. */
  private static final float[] W_MU = row(0, 1f, 10, -0.5f);
  private static final float[] B_MU = row(5, 0.3f);
  private static final float[] B_SIGMA = filled(-1f, 10, 0.5f);
  /** The decoder: g = relu(z₀ + 2 z₅ − z₁₀ + z₁₅/2 + 0.2), x̂ = 1.5 g − 0.1. */
  private static final float[] V1 = row(0, 1f, 5, 2f, 10, -1f, 15, 0.5f);

  /** The djl backend's training capability, on one thread, as a run on the java backend gets it. */
  private static final NetworkTraining TRAINING = Fixtures.capability(NetworkTraining.class).orElseThrow();

  private static Vae tiny() {
    return new Vae(TRAINING, 1, 2, 1, new float[][] {{1}, {0}, W_MU, B_MU, new float[L], B_SIGMA, V1, {0.2f}, {1.5f},
        {-0.1f}});
  }

  private static float[] row(Object... indexValue) {
    float[] r = new float[L];
    for (int k = 0; k < indexValue.length; k += 2) {
      r[(Integer) indexValue[k]] = (Float) indexValue[k + 1];
    }
    return r;
  }

  private static float[] filled(float value, int at, float there) {
    float[] r = new float[L];
    java.util.Arrays.fill(r, value);
    r[at] = there;
    return r;
  }

  /** ELBO_n(x) by hand: the mean over the draws of ln N(x; x̂(m_n ⊙ z_s), 1) minus the KL. */
  private static double elbo(double x, int n, float[] eps, int samples) {
    double h = Math.max(0, x);
    double[] mu = new double[L];
    double[] logVar = new double[L];
    for (int j = 0; j < L; j++) {
      mu[j] = W_MU[j] * h + B_MU[j];
      logVar[j] = B_SIGMA[j];
    }
    double kl = 0;
    for (int j = 0; j < L; j++) {
      kl += -0.5 * (1 + logVar[j] - mu[j] * mu[j] - Math.exp(logVar[j]));
    }
    double logLikelihood = 0;
    for (int s = 0; s < samples; s++) {
      double a = 0.2;
      for (int j = 0; j < L; j++) {
        double z = mu[j] + Math.exp(logVar[j] / 2) * eps[s * L + j];
        boolean masked = j / 10 == n;
        a += masked ? 0 : V1[j] * z;
      }
      double reconstruction = 1.5 * Math.max(0, a) - 0.1;
      logLikelihood += (-0.5 * (x - reconstruction) * (x - reconstruction) - 0.5 * Math.log(2 * Math.PI)) / samples;
    }
    return logLikelihood - kl;
  }

  @Test
  void maskedElbosMatchTheHandComputation() {
    float[] eps = Vae.gaussians(new SplittableRandom(3), 2 * L);
    float[] x = {0.8f, 3f, -1f};
    double[] log = tiny().logLikelihoods(x, x.length, eps);
    for (int k = 0; k < x.length; k++) {
      for (int n = 0; n < 2; n++) {
        assertThat(log[k * 2 + n]).as("ELBO_%d(%s)", n, x[k]).isCloseTo(elbo(x[k], n, eps, 2), within(1e-4));
      }
    }
    // the two hypotheses differ: masking the block the decoder reads changes the reconstruction
    assertThat(log[0]).isNotCloseTo(log[1], within(1e-3));
  }

  @Test
  void predictsTheClassOfLeastExpectedBlockEnergy() {
    // E[w_0] = μ₀² + 0.09 + 10/e, E[w_1] = μ₁₀² + e^0.5 + 9/e: class 0 for x = 0.8 and −1, class 1 for x = 3
    assertThat(tiny().predict(new float[] {0.8f, 3f, -1f}, 3)).containsExactly(0, 1, 0);
  }

  @Test
  void aTrainedVaeModelsItsLatentClassesFromTheLabels() {
    // two well separated classes in 2-D, half of each labeled: the VAE's own prediction learns them
    SplittableRandom rng = new SplittableRandom(4);
    float[][] points = new float[200][2];
    int[] labeled = new int[100];
    int[] labels = new int[100];
    for (int i = 0; i < points.length; i++) {
      points[i][0] = (float) ((i % 2 == 0 ? -3 : 3) + rng.nextGaussian());
      points[i][1] = (float) rng.nextGaussian();
      if (i < 100) {
        labeled[i] = i;
        labels[i] = i % 2;
      }
    }
    VaeLikelihood model = VaeLikelihood.fit(TRAINING, Matrix.of(points), labeled, labels, 2,
        new VaeSettings(60, 32, 32, 20, 10, 1e-3), 9);
    int[] unlabeled = java.util.stream.IntStream.range(100, 200).toArray();
    int[] predicted = model.predict(unlabeled);
    double[] log = model.logLikelihoods(unlabeled);
    int predictedRight = 0;
    int likelihoodRight = 0;
    for (int k = 0; k < unlabeled.length; k++) {
      int truth = unlabeled[k] % 2;
      predictedRight += predicted[k] == truth ? 1 : 0;
      likelihoodRight += (log[2 * k + 1] > log[2 * k] ? 1 : 0) == truth ? 1 : 0;
    }
    assertThat(predictedRight).as("unlabeled items the VAE classifies right").isGreaterThanOrEqualTo(95);
    assertThat(likelihoodRight).as("unlabeled items whose own class has the larger masked ELBO")
        .isGreaterThanOrEqualTo(90);
  }

  @Test
  void trainingGivesTheSameBitsWhileTheGarbageCollectorRuns() throws Exception {
    // a constant that libtorch's autograd reads in the backward pass must not live in a buffer the
    // collector may free: with DJL's mul(Number) this run diverged to NaN in its first epoch
    int n = 1_000;
    int d = 32;
    SplittableRandom rng = new SplittableRandom(5);
    float[][] points = new float[n][d];
    int[] labeled = new int[100];
    int[] labels = new int[100];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        points[i][j] = (float) (rng.nextGaussian() + (i % 5 == j % 5 ? 2 : 0));
      }
    }
    for (int k = 0; k < labeled.length; k++) {
      labeled[k] = 10 * k;
      labels[k] = labeled[k] % 5;
    }
    int[] all = java.util.stream.IntStream.range(0, n).toArray();
    VaeSettings settings = new VaeSettings(10, 64, 64, 5, 10, 1e-4);
    Callable<double[]> fit = () -> VaeLikelihood.fit(TRAINING, Matrix.of(points), labeled, labels, 5, settings, 42)
        .logLikelihoods(all);
    double[] alone = fit.call();
    assertThat(CollectorPressure.during(fit)).containsExactly(alone);
  }
}
