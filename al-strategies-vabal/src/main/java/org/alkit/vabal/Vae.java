package org.alkit.vabal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.alkit.api.NetworkTraining;
import org.alkit.commons.Permutations;

/**
 * VaB-AL's variational auto-encoder (Choi et al., CVPR 2021, sec. 3.3) on standardised feature
 * vectors x ∈ ℝ^d, with a latent space of {@value #DIMS_PER_CLASS} dimensions per class,
 * {@code L = 10·C}, the block C_n belonging to class n:
 *
 * <pre>  encoder  h = relu(W₁x + b₁),  μ = W_μ h + b_μ,  ln σ² = W_σ h + b_σ     q(z|x) = N(μ, diag σ²)
 *  decoder  x̂(z) = V₂ relu(V₁z + c₁) + c₂                                     p(x|z) = N(x̂(z), I)
 *  classifier  p(n | z) = softmax(−w)_n,  w_n = Σ_{j∈C_n} z_j²</pre>
 *
 * trained with Adam on the mean over a batch of
 *
 * <pre>  −ELBO(x) + λ·CE(softmax(−w(z)), y) = ½‖x − x̂(z)‖² + KL(q(z|x) ‖ N(0, I)) + λ·CE   (+ const)</pre>
 *
 * with one reparameterised draw z = μ + σ ⊙ ε per item and step; the cross-entropy counts for
 * items with a label only (the labeled pool), the ELBO for every item. A class is thereby coded by
 * its own block being near zero. The class-conditional likelihood hypothesises that block to be
 * zero: with {@code m_n} the mask that zeroes C_n,
 *
 * <pre>  ln p(x | ŷ = n) ≈ ELBO_n(x) = (1/S) Σ_s ln N(x; x̂(m_n ⊙ z_s), I) − KL(q(z|x) ‖ N(0, I)),
 *  z_s = μ(x) + σ(x) ⊙ ε_s</pre>
 *
 * with S Monte-Carlo draws ({@code mc-samples}). The draws ε_s are common to every item (common
 * random numbers: two items are compared under the same noise) and to every class. The VAE's own
 * prediction is the class whose block carries the least expected energy,
 * {@code argmin_n E_q[w_n] = argmin_n Σ_{j∈C_n} (μ_j² + σ_j²)}.
 *
 * <p>The VAE runs on the engine, device and threads of the {@link NetworkTraining} it is given
 * (the configured backend's, or the one the runtime created for training): each training and each
 * evaluation is one session, an NDManager on that device closed afterwards, under the engine's
 * training lock alkit's networks share. No other door to DJL's engine is used.
 *
 * <p>Reproducible: weights start from Glorot-uniform draws of a Java generator seeded by the
 * caller, and every ε (training and evaluation) comes from seeded Java generators, so the engine's
 * generator draws nothing (training seeds it with the training seed anyway, evaluation with
 * {@value #EVALUATION_SEED}); on the same device and one intra-op thread (alkit's default) the same
 * seed gives the same bits. The trained weights are kept on the Java heap; each evaluation loads
 * them into its session's NDManager.
 *
 * <p>Every constant in the loss is an array that lives as long as the training ({@link Scalars}),
 * never a {@code Number} argument: DJL's {@code NDArray.mul(Number)} wraps the number in a tensor
 * over a direct buffer and closes it as soon as the product exists, while libtorch's autograd keeps
 * a pointer to that buffer for the backward pass; once the garbage collector frees the buffer the
 * gradients read freed memory (measured: training beside a thread calling {@code System.gc()}
 * diverged to NaN in its first epoch, and otherwise differed from run to run when other work ran
 * in the process).
 */
final class Vae {
  /** Latent dimensions per class (the paper's choice). */
  static final int DIMS_PER_CLASS = 10;
  /** Items per forward pass when evaluating. */
  static final int BATCH = 512;
  /** ln σ² is clipped to ±this, so σ² neither overflows nor vanishes. */
  private static final float LOG_VARIANCE_BOUND = 8;
  private static final double LN_2PI = Math.log(2 * Math.PI);
  /** The seed of the evaluation sessions, which draw nothing from the engine's generator. */
  static final long EVALUATION_SEED = 0;

