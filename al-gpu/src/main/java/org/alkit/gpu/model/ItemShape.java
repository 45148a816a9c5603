package org.alkit.gpu.model;

import java.util.Arrays;
import org.alkit.api.InvalidInputException;

/**
 * The shape of one image item, channels × height × width, whose pixels a pool row holds
 * flattened in that (C order) layout, e.g. {@code 1x28x28} (grey) or {@code 3x32x32} (colour).
 *
 * @param channels C ≥ 1
 * @param height H ≥ 1
 * @param width W ≥ 1
 */
record ItemShape(int channels, int height, int width) {
  /** The option that names it. */
  static final String OPTION = "item-shape";

  ItemShape {
    if (channels < 1 || height < 1 || width < 1) {
      throw new InvalidInputException("option '" + OPTION + "' = " + channels + "x" + height + "x" + width
          + ": expected positive sizes");
    }
  }

  /** Values per item, C·H·W. */
  int size() {
    return channels * height * width;
  }

  /**
   * The shape {@code text} names ({@code CxHxW}); when blank, the square image with one or three
   * channels that has {@code columns} pixels (64 → 1x8x8, 784 → 1x28x28, 3072 → 3x32x32).
   *
   * @param owner who reads the option, for messages
   * @throws InvalidInputException if the text does not parse, does not match the column count, or
   *     none was given and the columns are no square image
   */
  static ItemShape resolve(String owner, String text, int columns) {
    ItemShape shape = text.isBlank() ? square(columns) : parse(owner, text);
    if (shape == null) {
      throw new InvalidInputException(owner + ": the " + columns + " features are no square grey or colour "
          + "image; expected option '" + OPTION + "' = CxHxW with C·H·W = " + columns);
    }
    if (shape.size() != columns) {
      throw new InvalidInputException(owner + ": option '" + OPTION + "' = " + text + " holds " + shape.size()
          + " values, but the items have " + columns + " features; expected C·H·W = " + columns);
    }
    return shape;
  }

  private static ItemShape parse(String owner, String text) {
    String[] parts = text.trim().split("\\s*[xX×,]\\s*");
    if (parts.length != 3) {
      throw new InvalidInputException(owner + ": option '" + OPTION + "' = '" + text
          + "'; expected channels x height x width, e.g. 1x28x28");
    }
    try {
      int[] v = Arrays.stream(parts).mapToInt(Integer::parseInt).toArray();
      return new ItemShape(v[0], v[1], v[2]);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(owner + ": option '" + OPTION + "' = '" + text
          + "'; expected three integers, e.g. 1x28x28", e);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(owner + ": " + e.getMessage(), e);
    }
  }

  private static ItemShape square(int columns) {
    for (int channels : new int[] {1, 3}) {
      if (columns % channels == 0) {
        int side = (int) Math.round(Math.sqrt(columns / (double) channels));
        if (side > 0 && side * side * channels == columns) {
          return new ItemShape(channels, side, side);
        }
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return channels + "x" + height + "x" + width;
  }
}
