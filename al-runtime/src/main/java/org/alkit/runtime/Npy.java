package org.alkit.runtime;

import static org.apiguardian.api.API.Status.STABLE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.apiguardian.api.API;

/**
 * Reads and writes NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0, C order,
 * little-endian; see NumPy's {@code numpy/lib/format.py} and NEP 1): the magic
 * {@code \x93NUMPY}, a version, a little-endian header length (2 bytes in 1.0, 4 in 2.0/3.0), an
 * ASCII (3.0: UTF-8) Python dict {@code {'descr': '<f4', 'fortran_order': False, 'shape': (n, d), }}
 * padded with spaces and a newline to a multiple of 64 bytes, then the raw data.
 *
 * <pre>{@code
 * Matrix embeddings = Npy.readMatrix(Path.of("emb.npy"));   // n × d, any numeric dtype
 * int[] labeled = Npy.readIndices(Path.of("labeled.npy"));  // integer or bool dtype
 * Npy.writeInts(Path.of("picked.npy"), picks);              // <i4
 * }</pre>
 *
 * Every problem is an {@link InvalidInputException} naming the file: a missing file, a bad magic,
 * Fortran order, big-endian or object data, an unsupported dtype (the message lists the supported
 * ones), a malformed header, and a data length that disagrees with the header's shape.
 */
