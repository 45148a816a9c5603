package com.example.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.alkit.api.AlException;
import org.alkit.api.Matrix;
import org.alkit.api.NetworkTraining;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;

/**
 * {@code vaal-lite}: VAAL (Sinha, Ebrahimi and Darrell, "Variational Adversarial Active Learning",
 * ICCV 2019) on the pool's embeddings, trained each round through the context's
 * {@link NetworkTraining} (one session: the configured engine, device and threads, seeded). A VAE
 * (x → ReLU(hidden) → μ, ln σ²; z → ReLU(hidden) → x̂) minimises ½‖x − x̂‖² + β·KL plus an
 * adversarial term that makes the discriminator call unlabeled items labeled; the discriminator
 * (μ → ReLU(hidden) → logit) minimises BCE(labeled → 1, unlabeled → 0). Each step draws a labeled
 * and an unlabeled batch. It picks the unlabeled items the discriminator scores lowest (most
 * surely unlabeled). Weights start from Glorot draws and every ε and batch from a Java generator
 * seeded by the context, so the seed fixes the picks.
 */
public final class VaalLiteProvider implements StrategyProvider {
  private Vaal last;

  @Override
  public String name() {
    return "vaal-lite";
  }

  @Override
  public Set<Signal> requires() {
    return Set.of(Signal.EMBEDDINGS);
  }

  @Override
  public Set<Class<?>> capabilities() {
    return Set.of(NetworkTraining.class);
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(Parameter.integer("epochs", 40, "passes over the unlabeled items"),
        Parameter.integer("latent", 8, "latent dimensions"),
        Parameter.integer("hidden", 64, "hidden units of every network"),
        Parameter.integer("batch-size", 64, "items of each kind per step"),
        Parameter.real("beta", 1, "weight of the KL term"),
        Parameter.real("adversarial", 1, "weight of the VAE's adversarial term"),
        Parameter.real("learning-rate", 1e-3, "Adam step size of both"));
  }

  @Override
  public Strategy create(Options options) {
    last = new Vaal(name(), options);
    return last;
  }

  /** The strategy made last, for tests. */
  public Vaal last() {
    return last;
  }

  /** The strategy; it keeps its last discriminator scores for tests. */
  public static final class Vaal implements Strategy {
    private static final int ENCODER_IN = 0;
    private static final int ENCODER_MU = 2;
    private static final int ENCODER_LOGVAR = 4;
    private static final int DECODER_IN = 6;
    private static final int DECODER_OUT = 8;
    private static final int VAE_PARAMETERS = 10;
    private final String name;
    private final Options options;
    private float[] lastScores = new float[0];
    private int[] lastLabeled = new int[0];

    Vaal(String name, Options options) {
      this.name = name;
      this.options = options;
    }

    @Override
    public Selection select(SelectionContext ctx) {
      NetworkTraining training = ctx.capability(NetworkTraining.class).orElseThrow(() -> new AlException(
          name + " trains a VAE and a discriminator through NetworkTraining, which this context does not offer"));
      Matrix x = standardised(ctx.matrix(Signal.EMBEDDINGS));
      int[] labeled = ctx.labeled();
      int[] unlabeled = ctx.unlabeled();
      lastLabeled = labeled;
      SplittableRandom random = ctx.random();
      lastScores = training.session(ai.djl.ndarray.NDManager.class, random.nextLong(),
          manager -> train(manager, x, labeled, unlabeled, random));
      double[] scores = new double[unlabeled.length];
      for (int k = 0; k < unlabeled.length; k++) {
        scores[k] = -lastScores[unlabeled[k]];
      }
      return Picks.best(name, options, ctx, unlabeled, scores);
    }

    /** The discriminator's probability that each pool item is labeled, from the last selection. */
    public float[] lastScores() {
      return lastScores.clone();
    }

    /** The items labeled at the last selection. */
    public int[] lastLabeled() {
      return lastLabeled.clone();
    }

