package org.alkit.backend.java;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.Similarity;
import org.alkit.api.SparseMatrix;
import org.alkit.commons.FloatExp;
import org.alkit.commons.SplitMix;

/**
 * Approximate k-nearest-neighbour similarity kernel by NN-Descent (Dong, Moses &amp; Li, "Efficient
 * K-Nearest Neighbor Graph Construction for Generic Similarity Measures", WWW 2011): "a neighbour
 * of a neighbour is likely a neighbour", with the initialisation and candidate handling of
 * PyNNDescent (McInnes, {@code pynndescent/pynndescent_.py}).
 *
 * <ol>
 *   <li>With K = k − 1, every item keeps a working list of {@code L} =
 *       ⌈{@value #LIST_FACTOR}·K⌉ neighbours. It starts with L distinct random ones; then the pairs
 *       inside the leaves (at most max(10, k) items) of min(32, 5 + round(n^¼))
 *       random-projection trees are offered to both lists (PyNNDescent's counts; each split is the
 *       perpendicular bisector of two random items of the node).</li>
 *   <li>Each iteration gathers, per item, up to {@code min(}{@value #MAX_CANDIDATES}{@code , 2L)}
 *       "new" and as many "old" candidates from its list and its reverse list (a random priority
 *       per entry, the smallest kept), marks the sampled new ones old, and runs the local join:
 *       every pair new×new and new×old of one item's candidates is compared and offered to both
 *       lists, so a pair of two old entries, already joined, is never compared again.</li>
 *   <li>It stops when fewer than δ·n·L list entries changed (δ = {@link #DELTA}) or after
 *       {@link #MAX_ITERATIONS}; each item keeps the K best of its working list.</li>
 * </ol>
 *
 * The constants are measured, not folklore. On uniform data in [0,1)^64 with k = 20, the
 * paper's setting (L = K, ⌈2ρK⌉ = 19 candidates with ρ = 0.5, 4 trees) converges to a recall@19
 * of 0.64 at n = 20 000 and 0.40 at n = 100 000; more iterations do not help, since the join has
 * run out of new pairs. What lifts it is the candidate cap of 60 (PyNNDescent's
 * {@code max_candidates}; it takes nearly the whole forward and reverse list, i.e. ρ = 1: 0.81 at
 * 20 000) and a working list longer than K (see {@link #LIST_FACTOR}): its extra entries keep near
 * misses alive as join partners, and the true neighbours are reached through them. The trees
 * matter less (0.64 with 4 trees, 0.67 with 17, in the paper's setting at 20 000) but save
 * iterations. A pair is rejected without its full distance once a partial sum exceeds the worst
 * list entry of both endpoints (PyNNDescent's push test, checked every {@value #ABANDON_STRIDE}
 * coordinates; partial sums of squares only grow, so the lists are the same as without it).
 * Recall on such data still falls with n: 0.99 at 20 000, 0.94 at 100 000, 0.74 at 10⁶ (a 720 s
 * build on 2 shared cores, 2.4 GB peak heap).
 *
 * <p>Neighbours are ranked by squared distance (euclidean) or by cosine of the normalised rows, with a
 * four-way-unrolled float sum; ties go to the lower index. The kernel then holds each item itself
 * plus its K neighbours (columns ascending) with the values of {@link #similarity}, bit-identical to
 * the {@code java} backend's {@code knnSimilarity}. With {@code 2·k ≥ n} the lists are
 * found by brute force instead (NN-Descent would compare nearly every pair anyway), so
 * {@code k ≥ n − 1} gives the exact kernel.
 *
 * <p>Deterministic for a seed and any thread count: random numbers come from one
 * {@link SplittableRandom} per fixed-size chunk or tree (split in order) or from a hash of
 * (seed, iteration, pair); the neighbour and candidate lists keep the best of everything offered
 * under a total order with duplicates rejected, so the order in which threads offer does not
 * change them; and the change count is read off the lists after each join. Memory beyond the data
 * and its one working copy: 9 bytes per working-list entry, 16 per candidate slot and the
 * 8·n·k bytes of the result (about 1.5 GB for n = 10⁶, k = 20).
 */
