package org.alkit.runtime;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
   * What a file's header declares: the element type and the shape. Reading it checks the whole
   * header and that the file holds exactly the data the shape needs, but reads no data.
   *
   * @param dtype the element type
   * @param shape the extent of each axis, C order
   */
  public record Header(NpyArray.Dtype dtype, int[] shape) {
    /** Copies the shape. */
    public Header {
      shape = shape.clone();
    }

    /** The shape (a copy). */
    @Override
    public int[] shape() {
      return shape.clone();
    }

    /** Number of elements, Π shape. */
    public long size() {
      long n = 1;
      for (int extent : shape) {
        n *= extent;
      }
      return n;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Header h && h.dtype == dtype && Arrays.equals(h.shape, shape);
    }

    @Override
    public int hashCode() {
      return 31 * dtype.hashCode() + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
      return dtype.descr() + " " + NpyArray.shapeText(shape);
    }
  }

  /**
   * Reads and checks a file's header only.
   *
   * @throws InvalidInputException naming the file and the problem
   */
  public static Header header(Path file) {
    try (Mapped m = Mapped.open(file)) {
      return new Header(m.dtype, m.shape);
    }
  }

  /**
   * Reads any supported array, its values widened to {@code double}.
   *
   * @throws InvalidInputException naming the file and the problem
   */
  public static NpyArray read(Path file) {
    try (Mapped m = Mapped.open(file)) {
      Heap.requireArray(file + " " + NpyArray.shapeText(m.shape) + " as doubles", m.count, Double.BYTES);
      double[] values = new double[(int) m.count];
      m.forEach((k, v) -> values[k] = v);
      return new NpyArray(m.dtype, m.shape, values);
    }
  }

  /**
   * Reads a 2-D array as an {@code n × d} float matrix (any supported dtype, rounded to float).
   * A little-endian {@code <f4} file is memory-mapped and copied into the matrix in bulk, at the
   * speed of the disk or the page cache; other types are converted element by element.
   *
   * @throws InvalidInputException if the array is not 2-D, or as {@link #read}
   */
  public static Matrix readMatrix(Path file) {
    try (Mapped m = Mapped.open(file)) {
      requireNdim(file, m.shape, 2, "(rows, cols)");
      return matrixRows(m, 0, m.shape[0]);
    }
  }

  /**
   * Rows {@code [from, to)} of what {@link #readMatrix} reads, read from the file alone: a shard of
   * a pool too large for one heap (al-spark reads a pool's row ranges in its tasks).
   *
   * @throws InvalidInputException if the array is not 2-D, the range is not inside its rows, or as
   *     {@link #read}
   */
  @API(status = EXPERIMENTAL, since = "0.3")
  public static Matrix readMatrixRows(Path file, int from, int to) {
    try (Mapped m = Mapped.open(file)) {
      requireNdim(file, m.shape, 2, "(rows, cols)");
      requireRange(file, m.shape[0], from, to);
      return matrixRows(m, from, to);
    }
  }

  private static Matrix matrixRows(Mapped m, int from, int to) {
    long cols = m.shape[1];
    return Matrix.wrap(to - from, m.shape[1], m.floats(from * cols, (to - from) * cols));
  }

  /**
   * Reads a 3-D {@code T × n × C} array as {@code T} matrices of {@code n × C}, e.g. Monte-Carlo
   * or committee probabilities.
   *
   * @throws InvalidInputException if the array is not 3-D, or as {@link #read}
   */
  public static List<Matrix> readStack(Path file) {
    try (Mapped m = Mapped.open(file)) {
      requireNdim(file, m.shape, 3, "(T, rows, cols)");
      return stackRows(m, 0, m.shape[1]);
    }
  }

  /**
   * Rows {@code [from, to)} of each of the {@code T} matrices {@link #readStack} reads.
   *
   * @throws InvalidInputException if the array is not 3-D, the range is not inside its rows, or as
   *     {@link #read}
   */
  @API(status = EXPERIMENTAL, since = "0.3")
  public static List<Matrix> readStackRows(Path file, int from, int to) {
    try (Mapped m = Mapped.open(file)) {
      requireNdim(file, m.shape, 3, "(T, rows, cols)");
      requireRange(file, m.shape[1], from, to);
      return stackRows(m, from, to);
    }
  }

  private static List<Matrix> stackRows(Mapped m, int from, int to) {
    int[] s = m.shape;
    int rows = to - from;
    if ((long) rows * s[2] == 0) { // T empty matrices: no data, so no list as long as T
      return Collections.nCopies(s[0], Matrix.wrap(rows, s[2], new float[0]));
    }
    List<Matrix> out = new ArrayList<>(s[0]);
    for (int t = 0; t < s[0]; t++) {
      out.add(Matrix.wrap(rows, s[2], m.floats(((long) t * s[1] + from) * s[2], (long) rows * s[2])));
    }
    return List.copyOf(out);
  }

  private static void requireRange(Path file, int rows, int from, int to) {
    if (from < 0 || from > to || to > rows) {
      throw new InvalidInputException(file + ": rows [" + from + ", " + to + "); expected a range inside [0, "
          + rows + "]");
    }
  }

  /**
   * Reads a 1-D (or {@code n × 1}) integer or bool array as {@code int}s, e.g. pool indices.
   *
   * @throws InvalidInputException on a float dtype, another shape, or a value outside the int range
   */
  public static int[] readIndices(Path file) {
    try (Mapped m = Mapped.open(file)) {
      if (!m.dtype.isInteger()) {
        throw new InvalidInputException(file + ": dtype " + m.dtype.descr()
            + " holds no indices; expected an integer or bool dtype (<i4, <i8, |u1, |b1)");
      }
      int[] s = m.shape;
      if (!(s.length == 1 || (s.length == 2 && s[1] == 1))) {
        throw new InvalidInputException(file + ": shape " + NpyArray.shapeText(s)
            + "; expected a 1-D array (n,) or a column (n, 1)");
      }
      Heap.requireArray(file + " " + NpyArray.shapeText(s), m.count, Integer.BYTES);
      int[] out = new int[(int) m.count];
      m.forEach((k, v) -> {
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
          throw new InvalidInputException(file + ": element " + k + " = " + (long) v
              + " is outside the int range");
        }
        out[k] = (int) v;
      });
      return out;
    }
  }

  /**
   * Reads a 2-D integer array {@code T × n} of class ids, the predicted class of n items after each
   * of T epochs (what a numpy user holds: {@code history[epoch, item]}), as the {@code n × T}
   * matrix of {@link org.alkit.api.Signal#PREDICTION_HISTORY}, one row per item.
   *
   * @throws InvalidInputException on a float dtype, another shape, or an id below 0 or from 2²⁴ on
   *     (a float holds it no longer exactly), naming its position
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public static Matrix readPredictionHistory(Path file) {
    try (Mapped m = Mapped.open(file)) {
      requirePredictionHistory(file, m);
      return predictionHistoryItems(file, m, 0, m.shape[1]);
    }
  }

  /**
   * Items {@code [from, to)} of what {@link #readPredictionHistory} reads: rows {@code [from, to)}
   * of the {@code n × T} matrix.
   *
   * @throws InvalidInputException as {@link #readPredictionHistory}, or if the range is not inside
   *     its items
   */
  @API(status = EXPERIMENTAL, since = "0.3")
  public static Matrix readPredictionHistoryRows(Path file, int from, int to) {
    try (Mapped m = Mapped.open(file)) {
      requirePredictionHistory(file, m);
      requireRange(file, m.shape[1], from, to);
      return predictionHistoryItems(file, m, from, to);
    }
  }

  private static void requirePredictionHistory(Path file, Mapped m) {
    if (!m.dtype.isInteger()) {
      throw new InvalidInputException(file + ": dtype " + m.dtype.descr()
          + " holds no class ids; expected an integer dtype (<i4, <i8, |u1)");
    }
    requireNdim(file, m.shape, 2, "(epochs, items)");
  }

  private static Matrix predictionHistoryItems(Path file, Mapped m, int from, int to) {
    int epochs = m.shape[0];
    int n = m.shape[1];
    int items = to - from;
    long count = (long) epochs * items;
    Heap.requireArray(file + " " + NpyArray.shapeText(m.shape) + " as floats (" + count + " of them)", count,
        Float.BYTES);
    float[] rows = new float[(int) count];
    for (int t = 0; t < epochs; t++) {
      int epoch = t;
      m.forEach((long) t * n + from, items, (k, v) -> {
        if (!(v >= 0 && v < 1 << 24)) {
          throw new InvalidInputException(file + ": [" + epoch + "][" + (from + k) + "] = " + (long) v
              + "; expected a class id >= 0");
        }
        rows[k * epochs + epoch] = (float) v;
      });
    }
    return Matrix.wrap(items, epochs, rows);
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

  private static long[] shape(String file, String text) {
    String[] parts = text.split(",", -1);
    long[] extents = new long[parts.length];
    int ndim = 0;
    for (int k = 0; k < parts.length; k++) {
      String p = parts[k].trim();
      if (p.isEmpty() && k == parts.length - 1 && k > 0) {
        continue; // the trailing comma of (n,) or (n, d, )
      }
      if (p.isEmpty() && parts.length == 1) {
        break; // () : a scalar
      }
      String digits = p.endsWith("L") ? p.substring(0, p.length() - 1) : p;
      if (!digits.matches("[0-9]{1,18}")) {
        throw new InvalidInputException(file + ": malformed shape (" + Shown.of(text) + "); extent '"
            + Shown.of(p) + "' is not a non-negative integer below 10^18");
      }
      extents[ndim++] = Long.parseLong(digits);
    }
    return Arrays.copyOf(extents, ndim);
  }

  private static void requireNdim(Path file, int[] shape, int ndim, String expected) {
    if (shape.length != ndim) {
      throw new InvalidInputException(file + ": shape " + NpyArray.shapeText(shape) + " has "
          + shape.length + " dimension(s); expected " + ndim + " " + expected);
    }
  }

  /** Receives element {@code k} of a file, widened to double. */
  private interface ElementSink {
    void accept(int k, double value);
  }

  /**
   * An open, checked {@code .npy} file: the header is parsed and the data length agrees with the
   * shape before anything is allocated from the header's numbers; the data is read through
   * read-only memory maps of at most {@value #CHUNK} bytes.
   */
  private static final class Mapped implements AutoCloseable {
    private static final int CHUNK = 1 << 30;
    /** NumPy writes headers of a few hundred bytes; its own reader refuses more than 10 000. */
    private static final int MAX_HEADER = 1 << 20;

    private final Path file;
    private final FileChannel channel;
    private final NpyArray.Dtype dtype;
    private final int[] shape;
    private final long count;
    private final long dataStart;

    private Mapped(Path file, FileChannel channel) throws IOException {
      this.file = file;
      this.channel = channel;
      long fileSize = channel.size();
      ByteBuffer prefix = readFully(0, (int) Math.min(fileSize, 12));
      if (prefix.limit() < MAGIC.length + 4 || !startsWithMagic(prefix)) {
        throw new InvalidInputException(file + ": not a .npy file; expected it to start with \\x93NUMPY"
            + " and a version");
      }
      int major = prefix.get(6);
      long headerLength;
      int prefixLength;
      if (major == 1) {
        headerLength = Short.toUnsignedInt(prefix.getShort(8));
        prefixLength = 10;
      } else if (major == 2 || major == 3) {
        if (prefix.limit() < 12) {
          throw new InvalidInputException(file + ": truncated header; expected at least 12 bytes, found "
              + prefix.limit());
        }
        headerLength = Integer.toUnsignedLong(prefix.getInt(8));
        prefixLength = 12;
      } else {
        throw new InvalidInputException(file + ": format version " + major + "." + prefix.get(7)
            + " is not supported; expected 1.0, 2.0 or 3.0");
      }
      if (prefixLength + headerLength > fileSize) {
        throw new InvalidInputException(file + ": truncated header; it declares " + headerLength
            + " bytes but the file has " + fileSize + " in all");
      }
      if (headerLength > MAX_HEADER) {
        throw new InvalidInputException(file + ": header of " + headerLength + " bytes; expected at most "
            + MAX_HEADER);
      }
      ByteBuffer headerBytes = readFully(prefixLength, (int) headerLength);
      String header = new String(headerBytes.array(), 0, headerBytes.limit(),
          major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1).trim();
      this.dtype = dtype(file.toString(), group(file.toString(), header, DESCR, "descr"));
      if (group(file.toString(), header, FORTRAN, "fortran_order").equals("True")) {
        throw new InvalidInputException(file + ": fortran_order is True; expected C order "
            + "(save with np.ascontiguousarray)");
      }
      String shapeGroup = group(file.toString(), header, SHAPE, "shape");
      long[] extents = shape(file.toString(), shapeGroup);
      String shapeText = Shown.of(shapeGroup);
      this.dataStart = prefixLength + headerLength;
      long actual = fileSize - dataStart;
      long elements = 1;
      long expected;
      try {
        for (long extent : extents) {
          elements = Math.multiplyExact(elements, extent);
        }
        expected = Math.multiplyExact(elements, dtype.size());
      } catch (ArithmeticException e) {
        throw new InvalidInputException(file + ": shape (" + shapeText + ") of " + dtype.descr()
            + " needs more than 2^63 bytes; the file holds " + actual, e);
      }
      if (actual < expected) {
        throw new InvalidInputException(file + ": truncated data; shape (" + shapeText + ") of "
            + dtype.descr() + " needs " + expected + " bytes, found " + actual);
      }
      if (actual > expected) {
        throw new InvalidInputException(file + ": the header's shape (" + shapeText + ") of "
            + dtype.descr() + " accounts for " + expected + " data bytes but the file holds " + actual);
      }
      for (long extent : extents) {
        if (extent > Heap.MAX_ARRAY) {
          throw new InvalidInputException(file + ": shape (" + shapeText + ") has an extent of " + extent
              + "; expected at most " + Heap.MAX_ARRAY + " per axis");
        }
      }
      this.shape = Arrays.stream(extents).mapToInt(e -> (int) e).toArray();
      this.count = elements;
    }

    static Mapped open(Path file) {
      FileChannel channel;
      try {
        channel = FileChannel.open(file, StandardOpenOption.READ);
      } catch (NoSuchFileException e) {
        throw new InvalidInputException(file + ": no such file", e);
      } catch (IOException e) {
        throw new InvalidInputException(file + ": cannot be read: " + e.getMessage(), e);
      }
      try {
        return new Mapped(file, channel);
      } catch (IOException e) {
        closeQuietly(channel, e);
        throw new InvalidInputException(file + ": cannot be read: " + e.getMessage(), e);
      } catch (RuntimeException e) {
        closeQuietly(channel, e);
        throw e;
      }
    }

    private static void closeQuietly(FileChannel channel, Exception failure) {
      try {
        channel.close();
      } catch (IOException e) {
        failure.addSuppressed(e);
      }
    }

    /** The data as one float array; {@code <f4} is copied in bulk from the mapped file. */
    float[] floats() {
      return floats(0, count);
    }

    /**
     * Elements {@code [start, start + length)} of the data in C order as one float array;
     * {@code <f4} is copied in bulk from the mapped file.
     */
    float[] floats(long start, long length) {
      Heap.requireArray(file + " " + NpyArray.shapeText(shape) + " (" + length + " elements of it)", length,
          Float.BYTES);
      float[] out = new float[(int) length];
      if (dtype == NpyArray.Dtype.FLOAT32) {
        int done = 0;
        long end = (start + length) * Float.BYTES;
        for (long pos = start * Float.BYTES; pos < end; pos += CHUNK) {
          FloatBuffer floats = map(pos, (int) Math.min(CHUNK, end - pos)).asFloatBuffer();
          int got = floats.remaining();
          floats.get(out, done, got);
          done += got;
        }
      } else {
        forEach(start, length, (k, v) -> out[k] = (float) v);
      }
      return out;
    }

    /** Every element in C order, widened to double. */
    void forEach(ElementSink sink) {
      forEach(0, count, sink);
    }

    /**
     * Elements {@code [start, start + length)} in C order, widened to double; the sink receives
     * positions from 0.
     */
    void forEach(long start, long length, ElementSink sink) {
      int size = dtype.size();
      long end = (start + length) * size;
      int k = 0;
      for (long pos = start * size; pos < end; pos += CHUNK) {
        ByteBuffer in = map(pos, (int) Math.min(CHUNK, end - pos));
        while (in.hasRemaining()) {
          double v = switch (dtype) {
            case FLOAT32 -> in.getFloat();
            case FLOAT64 -> in.getDouble();
            case INT32 -> in.getInt();
            case INT64 -> in.getLong();
            case UINT8, BOOL -> Byte.toUnsignedInt(in.get());
          };
          sink.accept(k++, v);
        }
      }
    }

    private ByteBuffer map(long position, int length) {
      try {
        return channel.map(FileChannel.MapMode.READ_ONLY, dataStart + position, length)
            .order(ByteOrder.LITTLE_ENDIAN);
      } catch (IOException e) {
        throw new InvalidInputException(file + ": cannot be read: " + e.getMessage(), e);
      }
    }

    private ByteBuffer readFully(long position, int length) throws IOException {
      ByteBuffer out = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
      while (out.hasRemaining()) {
        if (channel.read(out, position + out.position()) < 0) {
          break;
        }
      }
      return out.flip();
    }

    private static boolean startsWithMagic(ByteBuffer bytes) {
      for (int k = 0; k < MAGIC.length; k++) {
        if (bytes.get(k) != MAGIC[k]) {
          return false;
        }
      }
      return true;
    }

    @Override
    public void close() {
      try {
        channel.close();
      } catch (IOException e) {
        throw new InvalidInputException(file + ": cannot be closed: " + e.getMessage(), e);
      }
    }
  }

  /** The header, quoted as {@link Shown} shows it. */
  private static String quote(String header) {
    return "'" + Shown.of(header) + "'";
  }
}
