package org.alkit.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * Learning loss's loss-prediction module (Yoo and Kweon, "Learning Loss for Active Learning",
 * CVPR 2019, fig. 3): for each tapped layer of the classifier, global average pooling when it is
 * a feature map ({@code batch × c × h × w}) and the layer as it is otherwise ({@code batch × u}),
 * then FC(units) → ReLU; the pieces concatenated, then FC → one scalar, the predicted loss l̂.
 * One branch per tapped layer, made when the model initialises the module with the taps' shapes.
 */
final class LossPredictionModule extends AbstractBlock {
  private final int units;
  private final List<Block> branches = new ArrayList<>();
  private Block output;

  LossPredictionModule(int units) {
    this.units = units;
  }

  @Override
  protected void beforeInitialize(Shape... inputShapes) {
    super.beforeInitialize(inputShapes);
    if (output == null) {
      for (int k = 0; k < inputShapes.length; k++) {
        branches.add(addChildBlock("tap" + k, Linear.builder().setUnits(units).build()));
      }
      output = addChildBlock("loss", Linear.builder().setUnits(1).build());
    }
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    for (int k = 0; k < branches.size(); k++) {
      Shape s = inputShapes[k];
      branches.get(k).initialize(manager, dataType, new Shape(s.get(0), s.get(1)));
    }
    output.initialize(manager, dataType, new Shape(inputShapes[0].get(0), (long) units * branches.size()));
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDList pieces = new NDList();
    for (int k = 0; k < inputs.size(); k++) {
      NDArray tap = inputs.get(k);
      NDArray pooled = tap.getShape().dimension() == 4 ? tap.mean(new int[] {3}).mean(new int[] {2}) : tap;
      pieces.add(Activation.relu(branches.get(k).forward(store, new NDList(pooled), training).singletonOrThrow()));
    }
    NDArray joined = pieces.size() == 1 ? pieces.get(0) : NDArrays.concat(pieces, 1);
    return output.forward(store, new NDList(joined), training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), 1)};
  }
}
