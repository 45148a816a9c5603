package org.alkit.gpu.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The optimiser's step on every trainable parameter after a backward pass: what DJL's
 * {@code Trainer.step()} does on one device, less its parameter server's copy of each gradient
 * (that copy only serves several devices; the fused native update copies the gradient itself
 * before it adds the weight decay, and zeroes it after). The same arithmetic in the same order,
 * so the same weights bit for bit, with one pass over each weight matrix and one allocation of
 * its size fewer a step. The parameters' arrays are those the forward pass reads: on one device
 * DJL's parameter store hands out the parameter's own array.
 */
final class ParameterUpdate {
  private final Optimizer optimizer;
  private final List<Parameter> trainable = new ArrayList<>();

  ParameterUpdate(Optimizer optimizer, List<Parameter> parameters) {
    this.optimizer = optimizer;
    for (Parameter p : parameters) {
      if (p.requiresGradient()) {
        trainable.add(p);
      }
    }
  }

  /** Updates each trainable parameter with its gradient (which the update then zeroes). */
  void apply() {
    for (Parameter p : trainable) {
      NDArray weight = p.getArray();
      try (NDArray gradient = weight.getGradient()) {
        optimizer.update(p.getId(), weight, gradient);
      }
    }
  }
}
