package org.alkit.gpu.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.alkit.api.FittedModel;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.commons.GradientEmbeddings;
import org.alkit.api.MissingSignalException;
import org.alkit.api.Signal;
import org.alkit.gpu.engine.Torch;

/**
 * A trained network's signals for any rows x, computed in batches of {@value Forward#BATCH} rows:
 *
 * <ul>
 *   <li>{@link Signal#PROBABILITIES}: softmax(W h + b), dropout off;</li>
 *   <li>{@link Signal#EMBEDDINGS}: h, the penultimate layer's activation, dropout off;</li>
 *   <li>{@link Signal#GRADIENT_EMBEDDINGS}: (p − onehot(ŷ)) ⊗ h, the gradient of the
 *       cross-entropy at the predicted label ŷ with respect to the head's weights W (BADGE, Ash et
 *       al. 2020), from this network's own p and h;</li>
 *   <li>{@link Signal#MC_PROBABILITIES}: T softmax outputs with dropout active (Monte-Carlo dropout,
 *       Gal and Ghahramani, ICML 2016), or with weights drawn from their posterior for
 *       {@code bbb} (each batch of rows draws its own), libtorch's generator seeded from the fit
 *       seed, so the same model gives the same T samples on every call. The layers before the
 *       first stochastic one are computed once per batch and shared by the T passes.</li>
 * </ul>
 *
 * For {@code bbb} the other signals are those of the network at its posterior means μ.
 */
final class FittedNetwork implements FittedModel {
  private final Architecture architecture;
  private final int columns;
  private final int classes;
  private final Scaler scaler;
  private final Weights weights;
  private final Device device;
  private final int mcSamples;
  private final long mcSeed;

  FittedNetwork(Architecture architecture, int columns, int classes, Scaler scaler, Weights weights, Device device,
      int mcSamples, long mcSeed) {
    this.architecture = architecture;
    this.columns = columns;
    this.classes = classes;
    this.scaler = scaler;
    this.weights = weights;
    this.device = device;
    this.mcSamples = mcSamples;
    this.mcSeed = mcSeed;
  }

  Weights weights() {
    return weights;
  }

  /** Whether a network of this shape can start from these weights. */
  boolean fits(int columns, int classes) {
    return this.columns == columns && this.classes == classes;
  }

  @Override
  public Matrix matrix(Signal signal, Matrix x) {
    requireColumns(x);
    switch (signal) {
      case PROBABILITIES:
        return run(x, false, 1, false).get(0);
      case EMBEDDINGS:
        return run(x, false, 0, true).get(0);
      case GRADIENT_EMBEDDINGS: {
        List<Matrix> ph = run(x, false, 1, true);
        return GradientEmbeddings.of(ph.get(0), ph.get(1));
      }
      default:
        throw new MissingSignalException("the caller", List.of(signal), architecture.owner() + " (as a matrix)");
    }
  }

  @Override
  public List<Matrix> stack(Signal signal, Matrix x) {
    requireColumns(x);
    if (signal != Signal.MC_PROBABILITIES) {
      throw new MissingSignalException("the caller", List.of(signal), architecture.owner() + " (as a stack)");
    }
    return Torch.seeded(mcSeed, () -> run(x, true, mcSamples, false));
  }

  private static NDList layers(List<Block> layers, ParameterStore store, NDList input, boolean training) {
    NDList x = input;
    for (Block layer : layers) {
      x = layer.forward(store, x, training);
    }
    return x;
  }

  /** The trained network, its parameters in {@code manager}. */
  Architecture.Network load(NDManager manager) {
    Architecture.Network network = architecture.network(columns, classes);
    weights.loadInto(network.all(), manager);
    return network;
  }

  private void requireColumns(Matrix x) {
    if (x.cols() != columns) {
      throw new InvalidInputException("x is " + x.rows() + " × " + x.cols() + "; " + architecture.owner()
          + " was fitted on " + columns + " features");
    }
  }

  /**
   * Forward passes over every row of {@code x}: {@code passes} probability matrices (dropout
   * active when {@code dropout}), then h of the first pass when {@code embeddings}.
   */
  private List<Matrix> run(Matrix x, boolean dropout, int passes, boolean embeddings) {
    int n = x.rows();
    float[][] p = new float[passes][Math.multiplyExact(n, classes)];
    int d = architecture.embeddingSize(columns);
    float[] h = embeddings ? new float[Math.multiplyExact(n, d)] : null;
    try (NDManager manager = Torch.engine().newBaseManager(device)) {
      Architecture.Network network = load(manager);
      ParameterStore store = new ParameterStore(manager, false);
      List<Block> prefix = network.deterministicPrefix();
      List<Block> suffix = network.stochasticSuffix();
      Forward.batches(x, architecture, scaler, manager, (input, from, to) -> {
        NDList shared = layers(prefix, store, new NDList(input), false);
        for (int t = 0; t < Math.max(1, passes); t++) {
          NDList features = layers(suffix, store, shared, dropout);
          if (h != null && t == 0) {
            System.arraycopy(features.singletonOrThrow().toFloatArray(), 0, h, from * d, (to - from) * d);
          }
          if (t < passes) {
            NDArray logits = network.head().forward(store, features, dropout).singletonOrThrow();
            System.arraycopy(logits.softmax(1).toFloatArray(), 0, p[t], from * classes, (to - from) * classes);
          }
        }
      });
    }
    List<Matrix> out = new ArrayList<>();
    for (float[] sample : p) {
      out.add(Matrix.wrap(n, classes, sample));
    }
    if (embeddings) {
      out.add(Matrix.wrap(n, d, h));
    }
    return out;
  }
}
