package org.alkit.gpu.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.alkit.api.InvalidInputException;

/**
 * A small convolutional network for image pools, the shape of the one Gal, Islam and Ghahramani
 * use for Bayesian active learning ("Deep Bayesian Active Learning with Image Data", ICML 2017):
 * for each channel count c, Conv2d(c, 3×3, same padding) → ReLU → 2×2 max-pool; then Dropout(p),
 * flatten, Linear(dense) → ReLU → Dropout(p) and the linear head. Pixels are standardised per
 * channel. An auxiliary head taps each convolution's pooled output ({@code batch × c × h × w}) and
 * the dense layer's ReLU output ({@code batch × dense}, before its dropout).
 *
 * @param owner for messages
 * @param shapeText the {@code item-shape} option; blank: the square image of the column count
 * @param channels filters of each convolution, one pooling each
 * @param dense units of the penultimate layer, h (≥ 1, as {@link CnnModelProvider} declares it)
 * @param dropout p
 */
record Cnn(String owner, String shapeText, int[] channels, int dense, double dropout) implements ImageArchitecture {
  Cnn {
    channels = channels.clone();
    if (channels.length == 0) {
      throw new InvalidInputException(owner + ": option 'channels' is empty; expected at least one convolution");
    }
  }

  @Override
  public ItemShape shape(int columns) {
    ItemShape shape = ItemShape.resolve(owner, shapeText, columns);
    int side = 1 << channels.length;
    if (shape.height() < side || shape.width() < side) {
      throw new InvalidInputException(owner + ": items of shape " + shape + " are too small for "
          + channels.length + " 2×2 poolings; expected height and width >= " + side
          + " (or fewer entries in option 'channels')");
    }
    return shape;
  }

  @Override
  public int embeddingSize(int columns) {
    return dense;
  }

  @Override
  public SequentialBlock features(int columns) {
    shape(columns);
    SequentialBlock block = new SequentialBlock();
    for (int filters : channels) {
      block.add(Conv2d.builder().setFilters(filters).setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
              .build())
          .add(Activation.reluBlock())
          .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
    }
    return block.add(Dropout.builder().optRate((float) dropout).build())
        .add(Blocks.batchFlattenBlock())
        .add(Linear.builder().setUnits(dense).build())
        .add(Activation.reluBlock())
        .add(Dropout.builder().optRate((float) dropout).build());
  }

  @Override
  public List<Integer> taps(int columns) {
    return IntStream.rangeClosed(0, channels.length)
        .map(k -> k < channels.length ? 3 * k + 2 : 3 * channels.length + 3).boxed().toList();
  }

  @Override
  public String toString() {
    return "channels=" + Arrays.toString(channels) + " dense=" + dense + " dropout=" + dropout
        + (shapeText.isBlank() ? "" : " item-shape=" + shapeText);
  }
}
