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
   * @throws InvalidInputException naming the pool item, for a value that is not finite, and
   *     naming the shard's items, for any other bad value
   */
  Top rank(Rows rows) {
    long[] ids = rows.requireFinite().ids();
    if (ids.length == 0) {
      return new Top(new long[0], new double[0], new double[0], 0);
    }
    SelectionContext.Builder builder = SelectionContext.builder(ids.length).labeled(rows.labeled(), rows.labels())
        .budget(Math.max(1, Math.min(budget, ids.length)))
        .round(round).seed(seed).drawsBefore(rows.drawsBefore());
    rows.signals().forEach((signal, value) -> {
      if (value instanceof Matrix m) {
        builder.signal(signal, m);
      } else {
        @SuppressWarnings("unchecked")
        List<Matrix> stack = (List<Matrix>) value;
        builder.stack(signal, stack);
      }
    });
    Registry registry = registry();
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

  /** The registry of this JVM's tasks (an executor's), loaded once, on its first task. */
  static Registry registry() {
    return Executors.REGISTRY;
  }

  /** The registry of an executor's JVM, loaded once, on its first task. */
  private static final class Executors {
    static final Registry REGISTRY = Registry.load();
  }
}
