package org.alkit.spark;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Iterator;
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

  /**
   * The top of a partition read in chunks ({@code chunks}, ids ascending from one to the next):
   * each chunk ranked alone ({@link #rank(Rows)}) and merged into the best so far by alkit's rule
   * ({@link Top#merge}), so the task holds one chunk at a time; or the message of the bad input
   * reading or ranking a chunk found. Every item of the partition's top {@code k} is in its chunk's
   * top {@code k}, so the chunks give the picks of the whole partition.
   */
  Top rank(Iterator<Rows> chunks) {
    return Top.reporting(() -> {
      Top best = new Top(new long[0], new double[0], new double[0], 0);
      while (chunks.hasNext()) {
        best = Top.merge(List.of(best, rank(chunks.next())), budget);
      }
      return best;
    });
  }

  /**
   * How many rows of {@code rowBytes} bytes (as floats) a task reads and ranks at once, from this
   * JVM's heap: an eighth of the heap per processor that may run a task, at most
   * {@value #MAX_CHUNK_BYTES} bytes (the chunk, the strategy's copies and scores, and Spark's own
   * share fit beside each other), at least one row. A 450 MiB heap (the smallest Spark starts in)
   * on 2 processors reads chunks of 28 MiB, 73 728 rows of 100 floats.
   */
  static int chunkRows(long rowBytes) {
    Runtime jvm = Runtime.getRuntime();
    long bytes = Math.min(MAX_CHUNK_BYTES, jvm.maxMemory() / (8L * jvm.availableProcessors()));
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytes / Math.max(1, rowBytes)));
  }

  /** The most bytes of a chunk ({@link #chunkRows}): 64 MiB. */
  static final long MAX_CHUNK_BYTES = 64L << 20;

  /** The registry of this JVM's tasks (an executor's), loaded once, on its first task. */
  static Registry registry() {
    return Executors.REGISTRY;
  }

  /** The registry of an executor's JVM, loaded once, on its first task. */
  private static final class Executors {
    static final Registry REGISTRY = Registry.load();
  }
}
