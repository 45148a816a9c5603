package org.alkit.gpu.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.util.PairList;
import java.util.function.Consumer;
import org.alkit.api.AuxiliaryHead;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;

/**
 * The simplest auxiliary head, to test how the models perform the hook: every tapped layer
 * flattened and concatenated, then Linear(1), regressed on the per-item cross-entropies by their
 * mean squared error. (The real one, learning loss's, is a strategy of al-strategies-deep.)
 */
final class ProbeHead implements AuxiliaryHead {
  private final double weight;
  private final double detachAfter;
  private final Consumer<Matrix> sink;

  ProbeHead(double weight, double detachAfter, Consumer<Matrix> sink) {
    this.weight = weight;
    this.detachAfter = detachAfter;
    this.sink = sink;
  }

  @Override
  public <M> M module(Class<M> type) {
    if (type != Block.class) {
      throw new InvalidInputException("the probe head is a DJL Block; asked for " + type.getName());
    }
    return type.cast(new SequentialBlock().add(new FlattenAll()).add(Linear.builder().setUnits(1).build()));
  }

  @Override
  public <L> L loss(Class<L> type) {
    if (type != Loss.class) {
      throw new InvalidInputException("the probe head's loss is a DJL Loss; asked for " + type.getName());
    }
    return type.cast(new Loss("probe") {
      @Override
      public NDArray evaluate(NDList labels, NDList predictions) {
        return predictions.singletonOrThrow().reshape(-1).sub(labels.singletonOrThrow()).square().mean();
      }
    });
  }

  @Override
  public double weight() {
    return weight;
  }

  @Override
  public double detachAfter() {
    return detachAfter;
  }

  @Override
  public void outputs(Matrix outputs) {
    sink.accept(outputs);
  }

  /** Each input flattened to {@code batch × rest}, all side by side. */
  private static final class FlattenAll extends AbstractBlock {
    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
        PairList<String, Object> params) {
      NDList flat = new NDList();
      for (NDArray a : inputs) {
        flat.add(a.reshape(a.getShape().get(0), -1));
      }
      // DJL's concat of a single array returns a duplicate cut from the graph: the backbone would get no gradient
      return new NDList(flat.size() == 1 ? flat.get(0) : NDArrays.concat(flat, 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
      long width = 0;
      for (Shape s : inputs) {
        width += s.size() / s.get(0);
      }
      return new Shape[] {new Shape(inputs[0].get(0), width)};
    }
  }
}
