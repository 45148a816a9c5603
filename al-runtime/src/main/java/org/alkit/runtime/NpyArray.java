package org.alkit.runtime;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.alkit.api.InvalidInputException;
import org.apiguardian.api.API;

/**
 * An n-dimensional array as stored in a {@code .npy} file: its element type, its shape (C order)
 * and its values widened to {@code double} (exact for every supported type except 64-bit integers
 * beyond ±2⁵³, which alkit never stores).
 *
 * @param dtype the element type
 * @param shape the extent of each axis, row-major; {@code []} for a scalar
 * @param values the {@code Π shape} elements in C order
 */
@API(status = STABLE, since = "0.1")
public record NpyArray(Dtype dtype, int[] shape, double[] values) {

  /** The element types alkit reads and writes, with their NumPy {@code descr}. */
  public enum Dtype {
    /** {@code <f4}, IEEE 754 binary32, little-endian. */
    FLOAT32("<f4", 4),
    /** {@code <f8}, IEEE 754 binary64, little-endian. */
    FLOAT64("<f8", 8),
    /** {@code <i4}, two's-complement 32-bit, little-endian. */
    INT32("<i4", 4),
    /** {@code <i8}, two's-complement 64-bit, little-endian. */
    INT64("<i8", 8),
    /** {@code |u1}, unsigned byte. */
    UINT8("|u1", 1),
    /** {@code |b1}, one byte per boolean, 0 or 1. */
    BOOL("|b1", 1);

    private final String descr;
    private final int size;

    Dtype(String descr, int size) {
      this.descr = descr;
      this.size = size;
    }

    /** The NumPy type string, e.g. {@code <f4}. */
    public String descr() {
      return descr;
    }

    /** Bytes per element. */
    public int size() {
      return size;
    }

    /** Whether the type holds integers (or booleans), as indices need. */
    public boolean isInteger() {
      return this != FLOAT32 && this != FLOAT64;
    }

    /** Every supported {@code descr}, for messages. */
    static String supported() {
      return Arrays.stream(values()).map(Dtype::descr).collect(Collectors.joining(", "));
    }
  }

  /**
   * Copies {@code shape} and {@code values} and checks they agree.
   *
   * @throws InvalidInputException on a negative extent or a value count other than Π shape
   */
  public NpyArray {
    shape = shape.clone();
    values = values.clone();
    long count = 1;
    for (int extent : shape) {
      if (extent < 0) {
        throw new InvalidInputException("shape " + shapeText(shape) + " has a negative extent");
      }
      count *= extent;
    }
    if (count != values.length) {
      throw new InvalidInputException("shape " + shapeText(shape) + " holds " + count
          + " elements but values has " + values.length);
    }
  }

  /** The shape (a copy). */
  @Override
  public int[] shape() {
    return shape.clone();
  }

  /** The values in C order (a copy). */
  @Override
  public double[] values() {
    return values.clone();
  }

  /** Number of axes. */
  public int ndim() {
    return shape.length;
  }

  /** Element {@code k} in C order. */
  public double get(int k) {
    return values[k];
  }

  /** Number of elements. */
  public int size() {
    return values.length;
  }

  /** The shape as NumPy prints it, e.g. {@code (3, 4)} or {@code (5,)}. */
  static String shapeText(int[] shape) {
    if (shape.length == 1) {
      return "(" + shape[0] + ",)";
    }
    return Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", ", "(", ")"));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NpyArray a && a.dtype == dtype && Arrays.equals(a.shape, shape)
        && Arrays.equals(a.values, values);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * dtype.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "NpyArray[" + dtype.descr().toLowerCase(Locale.ROOT) + " " + shapeText(shape) + "]";
  }
}
