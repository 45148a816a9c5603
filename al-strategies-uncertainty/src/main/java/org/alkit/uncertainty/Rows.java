package org.alkit.uncertainty;

import java.util.function.IntToDoubleFunction;
import java.util.function.Supplier;
import org.alkit.api.ComputeBackend;

/**
 * Scores every candidate row on the compute backend's workers: chunks of {@value #CHUNK_ROWS}
 * rows are the tasks of {@link ComputeBackend#parallelFor}, each writing its own slice, so the
 * result does not depend on the thread count. The per-row summaries themselves (top two, argmax,
 * entropy, KL) are alkit's shared ones, {@link org.alkit.commons.Probabilities}.
 */
final class Rows {
  /** Below this many matrix cells a scoring pass runs as one task. */
  private static final long PARALLEL_CELLS = 1L << 16;
  /** Rows per task (fixed, so that per-task partial sums do not depend on the thread count). */
  static final int CHUNK_ROWS = 4096;

  private Rows() {}

  /**
   * {@code f} applied to every candidate, position by position.
   *
   * @param cols the row width, to judge the work per row
   */
  static double[] map(ComputeBackend backend, int[] candidates, int cols, IntToDoubleFunction f) {
    return map(backend, candidates, cols, () -> null, (scratch, i) -> f.applyAsDouble(i));
  }

  /** A row's score, given the scratch space of the task that scores it. */
  @FunctionalInterface
  interface ScratchScore<S> {
    double score(S scratch, int row);
  }

  /**
   * {@code f} applied to every candidate, position by position, each task lending its rows one
   * scratch object from {@code scratch} (no state is shared between tasks).
   *
   * @param cols the row width, to judge the work per row
   */
  static <S> double[] map(ComputeBackend backend, int[] candidates, int cols, Supplier<S> scratch,
      ScratchScore<S> f) {
    double[] out = new double[candidates.length];
    int chunks = (long) candidates.length * Math.max(cols, 1) < PARALLEL_CELLS ? 1
        : (candidates.length + CHUNK_ROWS - 1) / CHUNK_ROWS;
    int size = chunks == 1 ? candidates.length : CHUNK_ROWS;
    backend.parallelFor(chunks, c -> {
      S own = scratch.get();
      for (int k = c * size, end = Math.min(candidates.length, (c + 1) * size); k < end; k++) {
        out[k] = f.score(own, candidates[k]);
      }
    });
    return out;
  }
}
