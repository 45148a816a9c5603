package org.alkit.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Arrays;
import java.util.Locale;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Options;
import org.alkit.api.Parameter;

/**
 * The layers through which pool items enter VAAL's VAE and MAL's encoder, convolutional for
 * images and fully connected otherwise (the {@code network} option: {@code auto} picks conv when
 * the items are images).
 *
 * <ul>
 *   <li><b>conv</b>, on C × H × W images: for each entry f of {@code channels},
 *       Conv2d(f, 4×4, stride 2, padding 1) → ReLU, then flattened. The decoder mirrors it:
 *       Linear(f_last · H/2^k · W/2^k) → reshape, then per earlier entry ×2 nearest upsampling →
 *       Conv2d(3×3, padding 1) → ReLU, the last one back to C channels without activation. VAAL's
 *       layout (Sinha, Ebrahimi and Darrell, ICCV 2019, after the WAE of Tolstikhin et al.),
 *       without its batch normalisation, with resize-convolutions in place of its transposed
 *       convolutions ({@link Upsample}), at CPU size: the paper's encoder has 128, 256, 512 and
 *       1024 filters on 32 × 32 images ({@code channels: 128,256,512,1024}).</li>
 *   <li><b>mlp</b>: for each entry u of {@code hidden}, Linear(u) → ReLU; the decoder runs the
 *       sizes backwards and ends in Linear(d).</li>
 * </ul>
 *
 * <p>An item's shape comes from {@code item-shape} ({@code CxHxW} or {@code HxW}); left blank, a
 * row of d = s² values is an s × s grey image and one of 3s² an s × s colour image (channel-major,
 * as the {@code cnn} model reads it), and any other row is no image.
 *
 * @param conv whether the items go through convolutions
 * @param columns d, the values of one item
 * @param channels C (conv)
 * @param height H (conv)
 * @param width W (conv)
 * @param sizes filters per convolution (conv) or units per hidden layer (mlp)
 */
record ItemNetwork(boolean conv, int columns, int channels, int height, int width, int[] sizes) {
  /** The options that choose the layers, shared by {@code vaal} and {@code mal}. */
  static final java.util.List<Parameter> PARAMETERS = java.util.List.of(
      Parameter.choice("network", "auto", "conv for images, mlp otherwise; auto: conv when the items are images",
          "auto", "conv", "mlp"),
      Parameter.text("item-shape", "", "CxHxW of one item, e.g. 1x28x28 (blank: a square grey or colour image, or none)"),
      Parameter.text("channels", "32,64", "conv: filters of each 4x4 stride-2 convolution"),
      Parameter.text("hidden", "512,256", "mlp: units of each hidden layer"));

  ItemNetwork {
    sizes = sizes.clone();
  }

  /**
   * The layers for items of {@code columns} values, as the options choose them.
   *
   * @throws InvalidInputException naming the option and the value that does not fit
   */
  static ItemNetwork of(Options options, int columns) {
    String network = options.getString("network");
    int[] shape = shape(options, columns);
    if (network.equals("mlp") || network.equals("auto") && shape.length == 0) {
      return new ItemNetwork(false, columns, 0, 0, 0, sizes(options, "hidden", true));
    }
    int[] channels = sizes(options, "channels", false);
    if (shape.length == 0) {
      throw new InvalidInputException(options.owner() + ": option 'network' = conv but the items of " + columns
          + " values are no square image; expected option 'item-shape' (CxHxW) or network: mlp");
    }
    int side = 1 << channels.length;
    boolean fits = shape[1] % side == 0 && shape[2] % side == 0;
    if (!fits && network.equals("auto")) {
      return new ItemNetwork(false, columns, 0, 0, 0, sizes(options, "hidden", true));
    }
    if (!fits) {
      throw new InvalidInputException(options.owner() + ": items of shape " + shape[0] + "x" + shape[1] + "x" + shape[2]
          + " do not halve " + channels.length + " times; expected height and width divisible by " + side
          + " (or fewer entries in option 'channels', or network: mlp)");
    }
    return new ItemNetwork(true, columns, shape[0], shape[1], shape[2], channels);
  }

  /**
   * Checks the options that do not depend on the items (sizes and the item shape's syntax), so a
   * bad one is reported before round 1.
   *
   * @throws InvalidInputException naming the option and the bad value
   */
  static void check(Options options) {
    sizes(options, "channels", false);
    sizes(options, "hidden", true);
    declaredShape(options);
  }

  /** C, H, W from {@code item-shape}, or of a square image; empty when the items are no image. */
  private static int[] shape(Options options, int columns) {
    int[] declared = declaredShape(options);
    if (declared.length > 0) {
      if ((long) declared[0] * declared[1] * declared[2] != columns) {
        throw new InvalidInputException(options.owner() + ": option 'item-shape' = '" + options.getString("item-shape")
            + "' holds " + (long) declared[0] * declared[1] * declared[2] + " values but the items have " + columns
            + "; expected the same");
      }
      return declared;
    }
    for (int c : new int[] {1, 3}) {
      int side = (int) Math.round(Math.sqrt(columns / (double) c));
      if (columns % c == 0 && side > 1 && side * side * c == columns) {
        return new int[] {c, side, side};
      }
    }
    return new int[0];
  }