final class NnDescent {
  /**
   * L / K (L rounded up, at most n − 1). At n = 100 000 on uniform 64-d data, K = 19: recall 0.82
   * with L = 1.5·K, 0.89 with 2·K, 0.94 with 2.5·K, the last two at 5 100 and 6 800 compared pairs
   * an item in all (80 instead of 60 candidates with 2·K: 0.92 at 5 600).
   */
  static final double LIST_FACTOR = 2.5;
  /** Cap on the new (and on the old) join candidates per item: PyNNDescent's max_candidates. */
  static final int MAX_CANDIDATES = 60;
  /** δ: stop when fewer than δ·n·L entries changed in an iteration (the paper's 0.001). */
  static final double DELTA = 0.001;
  /** Upper bound on the local-join iterations; uniform 64-d data converges in 6 to 10. */
  static final int MAX_ITERATIONS = 30;
  /** Upper bound on the random-projection trees (PyNNDescent's). */
  static final int MAX_TREES = 32;
  /** Coordinates summed between two checks of the partial distance against its bound. */
  private static final int ABANDON_STRIDE = 16;
  /** Items per parallel work unit; fixed, so the random streams do not depend on thread count. */
  private static final int CHUNK = 4096;
  private static final int LOCK_STRIPES = 4096;
  private static final byte OLD = 0;
  private static final byte NEW = 1;
  /** Entered during the current join; counted, then turned into {@link #NEW}. */
  private static final byte INSERTED = 2;

  private final Matrix data;
  private final Similarity metric;
  private final int n;
  private final int d;
  /** K: the neighbours a row keeps, besides the item itself. */
  private final int kept;
  /** L: the working-list length, K for brute force. */
  private final int lists;
  private final float[] rows;
  private final int[] ids;
  private final float[] keys;
  private final byte[] flags;
  private final Object[] locks = new Object[LOCK_STRIPES];
  private final long seed;
  private final JavaBackend backend;

  private NnDescent(Matrix data, Similarity metric, int k, int lists, long seed,
      JavaBackend backend) {
    this.data = data;
    this.metric = metric;
    this.n = data.rows();
    this.d = data.cols();
    this.kept = k - 1;
    this.lists = lists;
    this.seed = seed;
    this.backend = backend;
    this.rows = workingCopy(data, metric);
    int entries = Math.multiplyExact(n, lists);
    this.ids = new int[entries];
    this.keys = new float[entries];
    this.flags = new byte[entries];
    Arrays.fill(ids, Integer.MAX_VALUE);
    Arrays.fill(keys, Float.POSITIVE_INFINITY);
    for (int s = 0; s < LOCK_STRIPES; s++) {
      locks[s] = new Object();
    }
  }

  /**
   * The approximate k-NN similarity kernel of {@code data} with itself: n × n, {@code k}
   * entries a row (the item itself among them), on the backend's workers.
   *
   * @param metric {@link Similarity#EUCLIDEAN} or {@link Similarity#COSINE}
   * @param k entries a row, 1 ≤ k ≤ n
   * @throws InvalidInputException naming {@code k} when it is out of range, or the similarity
   *     when it is not a distance NN-Descent can descend
   */
  static SparseMatrix kernel(Matrix data, Similarity metric, int k, long seed, JavaBackend backend) {
    int n = data.rows();
    if (k < 1 || k > n) {
      throw new InvalidInputException("k = " + k + ": expected 1 <= k <= n = " + n
          + " for the approximate k-NN graph");
    }
    if (metric != Similarity.EUCLIDEAN && metric != Similarity.COSINE) {
      throw new InvalidInputException("similarity '" + metric.key() + "': the approximate k-NN"
          + " graph (NN-Descent) needs a distance, expected euclidean or cosine; use the exact graph");
    }
    boolean exhaustive = 2L * k >= n;
    int lists = exhaustive ? k - 1 : (int) Math.min(n - 1, Math.ceil(LIST_FACTOR * (k - 1)));
    NnDescent g = new NnDescent(data, metric, k, lists, seed, backend);
    if (k > 1 && exhaustive) {
      g.bruteForce();
    } else if (k > 1) {
      g.randomLists();
      g.projectionTrees();
      g.descend();
    }
    return g.result();
  }

