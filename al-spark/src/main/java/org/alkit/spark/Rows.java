package org.alkit.spark;

import java.util.List;
import java.util.Map;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.Signal;

/**
 * The rows of one partition of a pool as a task reads them: each row's pool id (ascending), the
 * labeled rows (positions in {@code ids}, ascending) and their labels (or null), each signal's rows
 * (a {@link Matrix}, or a {@code List<Matrix>} for a stack), and the unlabeled items of the pool
 * before the partition's first.
 */
record Rows(long[] ids, int[] labeled, int[] labels, Map<Signal, Object> signals, long drawsBefore) {

  /**
   * Checks every value.
   *
   * @throws InvalidInputException naming the pool item, for a value that is not finite
   */
  Rows requireFinite() {
    signals.forEach((signal, value) -> {
      if (value instanceof Matrix m) {
        requireFinite(signal.key(), m);
      } else {
        List<?> stack = (List<?>) value;
        for (int t = 0; t < stack.size(); t++) {
          requireFinite(signal.key() + " matrix " + t, (Matrix) stack.get(t));
        }
      }
    });
    return this;
  }

  private void requireFinite(String what, Matrix m) {
    for (int i = 0; i < m.rows(); i++) {
      for (int j = 0; j < m.cols(); j++) {
        float v = m.get(i, j);
        if (!Float.isFinite(v)) {
          throw new InvalidInputException(what + " of pool item " + ids[i] + " [" + j + "] = " + v
              + "; expected a finite value");
        }
      }
    }
  }
}
