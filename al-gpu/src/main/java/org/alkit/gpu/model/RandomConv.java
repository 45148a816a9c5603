package org.alkit.gpu.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import java.util.List;
import org.alkit.api.InvalidInputException;

/**
 * A fixed random convolutional feature extractor: Conv2d(filters, 5×5, same padding) → ReLU →
 * max-pool in cells of ⌊H/4⌋ × ⌊W/4⌋ pixels (a 4 × 4 grid for 28 × 28 or 32 × 32 images) → flatten,
 * about 16·filters features an image. With
 * weights drawn once and never trained, such features are already good inputs for a linear
 * classifier (Jarrett et al., ICCV 2009; Saxe et al., "On Random Weights and Unsupervised Feature
 * Learning", ICML 2011). Pixels are standardised per channel. {@code filters} ≥ 1, as
 * {@link EmbedModelProvider} declares it.
 */
record RandomConv(String owner, String shapeText, int filters) implements ImageArchitecture {
  private static final int GRID = 4;

  @Override
  public ItemShape shape(int columns) {
    ItemShape shape = ItemShape.resolve(owner, shapeText, columns);
    if (shape.height() < GRID || shape.width() < GRID) {
      throw new InvalidInputException(owner + ": items of shape " + shape + " are smaller than the " + GRID
          + "×" + GRID + " pooling grid; expected height and width >= " + GRID);
    }
    return shape;
  }

  @Override
  public int embeddingSize(int columns) {
    ItemShape s = shape(columns);
    return filters * (s.height() / (s.height() / GRID)) * (s.width() / (s.width() / GRID));
  }

  @Override
  public SequentialBlock features(int columns) {
    ItemShape s = shape(columns);
    Shape cell = new Shape(s.height() / GRID, s.width() / GRID);
    return new SequentialBlock()
        .add(Conv2d.builder().setFilters(filters).setKernelShape(new Shape(5, 5)).optPadding(new Shape(2, 2)).build())
        .add(Activation.reluBlock())
        .add(Pool.maxPool2dBlock(cell, cell))
        .add(Blocks.batchFlattenBlock());
  }

  /** The flattened features. */
  @Override
  public List<Integer> taps(int columns) {
    return List.of(3);
  }

  @Override
  public String toString() {
    return "random conv filters=" + filters + (shapeText.isBlank() ? "" : " item-shape=" + shapeText);
  }
}
