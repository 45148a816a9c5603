package org.alkit.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.UnknownNameException;
import org.alkit.runtime.Npy;
import org.alkit.runtime.NpyArray;

/** Reads the {@code .npy} files named by command-line flags, prefixing every error with the flag. */
final class Inputs {
  private Inputs() {}

  static Matrix matrix(String flag, Path file) {
    return withFlag(flag, () -> Npy.readMatrix(file));
  }

  static List<Matrix> stack(String flag, Path file) {
    return withFlag(flag, () -> Npy.readStack(file));
  }

  static int[] indices(String flag, Path file) {
    return withFlag(flag, () -> Npy.readIndices(file));
  }

  /** The header of a file that must have {@code ndim} axes. */
  static Npy.Header header(String flag, Path file, int ndim) {
    Npy.Header h = withFlag(flag, () -> Npy.header(file));
    if (h.shape().length != ndim) {
      throw new InvalidInputException(flag + ": " + file + ": shape " + h + " has "
          + count(h.shape().length, "dimension", "dimensions") + "; expected " + ndim
          + (ndim == 2 ? " (rows, cols)" : " (T, rows, cols)"));
    }
    return h;
  }

  /** Whether the file holds feature rows (a 2-D float array) rather than pool indices or a mask. */
  static boolean isMatrix(String flag, Path file) {
    Npy.Header h = withFlag(flag, () -> Npy.header(file));
    return h.shape().length == 2 && !h.dtype().isInteger();
  }

  /**
   * Pool indices from integer indices or from a boolean mask with one entry per pool item (what
   * numpy users hold: {@code labeled_mask}); each index in [0, n).
   */
  static int[] poolIndices(String flag, Path file, int n) {
    Npy.Header h = withFlag(flag, () -> Npy.header(file));
    int[] values = indices(flag, file);
    if (h.dtype() == NpyArray.Dtype.BOOL) {
      if (values.length != n) {
        throw new InvalidInputException(flag + " is a boolean mask of " + values.length
            + " entries; expected one entry per pool item (" + n + "), or integer indices");
      }
      return IntStream.range(0, n).filter(i -> values[i] != 0).toArray();
    }
    boolean[] seen = new boolean[n];
    for (int k = 0; k < values.length; k++) {
      int i = values[k];
      if (i < 0 || i >= n) {
        throw new InvalidInputException(flag + "[" + k + "] = " + i + " is outside the pool [0, " + n
            + "); expected pool indices (or a boolean mask of " + n + " entries)");
      }
      if (seen[i]) {
        boolean mask = values.length == n && Arrays.stream(values).allMatch(v -> v == 0 || v == 1);
        throw new InvalidInputException(flag + " holds index " + i + " twice; expected distinct pool indices"
            + (mask ? " (this looks like a 0/1 mask: save it as a bool array, or give np.flatnonzero(mask))"
                : ""));
      }
      seen[i] = true;
    }
    return values;
  }

  /** A class label in [0, classes), or ≥ 0 when the class count is unknown ({@code classes < 0}). */
  static void requireClass(String flag, int position, int label, int classes) {
    if (label < 0 || (classes > 0 && label >= classes)) {
      throw new InvalidInputException((position < 0 ? flag + " holds " : flag + "[" + position + "] = ") + label
          + "; expected a class " + (classes > 0 ? "in [0, " + classes + ") (the probabilities have "
          + classes + " classes)" : "label >= 0"));
    }
  }

  /**
   * Checks an output file before the work starts: not one of the inputs, its folder exists, and
   * it is not a folder itself.
   */
  static void requireOutput(String flag, Path out, Map<String, Path> inputs) {
    if (out == null) {
      return;
    }
    for (Map.Entry<String, Path> in : inputs.entrySet()) {
      if (in.getValue() != null && sameFile(out, in.getValue())) {
        throw new InvalidInputException(flag + " " + out + " is the " + in.getKey()
            + " input; expected a new file (it would be overwritten)");
      }
    }
    if (Files.isDirectory(out)) {
      throw new InvalidInputException(flag + " " + out + " is a folder; expected a file name");
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new InvalidInputException(flag + " " + out + ": folder " + parent + " does not exist;"
          + " expected an existing folder");
    }
    if (Files.exists(out) ? !Files.isWritable(out) : parent != null && !Files.isWritable(parent)) {
      throw new InvalidInputException(flag + " " + out + " cannot be written; expected a writable file");
    }
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.exists(a) && Files.exists(b) ? Files.isSameFile(a, b)
          : a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A name looked up in a registry, its error prefixed with the flag that gave it. */
  static <T> T named(String flag, Read<T> lookup) {
    try {
      return lookup.read();
    } catch (UnknownNameException e) {
      throw new InvalidInputException(flag + ": " + e.getMessage(), e);
    }
  }

  /** "1 class", "3 classes". */
  static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** Parses the repeated {@code flag key=value} pairs (e.g. {@code --set}); a key given twice is an error. */
  static Map<String, String> keyValues(String flag, List<String> pairs) {
    Map<String, String> out = new TreeMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new InvalidInputException(flag + " '" + pair + "': expected key=value");
      }
      String key = pair.substring(0, eq).trim();
      if (out.put(key, pair.substring(eq + 1).trim()) != null) {
        throw new InvalidInputException(flag + " " + key + " is given twice; expected each key once");
      }
    }
    return out;
  }

  /** The row count every given signal must share. */
  static void requireRows(String flag, int rows, String firstFlag, int expected) {
    if (rows != expected) {
      throw new InvalidInputException(flag + " has " + count(rows, "row", "rows") + " but " + firstFlag + " has "
          + expected + "; expected one row per pool item in both");
    }
  }

  /** Something that reads an input and may refuse it. */
  interface Read<T> {
    T read();
  }

  /** Runs {@code read}, prefixing its {@link InvalidInputException} with the flag. */
  static <T> T withFlag(String flag, Read<T> read) {
    try {
      return read.read();
    } catch (InvalidInputException e) {
      if (e.getMessage().startsWith(flag + ":")) {
        throw e;
      }
      throw new InvalidInputException(flag + ": " + e.getMessage(), e);
    }
  }
}