  /** Parameter order: W₁ b₁ W_μ b_μ W_σ b_σ V₁ c₁ V₂ c₂ (weights stored input-major, x·W). */
  private static final int W1 = 0;
  private static final int B1 = 1;
  private static final int WMU = 2;
  private static final int BMU = 3;
  private static final int WSIGMA = 4;
  private static final int BSIGMA = 5;
  private static final int V1 = 6;
  private static final int C1 = 7;
  private static final int V2 = 8;
  private static final int C2 = 9;

  private final NetworkTraining training;
  private final int features;
  private final int classes;
  private final int hidden;
  private final float[][] weights;

  /**
   * A VAE with these weights, in the order W₁ b₁ W_μ b_μ W_σ b_σ V₁ c₁ V₂ c₂, each weight matrix
   * stored input-major (row i holds input i's outgoing weights), evaluated in sessions of
   * {@code training}.
   */
  Vae(NetworkTraining training, int features, int classes, int hidden, float[][] weights) {
    this.training = training;
    this.features = features;
    this.classes = classes;
    this.hidden = hidden;
    this.weights = weights;
  }

  /** The latent size L = 10·C. */
  int latent() {
    return DIMS_PER_CLASS * classes;
  }

  /** C. */
  int classes() {
    return classes;
  }

  /**
   * Trains the VAE on every row of {@code x}, in one session of {@code training}.
   *
   * @param x the standardised features, {@code n × d} row-major
   * @param target the class of each row for the cross-entropy, or −1 for a row without one
   * @param seed the source of the initial weights, the batch order and the training draws of ε
   */
  static Vae train(NetworkTraining training, float[] x, int n, int d, int[] target, int classes,
      VaeSettings settings, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int latent = DIMS_PER_CLASS * classes;
    int hidden = settings.hidden();
    int[][] shapes = shapes(d, hidden, latent);
    float[][] start = new float[shapes.length][];
    for (int p = 0; p < shapes.length; p++) {
      start[p] = glorot(shapes[p], random);
    }
    // under the engine's training lock (DJL runs one gradient collector at a time); every draw the
    // VAE makes comes from Java generators, so the seed given to the engine's draws nothing
    float[][] trained = training.session(NDManager.class, seed,
        manager -> fit(manager, x, n, d, target, classes, settings, shapes, start, random));
    return new Vae(training, d, classes, hidden, trained);
  }

  private static int[][] shapes(int d, int hidden, int latent) {
    return new int[][] {{d, hidden}, {hidden}, {hidden, latent}, {latent}, {hidden, latent}, {latent},
        {latent, hidden}, {hidden}, {hidden, d}, {d}};
  }

  /** Glorot-uniform weights, U(±√(6 / (fan-in + fan-out))); zero biases. */
  private static float[] glorot(int[] shape, SplittableRandom random) {
    if (shape.length == 1) {
      return new float[shape[0]];
    }
    float[] w = new float[shape[0] * shape[1]];
    double bound = Math.sqrt(6.0 / (shape[0] + shape[1]));
    for (int k = 0; k < w.length; k++) {
      w[k] = (float) ((2 * random.nextDouble() - 1) * bound);
    }
    return w;
  }

