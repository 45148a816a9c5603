package org.alkit.eval.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.alkit.api.InvalidInputException;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST (LeCun et al., "THE MNIST DATABASE of
 * handwritten digits"), plain or gzip-compressed: a magic number {@code 0x00 0x00 type ndim},
 * {@code ndim} big-endian 32-bit extents, then the values in C order. Only unsigned bytes
 * (type {@code 0x08}) are read, the type of every image and label file of both data sets.
 *
 * <p>The header is never trusted for memory: the value buffer grows with the bytes actually read,
 * so a header claiming 10¹² values over a short file costs what the file holds, and is then refused
 * as truncated. Every failure is an {@link InvalidInputException} naming the file.
 */
final class Idx {
  /** The only element type read: unsigned byte. */
  private static final int UNSIGNED_BYTE = 0x08;
  /** The most dimensions an IDX file may declare here (images are 3-D, labels 1-D). */
  private static final int MAX_DIMENSIONS = 4;
  /** Bytes read before the buffer first grows. */
  private static final int FIRST_CHUNK = 1 << 16;
  /** The two bytes every gzip stream starts with. */
  private static final int GZIP_MAGIC = 0x1f8b;

  /**
   * An IDX array of unsigned bytes.
   *
   * @param shape the extents, outermost first
   * @param values the values in C order, as stored (read them with {@code & 0xff})
   */
  record Array(int[] shape, byte[] values) {
    /** The number of items: the first extent. */
    int items() {
      return shape[0];
    }

    /** The values per item: the product of the other extents. */
    int itemSize() {
      return values.length / shape[0];
    }
  }

  private Idx() {}

  /**
   * Reads an unsigned-byte IDX file, gzip-compressed or not (told by its first two bytes).
   *
   * @throws InvalidInputException naming the file when it is missing, unreadable, corrupt,
   *     truncated, longer than its header says, or not an unsigned-byte IDX array
   */
  static Array read(Path file) {
    try (InputStream in = open(file)) {
      return parse(file, in);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("IDX file " + file + " does not exist", e);
    } catch (ZipException | EOFException e) {
      throw new InvalidInputException("IDX file " + file + " is corrupt or truncated: " + e.getMessage()
          + "; expected a complete gzip stream", e);
    } catch (IOException e) {
      throw new InvalidInputException("IDX file " + file + " could not be read: " + e.getMessage(), e);
    }
  }

  private static InputStream open(Path file) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(file));
    raw.mark(2);
    int b0 = raw.read();
    int b1 = raw.read();
    raw.reset();
    return (b0 << 8 | b1) == GZIP_MAGIC ? new BufferedInputStream(new GZIPInputStream(raw)) : raw;
  }

  private static Array parse(Path file, InputStream in) throws IOException {
    byte[] magic = in.readNBytes(4);
    if (magic.length < 4 || magic[0] != 0 || magic[1] != 0) {
      throw new InvalidInputException("IDX file " + file + " starts with " + hex(magic)
          + "; expected the IDX magic 00 00 <type> <dimensions>");
    }
    if (magic[2] != UNSIGNED_BYTE) {
      throw new InvalidInputException("IDX file " + file + " holds element type 0x"
          + String.format("%02x", magic[2] & 0xff) + "; expected 0x08 (unsigned byte)");
    }
    int dimensions = magic[3] & 0xff;
    if (dimensions < 1 || dimensions > MAX_DIMENSIONS) {
      throw new InvalidInputException("IDX file " + file + " declares " + dimensions
          + " dimensions; expected 1 to " + MAX_DIMENSIONS);
    }
    int[] shape = new int[dimensions];
    long total = 1;
    for (int k = 0; k < dimensions; k++) {
      byte[] extent = in.readNBytes(4);
      if (extent.length < 4) {
        throw new InvalidInputException("IDX file " + file + " ends inside its header; expected "
            + dimensions + " extents of 4 bytes");
      }
      shape[k] = (extent[0] & 0xff) << 24 | (extent[1] & 0xff) << 16 | (extent[2] & 0xff) << 8 | extent[3] & 0xff;
      if (shape[k] < 1) {
        throw new InvalidInputException("IDX file " + file + " has extent " + Integer.toUnsignedString(shape[k])
            + " in dimension " + k + "; expected an extent from 1 to " + Integer.MAX_VALUE);
      }
      total *= shape[k]; // stays below 2⁶² as the check below stops any larger product
      if (total > Integer.MAX_VALUE - 8) {
        throw new InvalidInputException("IDX file " + file + " declares shape "
            + Arrays.toString(Arrays.copyOf(shape, k + 1)) + "…, more than " + (Integer.MAX_VALUE - 8)
            + " values; expected an array that fits one Java array");
      }
    }
    byte[] values = readExactly(file, in, (int) total, shape);
    if (in.read() >= 0) {
      throw new InvalidInputException("IDX file " + file + " continues past the " + total
          + " values its header " + Arrays.toString(shape) + " declares; expected the file to end there");
    }
    return new Array(shape, values);
  }

  /** {@code count} bytes, into a buffer that grows only as bytes arrive. */
  private static byte[] readExactly(Path file, InputStream in, int count, int[] shape) throws IOException {
    byte[] buffer = new byte[Math.min(count, FIRST_CHUNK)];
    int filled = 0;
    while (filled < count) {
      if (filled == buffer.length) {
        buffer = Arrays.copyOf(buffer, (int) Math.min(count, 2L * buffer.length));
      }
      int read = in.read(buffer, filled, buffer.length - filled);
      if (read < 0) {
        throw new InvalidInputException("IDX file " + file + " is truncated: its header " + Arrays.toString(shape)
            + " declares " + count + " values but it holds " + filled + "; expected the whole array");
      }
      filled += read;
    }
    return buffer;
  }

  private static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      out.append(out.length() == 0 ? "" : " ").append(String.format("%02x", b & 0xff));
    }
    return bytes.length == 0 ? "nothing (an empty file)" : out.toString();
  }
}
