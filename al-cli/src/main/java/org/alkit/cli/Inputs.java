package org.alkit.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
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

  /** Either pool indices (an integer vector) or feature rows (a float matrix). */
  static Object indicesOrFeatures(String flag, Path file) {
    return withFlag(flag, () -> {
      NpyArray array = Npy.read(file);
      return array.shape().length == 1 ? (Object) Npy.readIndices(file) : Npy.readMatrix(file);
    });
  }

  /** Parses repeated {@code --set key=value} pairs; a key given twice is an error. */
  static Map<String, String> keyValues(List<String> pairs) {
    Map<String, String> out = new TreeMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new InvalidInputException("--set '" + pair + "': expected key=value");
      }
      String key = pair.substring(0, eq).trim();
      if (out.put(key, pair.substring(eq + 1).trim()) != null) {
        throw new InvalidInputException("--set " + key + " is given twice; expected each key once");
      }
    }
    return out;
  }

  /** The row count every given signal must share. */
  static void requireRows(String flag, int rows, String firstFlag, int expected) {
    if (rows != expected) {
      throw new InvalidInputException(flag + " has " + rows + " rows but " + firstFlag + " has "
          + expected + "; expected one row per pool item in both");
    }
  }

  private interface Read<T> {
    T read();
  }

  private static <T> T withFlag(String flag, Read<T> read) {
    try {
      return read.read();
    } catch (InvalidInputException e) {
      throw new InvalidInputException(flag + ": " + e.getMessage(), e);
    }
  }
}