    private float[] train(NDManager manager, Matrix x, int[] labeled, int[] unlabeled, SplittableRandom random) {
      int d = x.cols();
      int hidden = options.getInt("hidden");
      int latent = options.getInt("latent");
      int batch = options.getInt("batch-size");
      int[][] shapes = {{d, hidden}, {hidden}, {hidden, latent}, {latent}, {hidden, latent}, {latent},
          {latent, hidden}, {hidden}, {hidden, d}, {d}, {latent, hidden}, {hidden}, {hidden, 1}, {1}};
      NDArray[] p = new NDArray[shapes.length];
      for (int k = 0; k < shapes.length; k++) {
        p[k] = glorot(manager, shapes[k], random);
        p[k].setRequiresGradient(true);
      }
      NDArray half = manager.create(0.5f);
      NDArray one = manager.create(1f);
      NDArray beta = manager.create((float) options.getDouble("beta"));
      NDArray adversarial = manager.create((float) options.getDouble("adversarial"));
      Optimizer vaeAdam = adam();
      Optimizer discriminatorAdam = adam();
      int steps = (unlabeled.length + batch - 1) / batch;
      for (int epoch = 0; epoch < options.getInt("epochs"); epoch++) {
        for (int s = 0; s < steps; s++) {
          try (NDManager step = manager.newSubManager()) {
            NDArray xl = rows(step, x, labeled, batch, random);
            NDArray xu = rows(step, x, unlabeled, batch, random);
            NDArray eps = step.create(gaussians(random, 2 * batch * latent), new Shape(2 * batch, latent));
            NDArray xs = xl.concat(xu);
            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
              NDArray mu = encode(p, xs, ENCODER_MU);
              NDArray logVariance = encode(p, xs, ENCODER_LOGVAR);
              NDArray z = mu.add(logVariance.mul(half).exp().mul(eps));
              NDArray reconstruction = decode(p, z).sub(xs).square().sum(new int[] {1}).mul(half);
              NDArray kl = logVariance.add(one).sub(mu.square()).sub(logVariance.exp()).sum(new int[] {1}).mul(half).neg();
              NDArray fool = Activation.softPlus(discriminate(p, mu.get(batch + ":")).neg());
              NDArray loss = reconstruction.add(kl.mul(beta)).mean().add(fool.mean().mul(adversarial));
              collector.backward(loss);
            }
            update(vaeAdam, "vae.", p, 0, VAE_PARAMETERS, step);
            zero(p, VAE_PARAMETERS, p.length, step);
            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
              NDArray mu = encode(p, xs, ENCODER_MU).stopGradient();
              NDArray logits = discriminate(p, mu);
              NDArray loss = Activation.softPlus(logits.get(":" + batch).neg()).mean()
                  .add(Activation.softPlus(logits.get(batch + ":")).mean());
              collector.backward(loss);
            }
            update(discriminatorAdam, "discriminator.", p, VAE_PARAMETERS, p.length, step);
            zero(p, 0, VAE_PARAMETERS, step);
          }
        }
      }
      NDArray all = manager.create(x.toArray(), new Shape(x.rows(), d));
      return Activation.sigmoid(discriminate(p, encode(p, all, ENCODER_MU))).toFloatArray();
    }

    private Optimizer adam() {
      return Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) options.getDouble("learning-rate"))).build();
    }

    private static NDArray encode(NDArray[] p, NDArray x, int head) {
      NDArray h = Activation.relu(x.matMul(p[ENCODER_IN]).add(p[ENCODER_IN + 1]));
      return h.matMul(p[head]).add(p[head + 1]);
    }

    private static NDArray decode(NDArray[] p, NDArray z) {
      return Activation.relu(z.matMul(p[DECODER_IN]).add(p[DECODER_IN + 1])).matMul(p[DECODER_OUT]).add(p[DECODER_OUT + 1]);
    }

    private static NDArray discriminate(NDArray[] p, NDArray mu) {
      return Activation.relu(mu.matMul(p[VAE_PARAMETERS]).add(p[VAE_PARAMETERS + 1])).matMul(p[VAE_PARAMETERS + 2])
          .add(p[VAE_PARAMETERS + 3]).reshape(-1);
    }

    private static void update(Optimizer optimizer, String prefix, NDArray[] p, int from, int to, NDManager step) {
      for (int k = from; k < to; k++) {
        NDArray grad = p[k].getGradient();
        grad.attach(step);
        optimizer.update(prefix + k, p[k], grad);
        grad.subi(grad);
      }
    }

    private static void zero(NDArray[] p, int from, int to, NDManager step) {
      for (int k = from; k < to; k++) {
        NDArray grad = p[k].getGradient();
        grad.attach(step);
        grad.subi(grad);
      }
    }

    /** {@code batch} rows drawn with replacement from {@code items}. */
    private static NDArray rows(NDManager manager, Matrix x, int[] items, int batch, SplittableRandom random) {
      int d = x.cols();
      float[] out = new float[batch * d];
      float[] row = new float[d];
      for (int r = 0; r < batch; r++) {
        System.arraycopy(x.copyRow(items[random.nextInt(items.length)], row), 0, out, r * d, d);
      }
      return manager.create(out, new Shape(batch, d));
    }

    private static NDArray glorot(NDManager manager, int[] shape, SplittableRandom random) {
      if (shape.length == 1) {
        return manager.zeros(new Shape(shape[0]));
      }
      float[] w = new float[shape[0] * shape[1]];
      double bound = Math.sqrt(6.0 / (shape[0] + shape[1]));
      for (int k = 0; k < w.length; k++) {
        w[k] = (float) ((2 * random.nextDouble() - 1) * bound);
      }
      return manager.create(w, new Shape(shape[0], shape[1]));
    }

    private static float[] gaussians(SplittableRandom random, int count) {
      float[] out = new float[count];
      for (int k = 0; k < count; k++) {
        out[k] = (float) random.nextGaussian();
      }
      return out;
    }

    /** Each column minus its mean, over its standard deviation (1 for a constant column). */
    private static Matrix standardised(Matrix m) {
      int n = m.rows();
      int d = m.cols();
      float[] x = m.toArray();
      for (int j = 0; j < d; j++) {
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
          sum += x[i * d + j];
        }
        double mean = sum / n;
        for (int i = 0; i < n; i++) {
          squares += (x[i * d + j] - mean) * (x[i * d + j] - mean);
        }
        double sd = Math.sqrt(squares / n);
        for (int i = 0; i < n; i++) {
          x[i * d + j] = (float) ((x[i * d + j] - mean) / (sd > 1e-12 ? sd : 1));
        }
      }
      return Matrix.wrap(n, d, x);
    }
  }
}
