package org.alkit.spark;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alkit.api.ComputeBackend;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.ScoringStrategy;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.commons.Ranking;
import org.alkit.runtime.Registry;

/**
 * One shard of a pool as a task scores it, in an executor: the shard's items (ids ascending), its
 * labeled items and its signals become a {@link SelectionContext} of their own, the strategy's own
 * {@link ScoringStrategy#rank} scores them with its kernels, and the shard's best
 * {@code min(k, candidates)} items by alkit's rule (higher ranking key first, ties to the lower id)
 * go back to the driver. Every item of the global top {@code k} is in its shard's top {@code k}, so
 * merging the shards' tops by the same rule ({@link Top#merge}) gives the single machine's picks.
 *
 * @param strategy the strategy's name
 * @param options its options as text
 * @param budget k
 */
record Shard(String strategy, Map<String, String> options, int budget, long seed, int round)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  Shard {
    options = new HashMap<>(options); // serializable whatever map the caller gave
  }

  /**
   * The shard's top.
   *
   * @param ids the pool id of each row, ascending
   * @param labeled rows (positions in {@code ids}) that are labeled, ascending
   * @param labels their labels, or null
   * @param signals each signal's rows, a {@link Matrix} or a {@code List<Matrix>} for a stack
   * @param drawsBefore unlabeled items of the pool before this shard's first
   * @throws InvalidInputException naming the pool item, for a value that is not finite, and
   *     naming the shard's items, for any other bad value
   */
  Top rank(long[] ids, int[] labeled, int[] labels, Map<Signal, Object> signals, long drawsBefore) {
    signals.forEach((signal, value) -> requireFinite(signal, value, ids));
    SelectionContext.Builder builder = SelectionContext.builder(ids.length).labeled(labeled, labels)
        .budget(Math.max(1, Math.min(budget, ids.length)))
        .round(round).seed(seed).drawsBefore(drawsBefore);
    signals.forEach((signal, value) -> {
      if (value instanceof Matrix m) {
        builder.signal(signal, m);
      } else {
        @SuppressWarnings("unchecked")
        List<Matrix> stack = (List<Matrix>) value;
        builder.stack(signal, stack);
      }
    });
    Registry registry = Executors.REGISTRY;
    ScoringStrategy scoring = (ScoringStrategy) registry.createStrategy(strategy, options);
    ScoringStrategy.Ranked ranked;
    try (ComputeBackend backend = registry.createBackend("java", Map.of("threads", "1"))) {
      ranked = scoring.rank(builder.backend(backend).build());
    } catch (InvalidInputException e) {
      throw new InvalidInputException("pool items " + ids[0] + " to " + ids[ids.length - 1] + " (row r of the"
          + " message is the r-th of them): " + e.getMessage(), e);
    }
    int[] best = Ranking.topK(ranked.keys(), Math.min(budget, ranked.candidates().length));
    long[] bestIds = new long[best.length];
    double[] keys = new double[best.length];
    double[] scores = new double[best.length];
    for (int r = 0; r < best.length; r++) {
      int row = ranked.candidates()[best[r]];
      bestIds[r] = ids[row];
      keys[r] = ranked.keys()[best[r]];
      scores[r] = ranked.scores()[best[r]];
    }
    return new Top(bestIds, keys, scores, ranked.candidates().length);
  }

  private static void requireFinite(Signal signal, Object value, long[] ids) {
    if (value instanceof Matrix m) {
      requireFinite(signal.key(), m, ids);
    } else {
      List<?> stack = (List<?>) value;
      for (int t = 0; t < stack.size(); t++) {
        requireFinite(signal.key() + " matrix " + t, (Matrix) stack.get(t), ids);
      }
    }
  }

  private static void requireFinite(String what, Matrix m, long[] ids) {
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

  /** The registry of an executor's JVM, loaded once, on its first task. */
  private static final class Executors {
    static final Registry REGISTRY = Registry.load();
  }
}
