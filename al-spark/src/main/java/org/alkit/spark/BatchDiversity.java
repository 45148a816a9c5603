package org.alkit.spark;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.Selection;
import org.alkit.api.Signal;
import org.alkit.commons.Probabilities;
import org.alkit.commons.Ranking;

/**
 * Batch diversity at scale: the batch strategies the Spark engine distributes, each the way its
 * literature scales it, with the strategy's own code in the tasks and on the driver.
 *
 * <ul>
 *   <li><b>Two rounds</b> for {@code coreset} (greedy k-center: Malkomes, Kusner, Chen, Weinberger
 *       &amp; Moseley, "Fast Distributed k-Center Clustering with Outliers on Massive Data", NeurIPS
 *       2015, a 4-approximation of the optimal radius where the central greedy is a 2-approximation)
 *       and for {@code facility-location} and {@code similar} (GreeDi: Mirzasoleiman, Karbasi,
 *       Sarkar &amp; Krause, "Distributed Submodular Maximization", NeurIPS 2013 / JMLR 2016). Each
 *       task runs the strategy on its partition's unlabeled items and the whole labeled set (read once
 *       by the driver and sent with the tasks), picking min(k, its unlabeled items); the driver runs
 *       it again on the union of the partitions' picks and the labeled set, picking k. Each round
 *       is the single machine's algorithm on its rows (the java backend's centre tracker with its
 *       triangle-inequality pruning and projection bound; the submodular kernels and lazy greedy),
 *       so the result is deterministic for a given partitioning; it depends on the partitioning,
 *       which is why its quality is measured (docs/spark.md). With one partition the first round
 *       is the answer: the single machine's, bit for bit.</li>
 *   <li><b>Candidates, then the strategy</b> for {@code cluster-margin} (Citovsky et al., "Batch
 *       Active Learning at Scale", NeurIPS 2021): the only pass over the pool is per item: each
 *       task keeps its m = candidates·k lowest-margin unlabeled items, the driver merges the global
 *       m (alkit's tie rule), a second pass sends their rows, and the driver clusters them once
 *       and runs the margin-ranked round robin: the single machine's picks for any
 *       partitioning.</li>
 * </ul>
 */
final class BatchDiversity {
  private BatchDiversity() {}

  /** The batch strategies the engine distributes. */
  static final List<String> STRATEGIES = List.of("coreset", "facility-location", "similar", "cluster-margin",
      "badge");

  static boolean serves(String strategy) {
    return STRATEGIES.contains(strategy);
  }

  /** The picks (ids, pick order) and their scores, as {@link Top} carries them. */
  static Top select(Pool pool, Batch batch) {
    return switch (batch.shard().strategy()) {
      case "cluster-margin" -> candidatesThenStrategy(pool, batch);
      case "badge" -> KMeansParallel.select(pool, batch);
      default -> twoRounds(pool, batch);
    };
  }

  private static Top twoRounds(Pool pool, Batch batch) {
    Subset labeled = pool.labeled();
    int k = batch.shard().budget();
    List<Picked> firsts = pool.map(rows -> Picked.reporting(() -> {
      Subset own = Subset.union(List.of(Subset.unlabeledOf(rows.get().requireFinite()), labeled));
      int budget = Math.min(k, own.unlabeledCount());
      if (budget == 0) {
        return new Picked(Subset.union(List.of()), new long[0], new double[0], null);
      }
      Selection s = batch.select(own, budget, 1);
      int[] picks = s.indices();
      return new Picked(own.rows(sorted(picks)), Arrays.stream(picks).mapToLong(r -> own.ids()[r]).toArray(),
          s.scores(), null);
    }));
    Subset union = Picked.union(firsts, labeled);
    requireUnlabeled(union);
    if (firsts.size() == 1) {
      Picked only = firsts.get(0);
      return new Top(only.order(), only.scores(), only.scores(), only.order().length);
    }
    return top(union, batch.select(union, Math.min(k, union.unlabeledCount()), 0));
  }

  private static Top candidatesThenStrategy(Pool pool, Batch batch) {
    int k = batch.shard().budget();
    int m = (int) Math.min(Integer.MAX_VALUE - 8, (long) Integer.parseInt(batch.shard().options()
        .get("candidates")) * k);
    Top candidates = Top.merge(pool.map(rows -> Top.reporting(() -> lowestMargins(rows.get().requireFinite(), m))), m);
    requireUnlabeled(candidates.candidates());
    long[] wanted = candidates.ids().clone();
    Arrays.sort(wanted);
    List<Picked> kept = pool.map(read -> {
      Rows rows = read.get();
      int[] at = IntStream.range(0, rows.ids().length)
          .filter(p -> Arrays.binarySearch(wanted, rows.ids()[p]) >= 0).toArray();
      return new Picked(Subset.of(rows, at), null, null, null);
    });
    Subset union = Picked.union(kept, Subset.union(List.of()));
    return top(union, batch.select(union, Math.min(k, union.size()), 0));
  }

  /**
   * The partition's m unlabeled items of lowest margin p(1) − p(2), as {@code cluster-margin}
   * ranks its candidates: key −margin, ties to the lower id.
   */
  private static Top lowestMargins(Rows rows, int m) {
    Subset unlabeled = Subset.unlabeledOf(rows);
    Matrix p = unlabeled.matrix(Signal.PROBABILITIES);
    double[] keys = new double[unlabeled.size()];
    for (int r = 0; r < keys.length; r++) {
      double[] top = Probabilities.top2(p, r);
      keys[r] = -(top[0] - top[1]);
    }
    int[] best = Ranking.topK(keys, Math.min(m, keys.length));
    return new Top(Arrays.stream(best).mapToLong(r -> unlabeled.ids()[r]).toArray(),
        Arrays.stream(best).mapToDouble(r -> keys[r]).toArray(), Arrays.stream(best).mapToDouble(r -> -keys[r])
        .toArray(), keys.length);
  }

  /** The picks of {@code selection} on {@code rows} as ids, with their scores. */
  static Top top(Subset rows, Selection selection) {
    long[] ids = Arrays.stream(selection.indices()).mapToLong(r -> rows.ids()[r]).toArray();
    return new Top(ids, selection.scores(), selection.scores(), rows.unlabeledCount());
  }

  static void requireUnlabeled(Subset rows) {
    requireUnlabeled(rows.unlabeledCount());
  }

  static void requireUnlabeled(long count) {
    if (count == 0) {
      throw new InvalidInputException("every pool item is labeled; expected at least one unlabeled item to pick");
    }
  }

  private static int[] sorted(int[] values) {
    int[] out = values.clone();
    Arrays.sort(out);
    return out;
  }

}