  /**
   * s(x_i, x_j) exactly as the {@code java} backend computes it
   * ({@code org.alkit.backend.java.JavaBackend.Transform}, after submodlib's
   * {@code cpp/utils/helper.cpp}): euclidean {@link FloatExp#euclideanSimilarity} of ‖x_i − x_j‖² and cosine
   * {@code x_i·x_j / (‖x_i‖·‖x_j‖)}, 0 when a norm is 0, all in float with the fused multiply-add
   * chains of {@link Matrix#squaredDistance} and {@link Matrix#dot}.
   */
  static float similarity(Matrix m, Similarity metric, int i, int j, float[] norms) {
    if (metric == Similarity.EUCLIDEAN) {
      return FloatExp.euclideanSimilarity(m.squaredDistance(i, m, j), (float) (1.0 / m.cols()));
    }
    float product = norms[i] * norms[j];
    return product == 0f ? 0f : m.dot(i, m, j) / product;
  }

  /** ‖x_i‖ as the backend computes it, for {@link #similarity} with cosine. */
  static float norm(Matrix m, int i) {
    return (float) Math.sqrt(m.dot(i, m, i));
  }

  /** Compact row-major copy; rows scaled to unit norm for cosine (zero rows stay zero). */
  private static float[] workingCopy(Matrix data, Similarity metric) {
    float[] x = data.toArray();
    if (metric == Similarity.COSINE) {
      int d = data.cols();
      for (int i = 0; i < data.rows(); i++) {
        float norm = norm(data, i);
        for (int c = 0; norm > 0f && c < d; c++) {
          x[i * d + c] /= norm;
        }
      }
    }
    return x;
  }

  /** The ranking key of a pair, smaller is closer: squared distance, or minus the cosine. */
  private float key(int a, int b) {
    return key(a, b, Float.POSITIVE_INFINITY);
  }

  /**
   * {@link #key(int, int)}, or for euclidean any partial sum above {@code bound} once one is: the
   * four partial sums of squares only grow, so the full key would exceed the bound too.
   */
  private float key(int a, int b, float bound) {
    int pa = a * d;
    int pb = b * d;
    float s0 = 0f;
    float s1 = 0f;
    float s2 = 0f;
    float s3 = 0f;
    int c = 0;
    if (metric == Similarity.EUCLIDEAN) {
      while (c + 3 < d) {
        for (int end = Math.min(d - 3, c + ABANDON_STRIDE); c < end; c += 4) {
          float t0 = rows[pa + c] - rows[pb + c];
          float t1 = rows[pa + c + 1] - rows[pb + c + 1];
          float t2 = rows[pa + c + 2] - rows[pb + c + 2];
          float t3 = rows[pa + c + 3] - rows[pb + c + 3];
          s0 += t0 * t0;
          s1 += t1 * t1;
          s2 += t2 * t2;
          s3 += t3 * t3;
        }
        float partial = (s0 + s1) + (s2 + s3);
        if (partial > bound) {
          return finite(partial);
        }
      }
      for (; c < d; c++) {
        float t = rows[pa + c] - rows[pb + c];
        s0 += t * t;
      }
      return finite((s0 + s1) + (s2 + s3));
    }
    for (; c + 3 < d; c += 4) {
      s0 += rows[pa + c] * rows[pb + c];
      s1 += rows[pa + c + 1] * rows[pb + c + 1];
      s2 += rows[pa + c + 2] * rows[pb + c + 2];
      s3 += rows[pa + c + 3] * rows[pb + c + 3];
    }
    for (; c < d; c++) {
      s0 += rows[pa + c] * rows[pb + c];
    }
    return finite(-((s0 + s1) + (s2 + s3)));
  }

