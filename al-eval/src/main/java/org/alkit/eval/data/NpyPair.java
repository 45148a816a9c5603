package org.alkit.eval.data;

import java.nio.file.Path;
import java.util.Arrays;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.runtime.Npy;
import org.alkit.runtime.NpyArray;

/**
 * Reads a data set from two {@code .npy} files: features of shape {@code (n, …)} (any dtype
 * {@link Npy} reads, rounded to float32; an item is everything after the first axis, flattened in
 * C order) and integer labels of shape {@code (n,)}, each in {@code [0, C)}.
 */
final class NpyPair {
  private NpyPair() {}

  /** The rows, their labels and the shape of one item. */
  record Items(Matrix features, int[] labels, int[] itemShape) {}

  /**
   * Reads {@code features} and {@code labels}.
   *
   * @throws InvalidInputException naming the file that is missing, corrupt or of the wrong shape,
   *     or a negative label
   */
  static Items read(Path features, Path labels) {
    NpyArray x = Npy.read(features);
    int[] shape = x.shape();
    if (shape.length < 2 || shape[0] == 0) {
      throw new InvalidInputException(features + ": shape " + Arrays.toString(shape)
          + "; expected (n, d) features or (n, …) items with n >= 1");
    }
    int[] y = Npy.readIndices(labels);
    if (y.length != shape[0]) {
      throw new InvalidInputException(labels + ": " + y.length + " labels for the " + shape[0] + " rows of "
          + features + "; expected one label per row");
    }
    for (int i = 0; i < y.length; i++) {
      if (y[i] < 0) {
        throw new InvalidInputException(labels + ": label " + i + " = " + y[i] + "; expected classes 0 … C−1");
      }
    }
    int d = x.size() / shape[0];
    float[] values = new float[x.size()];
    for (int k = 0; k < values.length; k++) {
      values[k] = (float) x.get(k);
    }
    return new Items(Matrix.wrap(shape[0], d, values), y, Arrays.copyOfRange(shape, 1, shape.length));
  }
}
