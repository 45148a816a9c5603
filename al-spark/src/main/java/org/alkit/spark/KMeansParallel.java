package org.alkit.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.alkit.api.ComputeBackend;
import org.alkit.api.Matrix;
import org.alkit.api.Signal;
import org.alkit.commons.GradientCentreTracker;
import org.alkit.commons.GradientEmbeddings;
import org.alkit.commons.Ranking;
import org.alkit.commons.SplitMix;

/**
 * BADGE at scale: the k-means‖ seeding of Bahmani, Moseley, Vattani, Kumar &amp; Vassilvitskii
 * ("Scalable K-Means++", VLDB 2012) in place of sequential k-means++, on the gradient embeddings
 * g ⊗ h of {@code badge} (Ash et al., ICLR 2020).
 *
 * <ol>
 *   <li>The first centre is BADGE's: the unlabeled item of largest ‖g‖‖h‖ (ties to the lower id),
 *       one pass.</li>
 *   <li>{@value #ROUNDS} rounds, one pass each: every task computes D²(x), the squared gradient-embedding
 *       distance of each of its unlabeled items to the nearest centre so far (the
 *       {@link GradientCentreTracker} BADGE uses), and keeps its ℓ = 2k items of largest key
 *       ln(u_x) / D²(x), u_x a uniform value hashed from the seed, the round and the item's id;
 *       the driver adds the global best ℓ to the centres. Those are ℓ draws without replacement
 *       with probability ∝ D² (Efraimidis &amp; Spirakis, "Weighted random sampling with a
 *       reservoir", IPL 2006), where k-means‖ draws each item independently with probability
 *       ℓ·D²/φ: the same expected share, and the draws of an item depend on its id alone, so the
 *       candidates do not depend on the partitioning.</li>
 *   <li>One pass weighs each candidate by the unlabeled items nearest to it (ties to the earlier
 *       candidate).</li>
 *   <li>The driver runs k-means++ on the ≤ 1 + {@value #ROUNDS}·ℓ weighted candidates (Bahmani et al.'s
 *       reclustering step), from the first centre, each next one drawn with probability ∝
 *       w·D² by a generator seeded with the seed; the k centres are the picks, each scored by D at
 *       its draw (the first: its norm), as BADGE scores.</li>
 * </ol>
 *
 * <p>Cost: {@value #ROUNDS} + 2 passes over the pool; a task holds its partition's signals and the
 * candidates, and the weighing pass builds the candidates' and 4 096 items' explicit C·d gradient
 * embeddings at a time. The picks are not those of the single machine's sequential k-means++,
 * with one partition or many; the quality is measured against it (docs/spark.md).
 */
final class KMeansParallel {
  /** Rounds of oversampling: Bahmani et al. found 5 enough with ℓ = 2k. */
  static final int ROUNDS = 5;
  private static final int BLOCK = 4096;

  private KMeansParallel() {}

  static Top select(Pool pool, Batch batch) {
    int k = batch.shard().budget();
    long seed = batch.shard().seed();
    int oversampling = (int) Math.min(Integer.MAX_VALUE / (ROUNDS + 1), 2L * k);
    List<Picked> norms = pool.map(rows -> Picked.reporting(() -> largestNorm(rows.get().requireFinite())));
    Subset centres = best(norms, 1);
    BatchDiversity.requireUnlabeled(centres.size());
    for (int round = 1; round <= ROUNDS; round++) {
      Subset known = centres;
      int r = round;
      centres = Subset.union(List.of(centres,
          best(pool.map(rows -> Picked.reporting(() -> draws(rows.get(), known, oversampling, seed, r))), oversampling)));
    }
    Subset candidates = centres;
    long[] weights = pool.map(rows -> weights(rows.get(), candidates)).stream()
        .reduce(new long[candidates.size()], KMeansParallel::sum);
    return recluster(candidates, weights, first(norms), Math.min(k, candidates.size()), seed);
  }

  /** The partition's unlabeled item of largest squared gradient-embedding norm, and that norm. */
  private static Picked largestNorm(Rows rows) {
    Subset unlabeled = Subset.unlabeledOf(rows);
    if (unlabeled.size() == 0) {
      return new Picked(unlabeled, new long[0], new double[0], null);
    }
    double[] norms;
    try (ComputeBackend backend = backend(); GradientCentreTracker tracker = tracker(backend, unlabeled)) {
      norms = tracker.squaredNorms();
    }
    int best = Ranking.argmax(norms);
    return new Picked(unlabeled.rows(new int[] {best}), new long[] {unlabeled.ids()[best]},
        new double[] {norms[best]}, null);
  }

  /**
   * The partition's {@code l} unlabeled non-centre items of largest key ln(u)/D² (−∞ where D² = 0:
   * such an item comes last, ties to the lower id), with their keys.
   */
  private static Picked draws(Rows rows, Subset centres, int l, long seed, int round) {
    Subset unlabeled = Subset.unlabeledOf(rows);
    int n = unlabeled.size();
    int[] fresh = IntStream.range(0, n).filter(x -> Arrays.binarySearch(centres.ids(), unlabeled.ids()[x]) < 0)
        .toArray();
    double[] d2 = distances(Subset.union(List.of(unlabeled.rows(fresh), centres)), fresh.length);
    double[] keys = new double[fresh.length];
    for (int x = 0; x < fresh.length; x++) {
      long id = unlabeled.ids()[fresh[x]];
      double u = ((SplitMix.mix(SplitMix.mix(seed ^ round * 0x9E3779B97F4A7C15L) ^ id) >>> 11) + 0.5) / (1L << 53);
      keys[x] = d2[x] > 0 ? Math.log(u) / d2[x] : Double.NEGATIVE_INFINITY;
    }
    int[] best = Ranking.topK(keys, Math.min(l, keys.length));
    int[] rowsKept = Arrays.stream(best).map(x -> fresh[x]).sorted().toArray();
    return new Picked(unlabeled.rows(rowsKept), Arrays.stream(best).mapToLong(x -> unlabeled.ids()[fresh[x]])
        .toArray(), Arrays.stream(best).mapToDouble(x -> keys[x]).toArray(), null);
  }