  /** Overflowed or undefined keys rank last, so the lists still fill and order totally. */
  private static float finite(float key) {
    return key < Float.MAX_VALUE ? key : Float.MAX_VALUE;
  }

  /**
   * Offers {@code id} at {@code key} to the list of {@code row} (a max-heap, worst on top): it
   * enters when it beats the worst entry under (key, index) and is not there yet.
   */
  private void offer(int row, float key, int id, byte flag) {
    int base = row * lists;
    if (key > keys[base]) { // racy read: the top only ever gets better, so a stale one is looser
      return;
    }
    synchronized (locks[row & (LOCK_STRIPES - 1)]) {
      if (key > keys[base] || (key == keys[base] && id >= ids[base])) {
        return;
      }
      for (int p = base; p < base + lists; p++) {
        if (ids[p] == id) {
          return;
        }
      }
      replaceTop(base, key, id, flag);
    }
  }

  /**
   * Replaces the top and sifts the new entry down by moving the hole, so the top goes straight
   * from the old worst to the new worst and a racing {@link #offer} never sees a better one.
   */
  private void replaceTop(int base, float key, int id, byte flag) {
    int p = 0;
    while (true) {
      int c = 2 * p + 1;
      if (c >= lists) {
        break;
      }
      if (c + 1 < lists && worse(base + c + 1, keys[base + c], ids[base + c])) {
        c++;
      }
      if (!worse(base + c, key, id)) {
        break;
      }
      keys[base + p] = keys[base + c];
      ids[base + p] = ids[base + c];
      flags[base + p] = flags[base + c];
      p = c;
    }
    keys[base + p] = key;
    ids[base + p] = id;
    flags[base + p] = flag;
  }

  /** Whether entry {@code p} ranks after (key, id). */
  private boolean worse(int p, float key, int id) {
    return keys[p] > key || (keys[p] == key && ids[p] > id);
  }

  /** Runs {@code body} on items {@code [0, count)} in chunks of {@link #CHUNK}. */
  private void forChunks(int count, IntConsumer body) {
    forTasks((count + CHUNK - 1) / CHUNK, c -> {
      for (int i = c * CHUNK, end = Math.min(count, i + CHUNK); i < end; i++) {
        body.accept(i);
      }
    });
  }

  /** Runs tasks {@code [0, count)} on the backend's workers. */
  private void forTasks(int count, IntConsumer task) {
    backend.parallelFor(count, task);
  }

  /** {@code count} random streams, split from the seed in order. */
  private SplittableRandom[] streams(int count) {
    SplittableRandom master = new SplittableRandom(seed);
    SplittableRandom[] out = new SplittableRandom[count];
    for (int c = 0; c < count; c++) {
      out[c] = master.split();
    }
    return out;
  }

  private void bruteForce() {
    forChunks(n, i -> {
      for (int j = 0; j < n; j++) {
        if (j != i) {
          offer(i, key(i, j, keys[i * lists]), j, NEW);
        }
      }
    });
  }

  private void randomLists() {
    SplittableRandom[] streams = streams((n + CHUNK - 1) / CHUNK);
    forChunks(n, i -> {
      SplittableRandom rng = streams[i / CHUNK];
      int base = i * lists;
      while (keys[base] == Float.POSITIVE_INFINITY) { // a free slot stays on top until all are full
        int j = rng.nextInt(n);
        if (j != i) {
          offer(i, key(i, j), j, NEW);
        }
      }
    });
  }

  /**
   * Offers all pairs inside the leaves of min({@value #MAX_TREES}, 5 + round(n^¼))
   * random-projection trees with leaves of at most max(10, K + 1) items, PyNNDescent's defaults.
   */
  private void projectionTrees() {
    int leafSize = Math.max(10, kept + 1);
    int trees = (int) Math.min(MAX_TREES, 5 + Math.round(Math.pow(n, 0.25)));
    SplittableRandom[] streams = streams(trees);
    forTasks(trees, t -> {
      int[] items = IntStream.range(0, n).toArray();
      split(items, 0, n, leafSize, streams[t], new float[d]);
    });
  }