@API(status = STABLE, since = "0.1")
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final int ALIGN = 64;
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private Npy() {}

  /**
   * Reads any supported array.
   *
   * @throws InvalidInputException naming the file and the problem
   */
  public static NpyArray read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(file + ": no such file", e);
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot be read: " + e.getMessage(), e);
    }
    return decode(file.toString(), bytes);
  }

  /**
   * Reads a 2-D array as an {@code n × d} float matrix (any supported dtype, rounded to float).
   *
   * @throws InvalidInputException if the array is not 2-D, or as {@link #read}
   */
  public static Matrix readMatrix(Path file) {
    NpyArray a = read(file);
    requireNdim(file, a, 2, "(rows, cols)");
    return toMatrix(a, 0, a.shape()[0], a.shape()[1]);
  }

  /**
   * Reads a 3-D {@code T × n × C} array as {@code T} matrices of {@code n × C}, e.g. Monte-Carlo
   * or committee probabilities.
   *
   * @throws InvalidInputException if the array is not 3-D, or as {@link #read}
   */
  public static List<Matrix> readStack(Path file) {
    NpyArray a = read(file);
    requireNdim(file, a, 3, "(T, rows, cols)");
    int[] s = a.shape();
    List<Matrix> out = new ArrayList<>(s[0]);
    for (int t = 0; t < s[0]; t++) {
      out.add(toMatrix(a, t * s[1] * s[2], s[1], s[2]));
    }
    return List.copyOf(out);
  }

  /**
   * Reads a 1-D (or {@code n × 1}) integer or bool array as {@code int}s, e.g. pool indices.
   *
   * @throws InvalidInputException on a float dtype, another shape, or a value outside the int range
   */
  public static int[] readIndices(Path file) {
    NpyArray a = read(file);
    if (!a.dtype().isInteger()) {
      throw new InvalidInputException(file + ": dtype " + a.dtype().descr()
          + " holds no indices; expected an integer or bool dtype (<i4, <i8, |u1, |b1)");
    }
    int[] s = a.shape();
    if (!(s.length == 1 || (s.length == 2 && s[1] == 1))) {
      throw new InvalidInputException(file + ": shape " + NpyArray.shapeText(s)
          + "; expected a 1-D array (n,) or a column (n, 1)");
    }
    int[] out = new int[a.size()];
    for (int k = 0; k < out.length; k++) {
      double v = a.get(k);
      if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
        throw new InvalidInputException(file + ": element " + k + " = " + (long) v
            + " is outside the int range");
      }
      out[k] = (int) v;
    }
    return out;
  }

  /** Writes {@code array}, format 1.0 when its header fits 65 535 bytes, else 2.0. */
  public static void write(Path file, NpyArray array) {
    byte[] bytes = encode(array, 1);
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot be written: " + e.getMessage(), e);
    }
  }

  /** Writes an {@code n × d} matrix as {@code <f4}. */
  public static void writeMatrix(Path file, Matrix matrix) {
    float[] f = matrix.toArray();
    double[] v = new double[f.length];
    for (int k = 0; k < f.length; k++) {
      v[k] = f[k];
    }
    write(file, new NpyArray(NpyArray.Dtype.FLOAT32, new int[] {matrix.rows(), matrix.cols()}, v));
  }

  /** Writes a 1-D {@code <i4} array. */
  public static void writeInts(Path file, int[] values) {
    double[] v = new double[values.length];
    for (int k = 0; k < values.length; k++) {
      v[k] = values[k];
    }
    write(file, new NpyArray(NpyArray.Dtype.INT32, new int[] {values.length}, v));
  }

  /** The file's bytes in format {@code major}.0 or, if the header does not fit 1.0, 2.0. */
  static byte[] encode(NpyArray array, int major) {
    String dict = "{'descr': '" + array.dtype().descr() + "', 'fortran_order': False, 'shape': "
        + NpyArray.shapeText(array.shape()) + ", }";
    int version = major == 1 && padded(dict, 1) - prefix(1) > 0xFFFF ? 2 : major;
    int prefix = prefix(version);
    int padded = padded(dict, version);
    String header = dict + " ".repeat(padded - prefix - dict.length() - 1) + "\n";
    int itemSize = array.dtype().size();
    ByteBuffer out = ByteBuffer.allocate(padded + array.size() * itemSize).order(ByteOrder.LITTLE_ENDIAN);
    out.put(MAGIC).put((byte) version).put((byte) 0);
    if (version == 1) {
      out.putShort((short) header.length());
    } else {
      out.putInt(header.length());
    }
    out.put(header.getBytes(version == 3 ? StandardCharsets.UTF_8 : StandardCharsets.US_ASCII));
    for (int k = 0; k < array.size(); k++) {
      double v = array.get(k);
      switch (array.dtype()) {
        case FLOAT32 -> out.putFloat((float) v);
        case FLOAT64 -> out.putDouble(v);
        case INT32 -> out.putInt((int) v);
        case INT64 -> out.putLong((long) v);
        case UINT8 -> out.put((byte) (int) v);
        case BOOL -> out.put((byte) (v != 0 ? 1 : 0));
      }
    }
    return out.array();
  }

  /** Bytes before the header: magic, version, header length. */
  private static int prefix(int version) {
    return MAGIC.length + 2 + (version == 1 ? 2 : 4);
  }

  /** Where the data starts: the prefix, the dict and a newline, rounded up to {@value #ALIGN}. */
  private static int padded(String dict, int version) {
    return ((prefix(version) + dict.length() + 1 + ALIGN - 1) / ALIGN) * ALIGN;
  }

  static NpyArray decode(String file, byte[] bytes) {
    if (bytes.length < MAGIC.length + 4 || !startsWithMagic(bytes)) {
      throw new InvalidInputException(file + ": not a .npy file; expected it to start with \\x93NUMPY");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int major = bytes[6];
    int headerLength;
    int dataStart;
    if (major == 1) {
      headerLength = Short.toUnsignedInt(in.getShort(8));
      dataStart = 10 + headerLength;
    } else if (major == 2 || major == 3) {
      if (bytes.length < 12) {
        throw new InvalidInputException(file + ": truncated header; expected at least 12 bytes, found "
            + bytes.length);
      }
      headerLength = in.getInt(8);
      if (headerLength < 0 || 12L + headerLength > bytes.length) {
        throw new InvalidInputException(file + ": truncated header; it declares " + Integer.toUnsignedString(headerLength)
            + " bytes but the file has " + bytes.length + " in all");
      }
      dataStart = 12 + headerLength;
    } else {
      throw new InvalidInputException(file + ": format version " + major + "." + bytes[7]
          + " is not supported; expected 1.0, 2.0 or 3.0");
    }
    if (headerLength < 0 || dataStart > bytes.length) {
      throw new InvalidInputException(file + ": truncated header; it declares " + headerLength
          + " bytes but the file has " + bytes.length + " in all");
    }
    String header = new String(bytes, dataStart - headerLength, headerLength,
        major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1).trim();
    NpyArray.Dtype dtype = dtype(file, group(file, header, DESCR, "descr"));
    if (group(file, header, FORTRAN, "fortran_order").equals("True")) {
      throw new InvalidInputException(file + ": fortran_order is True; expected C order "
          + "(save with np.ascontiguousarray)");
    }
    int[] shape = shape(file, group(file, header, SHAPE, "shape"));
    long count = 1;
    for (int extent : shape) {
      count *= extent; // both factors below 2³¹: no overflow
      if (count > Integer.MAX_VALUE - 8) {
        throw new InvalidInputException(file + ": shape " + NpyArray.shapeText(shape) + " has more than "
            + (Integer.MAX_VALUE - 8) + " elements; expected an array that fits one Java array");
      }
    }
    long expected = count * dtype.size();
    long actual = bytes.length - (long) dataStart;
    if (actual < expected) {
      throw new InvalidInputException(file + ": truncated data; shape " + NpyArray.shapeText(shape) + " of "
          + dtype.descr() + " needs " + expected + " bytes, found " + actual);
    }
    if (actual > expected) {
      throw new InvalidInputException(file + ": the header's shape " + NpyArray.shapeText(shape) + " of "
          + dtype.descr() + " accounts for " + expected + " data bytes but the file holds " + actual);
    }
    in.position(dataStart);
    double[] values = new double[(int) count];
    for (int k = 0; k < values.length; k++) {
      values[k] = switch (dtype) {
        case FLOAT32 -> in.getFloat();
        case FLOAT64 -> in.getDouble();
        case INT32 -> in.getInt();
        case INT64 -> in.getLong();
        case UINT8, BOOL -> Byte.toUnsignedInt(in.get());
      };
    }
    return new NpyArray(dtype, shape, values);
  }

  private static boolean startsWithMagic(byte[] bytes) {
    for (int k = 0; k < MAGIC.length; k++) {
      if (bytes[k] != MAGIC[k]) {
        return false;
      }
    }
    return true;
  }

  private static String group(String file, String header, Pattern pattern, String key) {
    if (!header.startsWith("{") || !header.endsWith("}")) {
      throw new InvalidInputException(file + ": malformed header " + quote(header)
          + "; expected a Python dict {'descr': ..., 'fortran_order': ..., 'shape': (...)}");
    }
    Matcher m = pattern.matcher(header);
    if (!m.find()) {
      throw new InvalidInputException(file + ": malformed header " + quote(header) + "; key '" + key
          + "' is missing or not understood");
    }
    return m.group(1);
  }

  private static NpyArray.Dtype dtype(String file, String descr) {
    for (NpyArray.Dtype d : NpyArray.Dtype.values()) {
      if (d.descr().equals(descr) || (d.size() == 1 && descr.equals("<" + d.descr().substring(1)))) {
        return d;
      }
    }
    if (descr.startsWith(">")) {
      throw new InvalidInputException(file + ": dtype " + Shown.of(descr)
          + " is big-endian; expected little-endian, one of " + NpyArray.Dtype.supported());
    }
    if (descr.startsWith("|O")) {
      throw new InvalidInputException(file + ": dtype " + Shown.of(descr)
          + " is an object (pickled) array; expected plain numbers, one of " + NpyArray.Dtype.supported());
    }
    throw new InvalidInputException(file + ": dtype '" + Shown.of(descr) + "' is not supported; expected one of "
        + NpyArray.Dtype.supported());
  }

  private static int[] shape(String file, String text) {
    String[] parts = text.split(",");
    List<Integer> extents = new ArrayList<>();
    for (int k = 0; k < parts.length; k++) {
      String p = parts[k].trim();
      if (p.isEmpty() && k == parts.length - 1) {
        continue;
      }
      try {
        extents.add(Integer.parseInt(p.endsWith("L") ? p.substring(0, p.length() - 1) : p));
      } catch (NumberFormatException e) {
        throw new InvalidInputException(file + ": malformed shape (" + Shown.of(text)
            + "); expected non-negative integers", e);
      }
    }
    if (extents.stream().anyMatch(e -> e < 0)) {
      throw new InvalidInputException(file + ": shape (" + Shown.of(text) + ") has a negative extent");
    }
    return extents.stream().mapToInt(Integer::intValue).toArray();
  }

  private static void requireNdim(Path file, NpyArray a, int ndim, String expected) {
    if (a.ndim() != ndim) {
      throw new InvalidInputException(file + ": shape " + NpyArray.shapeText(a.shape()) + " has "
          + a.ndim() + " dimension(s); expected " + ndim + " " + expected);
    }
  }

  private static Matrix toMatrix(NpyArray a, int from, int rows, int cols) {
    float[] data = new float[rows * cols];
    for (int k = 0; k < data.length; k++) {
      data[k] = (float) a.get(from + k);
    }
    return Matrix.wrap(rows, cols, data);
  }

  /** The header, quoted as {@link Shown} shows it. */
  private static String quote(String header) {
    return "'" + Shown.of(header) + "'";
  }
}
