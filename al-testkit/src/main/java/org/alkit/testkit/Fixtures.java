package org.alkit.testkit;

import static org.apiguardian.api.API.Status.STABLE;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.alkit.api.BackendProvider;
import org.alkit.api.ComputeBackend;
import org.alkit.commons.CapabilityBackends;
import org.alkit.commons.GradientEmbeddings;
import org.alkit.api.Matrix;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.apiguardian.api.API;

/**
 * Random but reproducible signals for tests: class probabilities drawn around cluster centres,
 * embeddings from Gaussian blobs, Monte-Carlo samples and committee members that perturb the
 * probabilities, and gradient embeddings (p − onehot(ŷ)) ⊗ h ({@link GradientEmbeddings}).
 */
@API(status = STABLE, since = "0.1")
public final class Fixtures {
  private Fixtures() {}

  /** Shape of the generated pool. */
  public static final int CLASSES = 4;
  /** Embedding width. */
  public static final int DIM = 6;
  /** Monte-Carlo samples and committee members. */
  public static final int SAMPLES = 5;
  /** Epochs of the prediction history. */
  @API(status = EXPERIMENTAL, since = "0.2")
  public static final int EPOCHS = 8;

  /**
   * A context over {@code poolSize} items, the first {@code labeledCount} labeled (labels cycle
   * through the classes), with every {@link Signal} present ({@link Signal#FEATURES}, the items,
   * are the blobs of the embeddings) and the {@code java} backend bound when it is on the class
   * path.
   */
  public static SelectionContext.Builder context(int poolSize, int labeledCount, int budget, long seed) {
    SplittableRandom rng = new SplittableRandom(0xA1C17L);
    int[] labeled = new int[labeledCount];
    int[] labels = new int[labeledCount];
    for (int i = 0; i < labeledCount; i++) {
      labeled[i] = i;
      labels[i] = i % CLASSES;
    }
    Matrix embeddings = embeddings(poolSize, rng);
    Matrix probabilities = probabilities(poolSize, rng);
    SelectionContext.Builder b = SelectionContext.builder(poolSize)
        .labeled(labeled, labels)
        .budget(budget)
        .seed(seed)
        .signal(Signal.PROBABILITIES, probabilities)
        .signal(Signal.PREVIOUS_PROBABILITIES, probabilities(poolSize, rng))
        .signal(Signal.EMBEDDINGS, embeddings)
        .signal(Signal.FEATURES, embeddings)
        .signal(Signal.GRADIENT_EMBEDDINGS, GradientEmbeddings.of(probabilities, embeddings))
        .stack(Signal.MC_PROBABILITIES, samples(poolSize, rng))
        .stack(Signal.COMMITTEE_PROBABILITIES, samples(poolSize, rng))
        .signal(Signal.PREDICTION_HISTORY, predictionHistory(poolSize, rng));
    javaBackend().ifPresent(b::backend);
    return b;
  }

  /**
   * The {@code java} compute backend at its default options (one worker per core), if
   * al-backend-java is on the class path (al-testkit brings it): one instance shared by every test
   * of the JVM, which nobody closes.
   */
  public static Optional<ComputeBackend> javaBackend() {
    return Shared.BACKEND;
  }

  /**
   * A new {@code java} compute backend on {@code threads} workers, if al-backend-java is on the
   * class path; the caller closes it.
   */
  public static Optional<ComputeBackend> javaBackend(int threads) {
    for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) {
      if (p.name().equals("java")) {
        return Optional.of(p.create(p.options(Map.of("threads", Integer.toString(threads)))));
      }
    }
    return Optional.empty();
  }

  /** The shared backend, made on first use. */
  private static final class Shared {
    static final Optional<ComputeBackend> BACKEND = javaBackend(0);
    static final Map<Class<?>, Optional<ComputeBackend>> CAPABLE = new ConcurrentHashMap<>();
  }

  /**
   * The capability of type {@code type} (e.g. {@link org.alkit.api.NetworkTraining}) as a run on
   * the {@code java} backend gets it: from the first backend provider on the class path, by name,
   * that declares it, created at its defaults on one thread. One backend per type, shared by every
   * test of the JVM, which nobody closes; empty when no provider declares it (for
   * {@code NetworkTraining}: put al-gpu on the test class path).
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public static <C> Optional<C> capability(Class<C> type) {
    return Shared.CAPABLE.computeIfAbsent(type, t -> {
      List<BackendProvider> providers = new ArrayList<>();
      ServiceLoader.load(BackendProvider.class).forEach(providers::add);
      return CapabilityBackends.declaring(providers, t).map(CapabilityBackends::create);
    }).flatMap(b -> b.capability(type));
  }

  /** Gaussian blobs around {@link #CLASSES} centres, {@code n × DIM}. */
  public static Matrix embeddings(int n, SplittableRandom rng) {
    float[][] centres = new float[CLASSES][DIM];
    for (float[] c : centres) {
      for (int j = 0; j < DIM; j++) {
        c[j] = (float) (rng.nextDouble() * 8 - 4);
      }
    }
    float[] data = new float[n * DIM];
    for (int i = 0; i < n; i++) {
      float[] c = centres[i % CLASSES];
      for (int j = 0; j < DIM; j++) {
        data[i * DIM + j] = c[j] + (float) gaussian(rng);
      }
    }
    return Matrix.wrap(n, DIM, data);
  }

  /** Softmax of random logits, {@code n × CLASSES}; every row sums to 1. */
  public static Matrix probabilities(int n, SplittableRandom rng) {
    float[] data = new float[n * CLASSES];
    double[] logits = new double[CLASSES];
    for (int i = 0; i < n; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < CLASSES; c++) {
        logits[c] = gaussian(rng) * 2;
        max = Math.max(max, logits[c]);
      }
      double sum = 0;
      for (int c = 0; c < CLASSES; c++) {
        logits[c] = Math.exp(logits[c] - max);
        sum += logits[c];
      }
      for (int c = 0; c < CLASSES; c++) {
        data[i * CLASSES + c] = (float) (logits[c] / sum);
      }
    }
    return Matrix.wrap(n, CLASSES, data);
  }

  /** {@link #SAMPLES} independent probability matrices. */
  public static List<Matrix> samples(int n, SplittableRandom rng) {
    List<Matrix> out = new ArrayList<>();
    for (int t = 0; t < SAMPLES; t++) {
      out.add(probabilities(n, rng));
    }
    return out;
  }

  /**
   * A prediction history, {@code n × EPOCHS} class ids in [0, {@link #CLASSES}): each item keeps
   * a class of its own and leaves it in each epoch with a probability of its own in [0, 1), so
   * items range from never changing their predicted class to changing it at random.
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public static Matrix predictionHistory(int n, SplittableRandom rng) {
    float[] data = new float[n * EPOCHS];
    for (int i = 0; i < n; i++) {
      int own = rng.nextInt(CLASSES);
      double leave = rng.nextDouble();
      for (int e = 0; e < EPOCHS; e++) {
        data[i * EPOCHS + e] = rng.nextDouble() < leave ? rng.nextInt(CLASSES) : own;
      }
    }
    return Matrix.wrap(n, EPOCHS, data);
  }

  private static double gaussian(SplittableRandom rng) {
    double u = Math.max(rng.nextDouble(), 1e-300);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
  }
}
