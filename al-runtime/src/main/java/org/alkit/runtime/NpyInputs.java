package org.alkit.runtime;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.apiguardian.api.API;

/**
 * {@code .npy} inputs under the name their caller gives them (a command-line flag such as
 * {@code --labeled}, a request's field): every {@link InvalidInputException} of reading or
 * checking one starts with that name, as in {@code --labeled: labeled.npy: no such file}.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class NpyInputs {
  private NpyInputs() {}

  /** An n × d matrix of any numeric dtype ({@link Npy#readMatrix}). */
  public static Matrix matrix(String name, Path file) {
    return named(name, () -> Npy.readMatrix(file));
  }

  /** A T × n × d stack ({@link Npy#readStack}). */
  public static List<Matrix> stack(String name, Path file) {
    return named(name, () -> Npy.readStack(file));
  }

  /**
   * A prediction history, {@code T × n} class ids in the file, as the {@code n × T} matrix of
   * {@link org.alkit.api.Signal#PREDICTION_HISTORY} ({@link Npy#readPredictionHistory}), each id
   * below {@code classes} when that is known.
   *
   * @param classes C, or −1 when no input gives it
   * @throws InvalidInputException naming the first id outside [0, C) by its epoch and item
   */
  public static Matrix predictionHistory(String name, Path file, int classes) {
    Matrix history = named(name, () -> Npy.readPredictionHistory(file));
    if (classes > 0) {
      for (int i = 0; i < history.rows(); i++) {
        for (int e = 0; e < history.cols(); e++) {
          if (history.get(i, e) >= classes) {
            throw new InvalidInputException(name + ": " + file + ": [" + e + "][" + i + "] = " + (int) history.get(i, e)
                + "; expected a class id in [0, " + classes + ")");
          }
        }
      }
    }
    return history;
  }

  /** Integers of an integer or bool array ({@link Npy#readIndices}). */
  public static int[] indices(String name, Path file) {
    return named(name, () -> Npy.readIndices(file));
  }

  /**
   * The header of a file that must have {@code ndim} axes.
   *
   * @throws InvalidInputException naming the file, its shape and the axes expected
   */
  public static Npy.Header header(String name, Path file, int ndim) {
    Npy.Header h = named(name, () -> Npy.header(file));
    if (h.shape().length != ndim) {
      throw new InvalidInputException(name + ": " + file + ": shape " + h + " has " + h.shape().length
          + (h.shape().length == 1 ? " dimension" : " dimensions") + "; expected " + ndim
          + (ndim == 2 ? " (rows, cols)" : " (T, rows, cols)"));
    }
    return h;
  }

  /** Whether the file holds feature rows (a 2-D float array) rather than pool indices or a mask. */
  public static boolean isMatrix(String name, Path file) {
    Npy.Header h = named(name, () -> Npy.header(file));
    return h.shape().length == 2 && !h.dtype().isInteger();
  }

  /**
   * Pool indices from integer indices or from a boolean mask with one entry per pool item (what
   * numpy users hold: {@code labeled_mask}); each index in [0, n), none twice.
   *
   * @throws InvalidInputException naming a mask of the wrong length, an index outside the pool or
   *     one given twice (suggesting a bool mask when the values look like a 0/1 mask)
   */
  public static int[] poolIndices(String name, Path file, int n) {
    Npy.Header h = named(name, () -> Npy.header(file));
    int[] values = indices(name, file);
    if (h.dtype() == NpyArray.Dtype.BOOL) {
      if (values.length != n) {
        throw new InvalidInputException(name + " is a boolean mask of " + values.length
            + " entries; expected one entry per pool item (" + n + "), or integer indices");
      }
      return IntStream.range(0, n).filter(i -> values[i] != 0).toArray();
    }
    boolean[] seen = new boolean[n];
    for (int k = 0; k < values.length; k++) {
      int i = values[k];
      if (i < 0 || i >= n) {
        throw new InvalidInputException(name + "[" + k + "] = " + i + " is outside the pool [0, " + n
            + "); expected pool indices (or a boolean mask of " + n + " entries)");
      }
      if (seen[i]) {
        boolean mask = values.length == n && Arrays.stream(values).allMatch(v -> v == 0 || v == 1);
        throw new InvalidInputException(name + " holds index " + i + " twice; expected distinct pool indices"
            + (mask ? " (this looks like a 0/1 mask: save it as a bool array, or give np.flatnonzero(mask))"
                : ""));
      }
      seen[i] = true;
    }
    return values;
  }

  /** Runs {@code read}, its {@link InvalidInputException} prefixed with {@code name} (once). */
  public static <T> T named(String name, Supplier<T> read) {
    try {
      return read.get();
    } catch (InvalidInputException e) {
      if (e.getMessage().startsWith(name + ":")) {
        throw e;
      }
      throw new InvalidInputException(name + ": " + e.getMessage(), e);
    }
  }
}
