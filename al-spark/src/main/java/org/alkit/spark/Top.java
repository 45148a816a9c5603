package org.alkit.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.alkit.api.InvalidInputException;
import org.alkit.commons.Ranking;

/**
 * Ranked items, best first: their ids, ranking keys and reported scores, and how many candidates
 * they were chosen from; or the one-line message of the bad input a task found instead
 * ({@code failure}). A task reports bad input as a value rather than failing: Spark would run it
 * again (up to {@code spark.task.maxFailures} times) and hand the driver only the text of the
 * exception, in a message naming the stage.
 */
record Top(long[] ids, double[] keys, double[] scores, long candidates, String failure) implements Serializable {
  private static final long serialVersionUID = 1L;

  Top(long[] ids, double[] keys, double[] scores, long candidates) {
    this(ids, keys, scores, candidates, null);
  }

  /** What {@code task} ranks, or the message of the {@link InvalidInputException} it throws. */
  static Top reporting(Supplier<Top> task) {
    try {
      return task.get();
    } catch (InvalidInputException e) {
      return new Top(new long[0], new double[0], new double[0], 0, e.getMessage());
    }
  }

  /**
   * The best {@code min(k, all candidates)} items of all the shards' tops, by alkit's rule:
   * higher ranking key first, ties to the lower id ({@link Ranking#topK} over the items in id
   * order). Primitive arrays throughout: {@code partitions × k} candidates cost a sort of their
   * ids and a binary search each, O(m log m) for m candidates, with no object per candidate.
   *
   * @throws InvalidInputException with the first shard's failure, or if an id occurs in two rows
   */
  static Top merge(List<Top> tops, int k) {
    for (Top top : tops) {
      if (top.failure != null) {
        throw new InvalidInputException(top.failure);
      }
    }
    long[] ids = tops.stream().flatMapToLong(t -> Arrays.stream(t.ids)).toArray();
    double[] keys = tops.stream().flatMapToDouble(t -> Arrays.stream(t.keys)).toArray();
    double[] scores = tops.stream().flatMapToDouble(t -> Arrays.stream(t.scores)).toArray();
    long candidates = tops.stream().mapToLong(Top::candidates).sum();
    // the candidates in id order, without boxing: each one's place among the sorted ids
    long[] sorted = ids.clone();
    Arrays.sort(sorted);
    for (int p = 1; p < sorted.length; p++) {
      if (sorted[p] == sorted[p - 1]) {
        throw new InvalidInputException("id " + sorted[p] + " names two pool items; expected unique ids");
      }
    }
    int[] byId = new int[ids.length];
    double[] keysById = new double[ids.length];
    for (int p = 0; p < ids.length; p++) {
      int place = Arrays.binarySearch(sorted, ids[p]);
      byId[place] = p;
      keysById[place] = keys[p];
    }
    int[] best = Ranking.topK(keysById, (int) Math.min(k, ids.length));
    long[] outIds = new long[best.length];
    double[] outKeys = new double[best.length];
    double[] outScores = new double[best.length];
    for (int r = 0; r < best.length; r++) {
      int at = byId[best[r]];
      outIds[r] = ids[at];
      outKeys[r] = keys[at];
      outScores[r] = scores[at];
    }
    return new Top(outIds, outKeys, outScores, candidates);
  }
}