  private static float[][] fit(NDManager session, float[] x, int n, int d, int[] target, int classes,
      VaeSettings settings, int[][] shapes, float[][] start, SplittableRandom random) {
    int latent = DIMS_PER_CLASS * classes;
    Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) settings.learningRate())).build();
    try (NDManager manager = session.newSubManager()) {
      NDArray[] params = load(manager, shapes, start);
      for (NDArray p : params) {
        p.setRequiresGradient(true);
      }
      Scalars scalars = new Scalars(manager);
      NDArray lambda = manager.create((float) settings.lambda());
      NDArray groups = groupSums(manager, classes);
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      int batch = Math.min(settings.batchSize(), n);
      for (int epoch = 0; epoch < settings.epochs(); epoch++) {
        Permutations.shuffle(order, random);
        for (int from = 0; from < n; from += batch) {
          int to = Math.min(n, from + batch);
          try (NDManager step = manager.newSubManager()) {
            NDArray rows = step.create(rows(x, d, order, from, to), new Shape(to - from, d));
            NDArray eps = step.create(gaussians(random, (to - from) * latent), new Shape(to - from, latent));
            NDArray oneHot = step.create(oneHot(target, order, from, to, classes), new Shape(to - from, classes));
            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
              NDArray loss = loss(params, rows, eps, oneHot, groups, lambda, scalars);
              if (!Float.isFinite(loss.getFloat())) {
                throw new IllegalStateException("vabal's VAE diverged at epoch " + (epoch + 1)
                    + " (loss " + loss.getFloat() + "); lower its learning-rate");
              }
              collector.backward(loss);
            }
            for (int p = 0; p < params.length; p++) {
              NDArray grad = params[p].getGradient();
              grad.attach(step);
              adam.update("vae." + p, params[p], grad);
              grad.subi(grad);
            }
          }
        }
      }
      float[][] out = new float[params.length][];
      for (int p = 0; p < params.length; p++) {
        out[p] = params[p].toFloatArray();
      }
      return out;
    }
  }

  /** −ELBO + λ·CE, averaged over the batch, with one draw z = μ + σ ⊙ ε per row. */
  private static NDArray loss(NDArray[] params, NDArray x, NDArray eps, NDArray oneHot, NDArray groups,
      NDArray lambda, Scalars scalars) {
    NDArray[] q = encode(params, x);
    NDArray z = q[0].add(q[1].mul(scalars.half).exp().mul(eps));
    NDArray reconstruction = decode(params, z).sub(x).square().sum(new int[] {1}).mul(scalars.half);
    NDArray energy = z.square().matMul(groups);
    NDArray crossEntropy = energy.neg().logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg();
    return reconstruction.add(kl(q, scalars)).add(crossEntropy.mul(lambda)).mean();
  }

  /** The constants of the loss and the ELBO, as arrays that outlive every backward pass reading them. */
  private static final class Scalars {
    final NDArray half;
    final NDArray one;
    final NDArray minusHalf;

    Scalars(NDManager manager) {
      this.half = manager.create(0.5f);
      this.one = manager.create(1f);
      this.minusHalf = manager.create(-0.5f);
    }
  }

  /** μ and ln σ² of q(z | x), each {@code rows × L}. */
  private static NDArray[] encode(NDArray[] params, NDArray x) {
    NDArray h = Activation.relu(x.matMul(params[W1]).add(params[B1]));
    NDArray mu = h.matMul(params[WMU]).add(params[BMU]);
    NDArray logVariance = h.matMul(params[WSIGMA]).add(params[BSIGMA]).clip(-LOG_VARIANCE_BOUND, LOG_VARIANCE_BOUND);
    return new NDArray[] {mu, logVariance};
  }

  /** x̂(z) for z of shape {@code (…, L)}. */
  private static NDArray decode(NDArray[] params, NDArray z) {
    return Activation.relu(z.matMul(params[V1]).add(params[C1])).matMul(params[V2]).add(params[C2]);
  }

  /** KL(N(μ, σ²) ‖ N(0, I)) per row: −½ Σ_j (1 + ln σ_j² − μ_j² − σ_j²). */
  private static NDArray kl(NDArray[] q, Scalars scalars) {
    return q[1].add(scalars.one).sub(q[0].square()).sub(q[1].exp()).sum(new int[] {1}).mul(scalars.minusHalf);
  }

  /** The {@code L × C} 0/1 matrix summing each class's block. */
  private static NDArray groupSums(NDManager manager, int classes) {
    int latent = DIMS_PER_CLASS * classes;
    float[] g = new float[latent * classes];
    for (int j = 0; j < latent; j++) {
      g[j * classes + j / DIMS_PER_CLASS] = 1;
    }
    return manager.create(g, new Shape(latent, classes));
  }

  private static NDArray[] load(NDManager manager, int[][] shapes, float[][] values) {
    NDArray[] params = new NDArray[shapes.length];
    for (int p = 0; p < shapes.length; p++) {
      long[] shape = new long[shapes[p].length];
      for (int k = 0; k < shape.length; k++) {
        shape[k] = shapes[p][k];
      }
      params[p] = manager.create(values[p], new Shape(shape));
    }
    return params;
  }

  /**
   * The masked ELBOs of {@code rows} items: {@code out[k·C + n] = ELBO_n(x_k)} (natural log, in
   * the standardised features' unit).
   *
   * @param x the standardised rows, {@code rows × d} row-major
   * @param eps the common draws ε_s, {@code S × L} row-major
   */
  double[] logLikelihoods(float[] x, int rows, float[] eps) {
    int latent = latent();
    int samples = eps.length / latent;
    double constant = 0.5 * features * LN_2PI;
    double[] out = new double[rows * classes];
    inBatches(x, rows, (manager, params, input, from, q) -> {
      int b = (int) input.getShape().get(0);
      NDArray keep = keepMasks(manager);
      Scalars scalars = new Scalars(manager);
      NDArray sigma = q[1].mul(scalars.half).exp();
      NDArray squaredError = manager.zeros(new Shape(classes, b));
      for (int s = 0; s < samples; s++) {
        try (NDManager draw = manager.newSubManager()) {
          NDArray e = draw.create(Arrays.copyOfRange(eps, s * latent, (s + 1) * latent), new Shape(1, latent));
          // DJL attaches a result to the manager of the array it is called on: starting from e keeps
          // every array of this draw in its manager, freed after it (from q[0], the batch's manager
          // kept all S draws' arrays, 2.3 GB at n = 10 000); products and sums commute bit for bit
          NDArray z = e.mul(sigma).add(q[0]).expandDims(0).mul(keep);
          squaredError.addi(decode(params, z).sub(input).square().sum(new int[] {2}));
        }
      }
      float[] error = squaredError.toFloatArray();
      float[] divergence = kl(q, scalars).toFloatArray();
      for (int k = 0; k < b; k++) {
        for (int n = 0; n < classes; n++) {
          out[(from + k) * classes + n] = -0.5 * error[n * b + k] / samples - constant - divergence[k];
        }
      }
    });
    return out;
  }

  /** The VAE's own class of each of {@code rows} standardised rows: {@code argmin_n E_q[w_n]}. */
  int[] predict(float[] x, int rows) {
    int[] predicted = new int[rows];
    inBatches(x, rows, (manager, params, input, from, q) -> {
      float[] energy = q[0].square().add(q[1].exp()).matMul(groupSums(manager, classes)).toFloatArray();
      for (int k = 0; k < energy.length / classes; k++) {
        int best = 0;
        for (int n = 1; n < classes; n++) {
          if (energy[k * classes + n] < energy[k * classes + best]) {
            best = n;
          }
        }
        predicted[from + k] = best;
      }
    });
    return predicted;
  }

  /** What runs on one batch of encoded rows {@code from..}: q = (μ, ln σ²). */
  @FunctionalInterface
  private interface Encoded {
    void apply(NDManager manager, NDArray[] params, NDArray input, int from, NDArray[] q);
  }

  /**
   * Encodes {@code x} in batches of {@value #BATCH} rows, in one session of the training's engine,
   * each batch's arrays freed after it.
   */
  private void inBatches(float[] x, int rows, Encoded work) {
    training.session(NDManager.class, EVALUATION_SEED, manager -> {
      NDArray[] params = load(manager, shapes(features, hidden, latent()), weights);
      for (int from = 0; from < rows; from += BATCH) {
        int to = Math.min(rows, from + BATCH);
        try (NDManager batch = manager.newSubManager()) {
          NDArray input = batch.create(Arrays.copyOfRange(x, from * features, to * features),
              new Shape(to - from, features));
          work.apply(batch, params, input, from, encode(params, input));
        }
      }
      return null;
    });
  }

  /** {@code C × 1 × L}: row n is 1 except on class n's block, which it zeroes. */
  private NDArray keepMasks(NDManager manager) {
    int latent = latent();
    float[] keep = new float[classes * latent];
    Arrays.fill(keep, 1);
    for (int n = 0; n < classes; n++) {
      Arrays.fill(keep, n * latent + n * DIMS_PER_CLASS, n * latent + (n + 1) * DIMS_PER_CLASS, 0);
    }
    return manager.create(keep, new Shape(classes, 1, latent));
  }

  /** {@code count} standard normal draws. */
  static float[] gaussians(SplittableRandom random, int count) {
    float[] out = new float[count];
    for (int k = 0; k < count; k++) {
      out[k] = (float) random.nextGaussian();
    }
    return out;
  }

  private static float[] rows(float[] x, int d, int[] order, int from, int to) {
    float[] out = new float[(to - from) * d];
    for (int r = from; r < to; r++) {
      System.arraycopy(x, order[r] * d, out, (r - from) * d, d);
    }
    return out;
  }

  private static float[] oneHot(int[] target, int[] order, int from, int to, int classes) {
    float[] out = new float[(to - from) * classes];
    for (int r = from; r < to; r++) {
      int y = target[order[r]];
      if (y >= 0) {
        out[(r - from) * classes + y] = 1;
      }
    }
    return out;
  }
}