  /**
   * D² of the first {@code items} rows of {@code rows} (union order: ids ascending, so the
   * items' rows are found by id) to the others, the centres.
   */
  private static double[] distances(Subset all, int items) {
    double[] d2;
    try (ComputeBackend backend = backend(); GradientCentreTracker tracker = tracker(backend, all)) {
      for (int r = 0; r < all.size(); r++) {
        if (all.labeled()[r]) {
          tracker.add(r);
        }
      }
      d2 = new double[all.size()];
      tracker.squaredDistances(d2);
    }
    double[] out = new double[items];
    int at = 0;
    for (int r = 0; r < all.size(); r++) {
      if (!all.labeled()[r]) {
        out[at++] = d2[r];
      }
    }
    return out;
  }

  /** How many of the partition's unlabeled items each candidate is nearest to. */
  private static long[] weights(Rows rows, Subset candidates) {
    Subset unlabeled = Subset.unlabeledOf(rows);
    long[] counts = new long[candidates.size()];
    try (ComputeBackend backend = backend()) {
      Matrix centres = gradients(candidates, 0, candidates.size());
      for (int from = 0; from < unlabeled.size(); from += BLOCK) {
        int[] nearest = backend.nearest(gradients(unlabeled, from, Math.min(unlabeled.size(), from + BLOCK)),
            centres).index();
        for (int c : nearest) {
          counts[c]++;
        }
      }
    }
    return counts;
  }

  /**
   * k-means++ on the candidates, each weighted: {@code first} (a row of {@code candidates}), then
   * draws with probability ∝ w·D².
   */
  private static Top recluster(Subset candidates, long[] weights, long firstId, int k, long seed) {
    int first = Arrays.binarySearch(candidates.ids(), firstId);
    SplittableRandom random = new SplittableRandom(seed);
    long[] ids = new long[k];
    double[] scores = new double[k];
    double[] d2 = new double[candidates.size()];
    try (ComputeBackend backend = backend(); GradientCentreTracker tracker = tracker(backend, candidates)) {
      ids[0] = firstId;
      scores[0] = Math.sqrt(tracker.squaredNorms()[first]);
      tracker.add(first);
      for (int t = 1; t < k; t++) {
        tracker.squaredDistances(d2);
        int next = draw(d2, weights, tracker, random.nextDouble());
        ids[t] = candidates.ids()[next];
        scores[t] = Math.sqrt(d2[next]);
        tracker.add(next);
      }
    }
    return new Top(ids, scores, scores, candidates.size());
  }

  /**
   * The first non-centre candidate at which the running sum of w·D² (ascending id) exceeds u times
   * the total; the lowest non-centre candidate when the total is 0 (duplicates).
   */
  private static int draw(double[] d2, long[] weights, GradientCentreTracker tracker, double u) {
    double total = 0;
    for (int c = 0; c < d2.length; c++) {
      total += tracker.isCentre(c) ? 0 : weights[c] * d2[c];
    }
    double target = u * total;
    double sum = 0;
    int last = -1;
    for (int c = 0; c < d2.length; c++) {
      if (tracker.isCentre(c)) {
        continue;
      }
      if (last < 0 && total == 0) {
        return c;
      }
      double mass = weights[c] * d2[c];
      if (mass > 0) {
        sum += mass;
        last = c;
        if (sum > target) {
          return c;
        }
      }
    }
    return last;
  }

  /** The best {@code l} of the tasks' items by key (ties to the lower id), with their rows. */
  private static Subset best(List<Picked> tasks, int l) {
    List<Top> tops = new ArrayList<>();
    List<Subset> rows = new ArrayList<>();
    for (Picked p : tasks) {
      tops.add(p.failure() != null ? new Top(new long[0], new double[0], new double[0], 0, p.failure())
          : new Top(p.order(), p.scores(), p.scores(), p.order().length));
      rows.add(p.rows() == null ? Subset.union(List.of()) : p.rows());
    }
    Top top = Top.merge(tops, l);
    Subset all = Subset.union(rows);
    long[] keep = top.ids().clone();
    Arrays.sort(keep);
    Subset kept = all.rows(Arrays.stream(keep).mapToInt(id -> Arrays.binarySearch(all.ids(), id)).toArray());
    boolean[] centre = new boolean[kept.size()];
    Arrays.fill(centre, true); // centres are marked labeled in the subsets the tasks receive
    return new Subset(kept.ids(), centre, null, kept.values(), kept.widths());
  }

  private static long first(List<Picked> norms) {
    return best(norms, 1).ids()[0];
  }

  private static GradientCentreTracker tracker(ComputeBackend backend, Subset rows) {
    return GradientCentreTracker.of(backend, rows.matrix(Signal.PROBABILITIES), rows.matrix(Signal.EMBEDDINGS),
        IntStream.range(0, rows.size()).toArray());
  }

  private static Matrix gradients(Subset rows, int from, int to) {
    int[] at = IntStream.range(from, to).toArray();
    return GradientEmbeddings.of(rows.matrix(Signal.PROBABILITIES).select(at),
        rows.matrix(Signal.EMBEDDINGS).select(at));
  }

  private static ComputeBackend backend() {
    return Shard.registry().createBackend("java", Map.of("threads", "1"));
  }

  private static long[] sum(long[] a, long[] b) {
    long[] out = a.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] += b[i];
    }
    return out;
  }
}
