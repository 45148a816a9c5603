package org.alkit.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.SplittableRandom;
import org.alkit.api.AlException;
import org.alkit.api.NetworkTraining;
import org.alkit.api.SelectionContext;

/**
 * What VAAL and MAL share to train their networks in one {@link NetworkTraining} session: Adam
 * steps on blocks' parameters, batches of standardised items, Gaussian draws.
 *
 * <p>Reproducible: the blocks' initial weights come from the engine's generator, which the session
 * seeds; every batch and every ε from a Java generator the caller seeds. On a CPU the same seed
 * gives the same bits.
 */
final class Networks {
  /** Items per forward pass when scoring the pool. */
  static final int SCORING_BATCH = 512;

  private Networks() {}

  /** The context's training capability, or an error naming the strategy and what it trains. */
  static NetworkTraining training(SelectionContext ctx, String who, String what) {
    return ctx.capability(NetworkTraining.class).orElseThrow(() -> new AlException("strategy '" + who + "' trains "
        + what + " through NetworkTraining, which this selection context does not offer; expected a backend that "
        + "offers it (djl, of al-gpu) bound to the context"));
  }

  /** Adam at a fixed step size. */
  static Optimizer adam(double learningRate) {
    return Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) learningRate)).build();
  }

  /** Initialises {@code block} (its weights drawn by the engine) for inputs of {@code shape}. */
  static void initialize(Block block, NDManager manager, Shape shape) {
    block.initialize(manager, DataType.FLOAT32, shape);
  }

  /** {@code block} on one input. */
  static NDArray forward(Block block, ParameterStore store, NDArray x, boolean training) {
    return block.forward(store, new NDList(x), training).singletonOrThrow();
  }

  /**
   * One optimizer step on every parameter of {@code blocks} from its gradient, which is then
   * zeroed; the gradients' handles belong to {@code step}.
   */
  static void step(Optimizer optimizer, List<Block> blocks, NDManager step) {
    for (Block block : blocks) {
      for (Parameter p : block.getParameters().values()) {
        NDArray weight = p.getArray();
        NDArray grad = weight.getGradient();
        grad.attach(step);
        optimizer.update(p.getId(), weight, grad);
        grad.subi(grad);
      }
    }
  }

  /** Zeroes the gradients of {@code blocks} (those another loss reached); the handles belong to {@code step}. */
  static void zero(List<Block> blocks, NDManager step) {
    for (Block block : blocks) {
      for (Parameter p : block.getParameters().values()) {
        NDArray grad = p.getArray().getGradient();
        grad.attach(step);
        grad.subi(grad);
      }
    }
  }

  /** {@code count} items drawn with replacement from {@code items}. */
  /**
   * The iterations of {@code epochs} passes over the labeled items, ⌈|L| / batch⌉ each: an epoch
   * as the classifier's (alkit's networks pass over the labeled set), so a strategy's networks
   * given the model's epochs and batch size train as many iterations as the classifier, as VAAL's
   * and MAL's papers train theirs beside the task model.
   */
  static long iterations(int epochs, int labeled, int batch) {
    return (long) epochs * ((labeled + batch - 1) / batch);
  }

  static int[] draw(int[] items, int count, SplittableRandom random) {
    int[] out = new int[count];
    for (int k = 0; k < count; k++) {
      out[k] = items[random.nextInt(items.length)];
    }
    return out;
  }

  /** The rows {@code items} of the standardised pool {@code x}, shaped as {@code network}'s input. */
  static NDArray rows(NDManager manager, float[] x, ItemNetwork network, int[] items) {
    int d = network.columns();
    float[] out = new float[items.length * d];
    for (int k = 0; k < items.length; k++) {
      System.arraycopy(x, items[k] * d, out, k * d, d);
    }
    return manager.create(out, network.inputShape(items.length));
  }

  /** The rows {@code from..to} of the standardised pool {@code x}, shaped as {@code network}'s input. */
  static NDArray rows(NDManager manager, float[] x, ItemNetwork network, int from, int to) {
    int d = network.columns();
    float[] out = new float[(to - from) * d];
    System.arraycopy(x, from * d, out, 0, out.length);
    return manager.create(out, network.inputShape(to - from));
  }

  /** {@code rows × cols} standard normal draws. */
  static NDArray gaussians(NDManager manager, int rows, int cols, SplittableRandom random) {
    float[] out = new float[rows * cols];
    for (int k = 0; k < out.length; k++) {
      out[k] = (float) random.nextGaussian();
    }
    return manager.create(out, new Shape(rows, cols));
  }

  /** Throws when a training loss is no longer finite, naming the strategy and the cure. */
  static void requireFinite(NDArray loss, String who, int step) {
    float value = loss.getFloat();
    if (!Float.isFinite(value)) {
      throw new AlException("strategy '" + who + "': training diverged at step " + step + " (loss " + value
          + "); lower its learning rates");
    }
  }
}
