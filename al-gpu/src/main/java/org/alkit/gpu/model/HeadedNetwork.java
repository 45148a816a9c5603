package org.alkit.gpu.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * A classifier with an auxiliary head beside it ({@link org.alkit.api.AuxiliaryHead}): the forward
 * pass runs the feature layers one by one, keeps the outputs of the tapped ones
 * ({@link Architecture#taps}), and returns {@code (logits, head(taps))}. While
 * {@link #detach(boolean)} is on, the head reads the tapped arrays without their gradient
 * ({@code stopGradient}), so its loss trains the head alone and no longer the classifier's layers
 * (learning loss stops that gradient after 60 % of the epochs; Yoo and Kweon, CVPR 2019). The
 * classifier's parameters are those of {@link Architecture.Network#all()}, initialised first, then
 * the head's.
 */
final class HeadedNetwork extends AbstractBlock {
  private static final byte VERSION = 1;

  private final Architecture.Network network;
  private final List<Integer> taps;
  private final Block head;
  private boolean detached;

  HeadedNetwork(Architecture.Network network, List<Integer> taps, Block head) {
    super(VERSION);
    addChildBlock("network", network.all());
    this.network = network;
    this.taps = List.copyOf(taps);
    this.head = addChildBlock("auxiliary", head);
  }

  /** Whether the head's gradient stops at the tapped layers from now on. */
  void detach(boolean on) {
    this.detached = on;
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
      PairList<String, Object> params) {
    List<Block> layers = network.features().getChildren().values();
    NDList tapped = new NDList();
    NDList x = inputs;
    tap(tapped, -1, x);
    for (int k = 0; k < layers.size(); k++) {
      x = layers.get(k).forward(store, x, training, params);
      tap(tapped, k, x);
    }
    NDArray logits = network.head().forward(store, x, training, params).singletonOrThrow();
    NDArray outputs = head.forward(store, tapped, training, params).singletonOrThrow();
    return new NDList(logits, outputs);
  }

  private void tap(NDList tapped, int position, NDList x) {
    if (taps.contains(position)) {
      tapped.add(detached ? x.singletonOrThrow().stopGradient() : x.singletonOrThrow());
    }
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    network.all().initialize(manager, dataType, inputShapes);
    head.initialize(manager, dataType, tapShapes(inputShapes));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {network.all().getOutputShapes(inputShapes)[0], head.getOutputShapes(tapShapes(inputShapes))[0]};
  }

  /** The shapes of the tapped layers' outputs for an input of {@code inputShapes}. */
  private Shape[] tapShapes(Shape[] inputShapes) {
    List<Shape> out = new ArrayList<>();
    Shape[] current = inputShapes;
    if (taps.contains(-1)) {
      out.add(current[0]);
    }
    List<Block> layers = network.features().getChildren().values();
    for (int k = 0; k < layers.size(); k++) {
      current = layers.get(k).getOutputShapes(current);
      if (taps.contains(k)) {
        out.add(current[0]);
      }
    }
    return out.toArray(new Shape[0]);
  }
}