  private void split(int[] items, int from, int to, int leafSize, SplittableRandom rng, float[] normal) {
    while (to - from > leafSize) {
      int a = items[from + rng.nextInt(to - from)];
      int b = items[from + rng.nextInt(to - from)];
      float offset = 0f;
      for (int c = 0; c < d; c++) {
        normal[c] = rows[a * d + c] - rows[b * d + c];
        offset += normal[c] * (rows[a * d + c] + rows[b * d + c]) * 0.5f;
      }
      int lo = from;
      int hi = to;
      while (lo < hi) {
        int p = items[lo] * d;
        float side = -offset;
        for (int c = 0; c < d; c++) {
          side += normal[c] * rows[p + c];
        }
        if (side > 0f || (side == 0f && rng.nextBoolean())) {
          lo++;
        } else {
          int swap = items[--hi];
          items[hi] = items[lo];
          items[lo] = swap;
        }
      }
      if (lo == from || lo == to) { // duplicates or a = b: halve instead
        lo = (from + to) >>> 1;
      }
      if (lo - from < to - lo) { // recurse into the smaller side: depth <= log2 n
        split(items, from, lo, leafSize, rng, normal);
        from = lo;
      } else {
        split(items, lo, to, leafSize, rng, normal);
        to = lo;
      }
    }
    for (int p = from; p < to; p++) {
      for (int q = p + 1; q < to; q++) {
        pair(items[p], items[q], NEW);
      }
    }
  }

