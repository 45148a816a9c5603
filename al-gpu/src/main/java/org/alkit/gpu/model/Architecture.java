package org.alkit.gpu.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.alkit.api.FitPlan;
import org.alkit.api.Matrix;

/**
 * The layers of a classifier over pool rows of {@code columns} features: a feature block that
 * ends in the penultimate activation h (after its dropout, so Monte-Carlo dropout reaches the
 * last layer, as in Gal and Ghahramani 2016), and a linear head h ↦ W h + b giving the logits.
 */
interface Architecture {
  /** For messages, e.g. {@code model 'mlp'}. */
  String owner();

  /** The input scaling fitted on the rows a model is fitted on. */
  Scaler scaler(Matrix x);

  /** The shape of a batch of {@code n} rows as the first layer reads it. */
  Shape inputShape(int columns, long n);

  /** The length of h, the feature block's output. */
  int embeddingSize(int columns);

  /** A fresh, uninitialised feature block, its layers in order. */
  SequentialBlock features(int columns);

  /**
   * The hidden layers an {@link org.alkit.api.AuxiliaryHead} reads: positions of the feature
   * block's layers whose outputs are tapped, ascending; −1 taps the (scaled) input.
   */
  List<Integer> taps(int columns);

  /** The training hooks a network of this architecture performs: all three by default. */
  default Set<FitPlan.Hook> hooks() {
    return EnumSet.allOf(FitPlan.Hook.class);
  }

  /**
   * Whether a training forward pass draws the network's weights (Bayes by backprop), so each step's
   * loss adds {@link #complexity}; false by default.
   */
  default boolean drawsWeights() {
    return false;
  }

  /**
   * The complexity cost the last training forward pass of {@code network} adds to the loss, summed
   * over the network (Bayes by backprop's log q − log P of the weights it drew), before the
   * division by the items trained on; empty for a network with fixed weights, whose loss is the
   * cross-entropy alone.
   */
  default Optional<NDArray> complexity(Network network) {
    return Optional.empty();
  }

  /** The whole network with a fresh head of {@code classes} outputs. */
  default Network network(int columns, int classes) {
    SequentialBlock features = features(columns);
    Block head = Linear.builder().setUnits(classes).build();
    return new Network(new SequentialBlock().add(features).add(head), features, head);
  }

  /**
   * A network and its two parts.
   *
   * @param all features then head, the block that is trained and saved
   * @param features input ↦ h
   * @param head h ↦ logits
   */
  record Network(SequentialBlock all, SequentialBlock features, Block head) {
    /**
     * The feature layers before the first stochastic one (a dropout, or weights drawn anew): the
     * same on every Monte-Carlo pass, so computed once for all T (bit-identical to running every
     * layer T times).
     */
    List<Block> deterministicPrefix() {
      List<Block> layers = features.getChildren().values();
      int split = 0;
      while (split < layers.size() && !(layers.get(split) instanceof Dropout)
          && !(layers.get(split) instanceof BayesianLinear)) {
        split++;
      }
      return layers.subList(0, split);
    }

    /** The feature layers from the first dropout on. */
    List<Block> stochasticSuffix() {
      List<Block> layers = features.getChildren().values();
      return layers.subList(deterministicPrefix().size(), layers.size());
    }
  }
}