  /** C, H, W as {@code item-shape} gives them ({@code HxW}: C = 1), or empty when it is blank. */
  private static int[] declaredShape(Options options) {
    String text = options.getString("item-shape").trim().toLowerCase(Locale.ROOT);
    if (text.isEmpty()) {
      return new int[0];
    }
    String expected = options.owner() + ": option 'item-shape' = '" + text
        + "'; expected CxHxW or HxW with positive sizes, e.g. 1x28x28";
    int[] v;
    try {
      v = Arrays.stream(text.split("x")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    } catch (NumberFormatException e) {
      throw new InvalidInputException(expected, e);
    }
    if ((v.length != 2 && v.length != 3) || Arrays.stream(v).anyMatch(x -> x < 1)) {
      throw new InvalidInputException(expected);
    }
    return v.length == 2 ? new int[] {1, v[0], v[1]} : v;
  }

  /** Positive integers from a comma-separated option; {@code mayBeEmpty} allows none. */
  private static int[] sizes(Options options, String key, boolean mayBeEmpty) {
    String text = options.getString(key).trim();
    try {
      int[] sizes = text.isEmpty() ? new int[0]
          : Arrays.stream(text.split("\\s*,\\s*")).mapToInt(Integer::parseInt).toArray();
      if (Arrays.stream(sizes).anyMatch(s -> s < 1) || sizes.length == 0 && !mayBeEmpty) {
        throw new NumberFormatException(text);
      }
      return sizes;
    } catch (NumberFormatException e) {
      throw new InvalidInputException(options.owner() + ": option '" + key + "' = '" + text
          + "'; expected positive integers separated by commas, e.g. 32,64", e);
    }
  }

  /** The shape of a batch of {@code n} items as the first layer reads it. */
  Shape inputShape(long n) {
    return conv ? new Shape(n, channels, height, width) : new Shape(n, columns);
  }

  /** The width of {@link #trunk()}'s output. */
  long trunkWidth() {
    if (!conv) {
      return sizes.length == 0 ? columns : sizes[sizes.length - 1];
    }
    int side = 1 << sizes.length;
    return (long) sizes[sizes.length - 1] * (height / side) * (width / side);
  }

  /** A fresh encoder trunk: items ↦ {@code batch × trunkWidth()}. */
  SequentialBlock trunk() {
    SequentialBlock block = new SequentialBlock();
    for (int size : sizes) {
      block.add(conv ? Conv2d.builder().setFilters(size).setKernelShape(new Shape(4, 4)).optStride(new Shape(2, 2))
          .optPadding(new Shape(1, 1)).build() : Linear.builder().setUnits(size).build());
      block.add(Activation.reluBlock());
    }
    return conv ? block.add(Blocks.batchFlattenBlock()) : block;
  }

  /** A fresh decoder: latent codes ↦ items, in the shape of {@link #inputShape}. */
  SequentialBlock decoder() {
    SequentialBlock block = new SequentialBlock();
    if (!conv) {
      for (int k = sizes.length - 1; k >= 0; k--) {
        block.add(Linear.builder().setUnits(sizes[k]).build()).add(Activation.reluBlock());
      }
      return block.add(Linear.builder().setUnits(columns).build());
    }
    int side = 1 << sizes.length;
    block.add(Linear.builder().setUnits(trunkWidth()).build())
        .add(new Unflatten(sizes[sizes.length - 1], height / side, width / side));
    for (int k = sizes.length - 2; k >= -1; k--) {
      block.add(new Upsample()).add(Conv2d.builder().setFilters(k >= 0 ? sizes[k] : channels)
          .setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).build());
      if (k >= 0) {
        block.add(Activation.reluBlock());
      }
    }
    return block;
  }

  @Override
  public String toString() {
    return conv ? "conv " + channels + "x" + height + "x" + width + " channels=" + Arrays.toString(sizes)
        : "mlp " + columns + " hidden=" + Arrays.toString(sizes);
  }

  /**
   * Nearest-neighbour upsampling by 2 along height and width, {@code b × c × h × w} ↦
   * {@code b × c × 2h × 2w} (each value repeated): with the convolution after it, the decoder's
   * resize-convolution (Odena, Dumoulin and Olah, Distill 2016; DJL's PyTorch engine has no
   * transposed convolution).
   */
  static final class Upsample extends AbstractBlock {
    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
        PairList<String, Object> params) {
      return new NDList(inputs.singletonOrThrow().repeat(2, 2).repeat(3, 2));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
      Shape s = inputs[0];
      return new Shape[] {new Shape(s.get(0), s.get(1), 2 * s.get(2), 2 * s.get(3))};
    }
  }

  /** {@code batch × (c·h·w)} ↦ {@code batch × c × h × w}. */
  static final class Unflatten extends AbstractBlock {
    private final long[] shape;

    Unflatten(long c, long h, long w) {
      this.shape = new long[] {c, h, w};
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
        PairList<String, Object> params) {
      NDArray x = inputs.singletonOrThrow();
      return new NDList(x.reshape(x.getShape().get(0), shape[0], shape[1], shape[2]));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
      return new Shape[] {new Shape(inputs[0].get(0), shape[0], shape[1], shape[2])};
    }
  }
}