  private void descend() {
    int slots = Math.min(MAX_CANDIDATES, 2 * lists);
    Candidates fresh = new Candidates(n, slots);
    Candidates old = new Candidates(n, slots);
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      sample(iteration, fresh, old);
      forChunks(n, v -> join(v, fresh, old));
      long changed = 0;
      for (int p = 0; p < flags.length; p++) {
        if (flags[p] == INSERTED) {
          flags[p] = NEW;
          changed++;
        }
      }
      if (changed < DELTA * n * lists) {
        return;
      }
    }
  }

  /**
   * Fills the candidate lists from the neighbour lists and their reverses (under the lock of the
   * receiving item; what a list keeps does not depend on the order) and marks the new entries
   * sampled forward as old.
   */
  private void sample(int iteration, Candidates fresh, Candidates old) {
    fresh.clear();
    old.clear();
    forChunks(n, i -> {
      for (int p = i * lists, end = p + lists; p < end; p++) {
        int j = ids[p];
        int priority = priority(iteration, i, j);
        Candidates into = flags[p] == OLD ? old : fresh;
        synchronized (locks[i & (LOCK_STRIPES - 1)]) {
          into.offer(i, j, priority);
        }
        synchronized (locks[j & (LOCK_STRIPES - 1)]) {
          into.offer(j, i, priority);
        }
      }
    });
    forChunks(n, i -> {
      for (int p = i * lists, end = p + lists; p < end; p++) {
        if (flags[p] == NEW && fresh.contains(i, ids[p])) {
          flags[p] = OLD;
        }
      }
    });
  }

  /**
   * A random priority for the pair {i, j} in {@code iteration}, from the seed alone and symmetric,
   * so j offered to i's candidates from either list carries the same one.
   */
  private int priority(int iteration, int i, int j) {
    return (int) (SplitMix.mix(SplitMix.mix(SplitMix.mix(seed + iteration) + Math.min(i, j))
        + Math.max(i, j)) >>> 33);
  }

  /** The local join of item {@code v}: new×new and new×old pairs of its candidates. */
  private void join(int v, Candidates fresh, Candidates old) {
    int nb = v * fresh.slots;
    int nf = fresh.size[v];
    int ob = v * old.slots;
    int no = old.size[v];
    for (int x = 0; x < nf; x++) {
      int a = fresh.ids[nb + x];
      for (int y = x + 1; y < nf; y++) {
        pair(a, fresh.ids[nb + y], INSERTED);
      }
      for (int y = 0; y < no; y++) {
        pair(a, old.ids[ob + y], INSERTED);
      }
    }
  }

  /**
   * Offers a and b to each other's lists, skipping the rest of the distance once it is beyond
   * both current worst keys (a racy read: they only ever get better, so a stale one is looser).
   */
  private void pair(int a, int b, byte flag) {
    if (a != b) {
      float k = key(a, b, Math.max(keys[a * lists], keys[b * lists]));
      offer(a, k, b, flag);
      offer(b, k, a, flag);
    }
  }

  /**
   * Each item itself plus the K best of its list, columns ascending, with the backend's similarity
   * values.
   */
  private SparseMatrix result() {
    int k = kept + 1;
    float[] norms = new float[metric == Similarity.COSINE ? n : 0];
    for (int i = 0; i < norms.length; i++) {
      norms[i] = norm(data, i);
    }
    int[] cols = new int[n * k];
    float[] vals = new float[n * k];
    forChunks(n, i -> {
      int base = i * k;
      cols[base] = i;
      long[] ranked = new long[lists];
      for (int p = 0; p < lists; p++) {
        ranked[p] = (long) sortable(keys[i * lists + p]) << 32 | ids[i * lists + p];
      }
      Arrays.sort(ranked);
      for (int p = 0; p < kept; p++) {
        cols[base + 1 + p] = (int) ranked[p];
      }
      Arrays.sort(cols, base, base + k);
      for (int p = base; p < base + k; p++) {
        vals[p] = similarity(data, metric, i, cols[p], norms);
      }
    });
    long[] rowPtr = new long[n + 1];
    for (int i = 0; i <= n; i++) {
      rowPtr[i] = (long) i * k;
    }
    return new SparseMatrix(n, n, rowPtr, cols, vals);
  }

  /** An int whose signed order is the order of the non-NaN float {@code key}. */
  private static int sortable(float key) {
    int bits = Float.floatToIntBits(key);
    return bits ^ ((bits >> 31) & Integer.MAX_VALUE);
  }

  /**
   * Bounded per-item candidate lists: each keeps the {@code slots} distinct entries of smallest
   * (priority, id) offered to it, in a max-heap with the last-ranked on top.
   */
  private static final class Candidates {
    final int slots;
    final int[] ids;
    final int[] priorities;
    final int[] size;

    Candidates(int n, int slots) {
      this.slots = slots;
      this.ids = new int[Math.multiplyExact(n, slots)];
      this.priorities = new int[ids.length];
      this.size = new int[n];
    }

    void clear() {
      Arrays.fill(size, 0);
    }

    boolean contains(int item, int id) {
      for (int p = item * slots, end = p + size[item]; p < end; p++) {
        if (ids[p] == id) {
          return true;
        }
      }
      return false;
    }

    /** Offers {@code id}; the kept set depends only on the set offered, not on the order. */
    void offer(int item, int id, int priority) {
      int base = item * slots;
      int s = size[item];
      if (s == slots && !before(priority, id, base)) {
        return;
      }
      if (contains(item, id)) {
        return;
      }
      int p;
      if (s < slots) { // sift up from the end
        p = s;
        size[item] = s + 1;
        while (p > 0 && !before(priority, id, base + (p - 1) / 2)) { // parent ranks first
          move(base + (p - 1) / 2, base + p);
          p = (p - 1) / 2;
        }
      } else { // replace the top and sift down
        p = 0;
        while (2 * p + 1 < slots) {
          int c = 2 * p + 1;
          if (c + 1 < slots && before(priorities[base + c], ids[base + c], base + c + 1)) {
            c++;
          }
          if (!before(priority, id, base + c)) {
            break;
          }
          move(base + c, base + p);
          p = c;
        }
      }
      ids[base + p] = id;
      priorities[base + p] = priority;
    }

    /** Whether (priority, id) comes before slot {@code q}: smaller priority, then smaller id. */
    private boolean before(int priority, int id, int q) {
      return priority < priorities[q] || (priority == priorities[q] && id < ids[q]);
    }

    private void move(int from, int to) {
      ids[to] = ids[from];
      priorities[to] = priorities[from];
    }
  }
}
