package org.alkit.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

/**
 * VAAL's discriminator (Sinha, Ebrahimi and Darrell, ICCV 2019), which MAL takes over: on a
 * latent code or feature z, Linear(u) → ReLU → Linear(u) → ReLU → Linear(1) gives the logit D(z)
 * of "labeled". Its two losses, on a labeled batch L and an unlabeled batch U:
 *
 * <pre>  discriminator  mean_L BCE(D(z), 1) + mean_U BCE(D(z), 0)     (z held constant by the caller)
 *  fooling        mean_L BCE(D(z), 1) + mean_U BCE(D(z), 1)     (the encoder's adversarial term)</pre>
 */
final class Adversary {
  private final SequentialBlock block;

  Adversary(int units) {
    this.block = new SequentialBlock().add(Linear.builder().setUnits(units).build()).add(Activation.reluBlock())
        .add(Linear.builder().setUnits(units).build()).add(Activation.reluBlock())
        .add(Linear.builder().setUnits(1).build());
  }

  /** The block, for initialisation and Adam steps. */
  SequentialBlock block() {
    return block;
  }

  /** Initialises the weights (drawn by the engine) for codes of {@code width} values. */
  void initialize(NDManager manager, long width) {
    Networks.initialize(block, manager, new Shape(1, width));
  }

  /** mean_L BCE(D(z), 1) + mean_U BCE(D(z), 0). */
  NDArray loss(ParameterStore store, NDArray labeled, NDArray unlabeled) {
    return Losses.bce(logits(store, labeled, true), true).mean().add(Losses.bce(logits(store, unlabeled, true), false).mean());
  }

  /** mean_L BCE(D(z), 1) + mean_U BCE(D(z), 1). */
  NDArray fooling(ParameterStore store, NDArray labeled, NDArray unlabeled) {
    return Losses.bce(logits(store, labeled, true), true).mean().add(Losses.bce(logits(store, unlabeled, true), true).mean());
  }

  /** σ(D(z)) per row, in inference mode. */
  float[] labeledProbability(ParameterStore store, NDArray codes) {
    return Activation.sigmoid(logits(store, codes, false)).toFloatArray();
  }

  private NDArray logits(ParameterStore store, NDArray codes, boolean training) {
    return Networks.forward(block, store, codes, training);
  }
}
