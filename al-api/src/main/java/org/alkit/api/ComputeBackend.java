package org.alkit.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.Optional;
import java.util.function.IntConsumer;
import org.apiguardian.api.API;

/**
 * Every heavy loop and every thread of alkit. Strategies call these primitives through
 * {@link SelectionContext#backend()} and never start a thread, create an executor or use
 * parallel streams themselves: the backend decides threads and devices (DJL's engine model, where
 * models call {@code NDArray} operations and the engine owns intra-op threads). The pure-Java
 * backend ({@code java}, module al-backend-java) works in row blocks on a pool of {@link #threads()}
 * workers; al-gpu adds a DJL backend for CPU or CUDA.
 *
 * <p><b>Lifecycle.</b> A backend is {@link AutoCloseable}; whoever creates it closes it (the
 * Guice-wired run, a CLI command, a test), which shuts its workers down. Strategies never close
 * the backend they are given.
 *
 * <p><b>Determinism (every backend must give it).</b> For the same inputs, every primitive returns
 * the same result on any number of threads, run after run: each output element is computed by one
 * thread in a fixed order, and reductions over several threads are combined in a fixed order. A
 * seeded primitive ({@link #approximateKnnSimilarity}) depends on its seed alone. Two different
 * backends may differ in the last bits of floating-point results (a GPU sums in another order);
 * strategies therefore never compare floats across backends.
 *
 * <p><b>Exactness (the {@code java} backend gives it; golden tests rely on it).</b>
 * {@link #squaredDistances}, {@link #nearest} and the euclidean {@link #similarity} evaluate
 * ‖a − b‖² as the fused multiply-add chain of {@link Matrix#squaredDistance} and dot products as
 * that of {@link Matrix#dot}, bit for bit; a matrix against itself ({@code a == b}, the same
 * instance) gives an exactly symmetric result. Another backend documents how far it departs.
 *
 * <p><b>Ties.</b> Nearest and k-nearest break ties towards the lower reference index; {@link #topK}
 * and the centre trackers' {@link CentreTracker#farthest()} towards the lower position.
 *
 * <p><b>Memory.</b> {@link #nearest}, {@link #knnSimilarity} and the trackers need
 * {@code O(block · (d + tile))} working memory a worker beyond their output, never
 * {@code |a| × |b|}. The dense kernels ({@link #squaredDistances}, {@link #gram},
 * {@link #similarity}) allocate the whole {@code |a| × |b|} result and are meant for blocks or
 * small sets.
 *
 * <p>Each primitive is batched (whole matrices or index sets in, arrays out), so a tensor engine
 * can serve it with a few device calls; only {@link #parallelFor} takes a callback, for work that
 * is not numeric kernels.
 *
 * <p><b>Status.</b> The interface is stable; the primitives whose signatures carry an experimental
 * type ({@link Neighbors}, {@link Similarity}, {@link SparseMatrix}, {@link CentreTracker}) are
 * experimental with it.
 */
@API(status = STABLE, since = "0.1")
public interface ComputeBackend extends AutoCloseable {

  /** The name configuration selects the backend by, e.g. {@code java}. */
  String name();

  // ---------------------------------------------------------------- execution

  /**
   * The number of worker threads this backend runs on; {@code 1} means that every primitive and
   * every {@link #parallelFor} runs on the calling thread and no pool exists.
   */
  default int threads() {
    return 1;
  }

  /**
   * Runs {@code body.accept(t)} for every task {@code t} in {@code [0, tasks)} on the backend's
   * workers and returns when all have finished. Tasks must write disjoint outputs; callers fix the
   * task boundaries independently of {@link #threads()} (e.g. chunks of 4 096 rows) and combine
   * results in task order, so the outcome does not depend on the thread count. With one thread
   * the tasks run in ascending order on the caller. If tasks throw, the exception of the lowest
   * failing task is rethrown after all have stopped.
   *
   * <p>The default runs the tasks in order on the caller.
   */
  default void parallelFor(int tasks, IntConsumer body) {
    for (int t = 0; t < tasks; t++) {
      body.accept(t);
    }
  }

  /**
   * Positions of the {@code k} largest scores, best first; ties go to the lower position.
   *
   * @throws InvalidInputException if a score is NaN or {@code k} is outside {@code [0, scores.length]}
   */
  int[] topK(double[] scores, int k);

  // ---------------------------------------------------------------- pairwise blocks

  /**
   * For each row of {@code queries}, its nearest row of {@code references} by squared L2, ties to
   * the lower reference index; index −1 and distance +∞ when {@code references} has no rows.
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  Neighbors nearest(Matrix queries, Matrix references);

  /** Dense {@code |a| × |b|} squared Euclidean distances ‖a_i − b_j‖². */
  Matrix squaredDistances(Matrix a, Matrix b);

  /** Dense {@code |a| × |b|} dot products a_i · b_j. */
  Matrix gram(Matrix a, Matrix b);

  /** Dense {@code |a| × |b|} similarities s(a_i, b_j), see {@link Similarity}. */
  @API(status = EXPERIMENTAL, since = "0.1")
  Matrix similarity(Matrix a, Matrix b, Similarity similarity);

  /**
   * Exact sparse k-nearest-neighbour similarities: row {@code i} holds the {@code k} rows of
   * {@code b} most similar to {@code a_i} (ties to the lower index), columns ascending;
   * {@code O(|a| · |b| · d)} time, {@code O(|a| · k)} memory.
   *
   * @throws InvalidInputException if {@code k} is outside {@code [0, |b|]} or the widths differ
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  SparseMatrix knnSimilarity(Matrix a, Matrix b, Similarity similarity, int k);

  /**
   * An approximate k-nearest-neighbour similarity graph of {@code data} with itself, n × n with
   * {@code k} entries a row, the item itself among them, columns ascending, values the exact
   * similarities of the pairs found. Reproducible: the result depends on {@code seed} and the
   * inputs alone, not on the thread count. The {@code java} backend runs NN-Descent (Dong, Moses
   * &amp; Li, WWW 2011), about {@code O(n · k² · d)} per iteration.
   *
   * <p>The default is the exact graph, {@code knnSimilarity(data, data, similarity, k)}.
   *
   * @throws InvalidInputException if {@code k} is outside {@code [1, n]}, or the backend cannot
   *     search {@code similarity} approximately (NN-Descent needs euclidean or cosine)
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  default SparseMatrix approximateKnnSimilarity(Matrix data, Similarity similarity, int k, long seed) {
    return knnSimilarity(data, data, similarity, k);
  }

  /**
   * The radius-neighbour graph: row {@code i} holds every row {@code j} of {@code references}
   * with ‖queries_i − references_j‖ &lt; {@code radius} (compared as ‖·‖² &lt; radius², the squared
   * distances those of {@link #squaredDistances}), columns ascending, values the squared
   * distances. This is ProbCover's δ-ball graph (Yehuda et al., NeurIPS 2022). Time
   * {@code O(|q| · |r| · d)}; memory the entries found plus the working memory of
   * {@link #nearest}, never {@code |q| × |r|}. With {@code queries == references} (the same
   * instance) the graph is symmetric bit for bit and holds each row itself whenever
   * {@code radius > 0}.
   *
   * <p>The default evaluates {@link #squaredDistances} on blocks of query rows of at most
   * 2²⁰ cells.
   *
   * @throws InvalidInputException if {@code radius} is negative or NaN, or the widths differ
   */
  @API(status = EXPERIMENTAL, since = "0.3")
  default SparseMatrix withinRadius(Matrix queries, Matrix references, double radius) {
    RadiusGraph.checkRadius(radius, queries, references);
    RadiusGraph.Builder graph = new RadiusGraph.Builder(queries.rows(), references.rows());
    int step = Math.max(1, (1 << 20) / Math.max(1, references.rows()));
    double limit = radius * radius;
    for (int i0 = 0; i0 < queries.rows(); i0 += step) {
      int i1 = Math.min(queries.rows(), i0 + step);
      Matrix block = squaredDistances(queries.rows(i0, i1), references);
      for (int i = 0; i < block.rows(); i++) {
        for (int j = 0; j < block.cols(); j++) {
          float d2 = block.get(i, j);
          if (d2 < limit) {
            graph.add(i0 + i, j, d2);
          }
        }
      }
    }
    return graph.build();
  }

  // ---------------------------------------------------------------- nearest-centre state

  /**
   * A {@link CentreTracker} over squared Euclidean distances: the tracked points are rows
   * {@code points[x]} of {@code data} ({@code x} in {@code [0, points.length)} is the tracker's
   * position), the initial centres rows {@code centres[j]} of {@code data}, which are not tracked.
   * Initially D²(x) = min_j ‖data[points[x]] − data[centres[j]]‖², +∞ with no centre; distances
   * are those of {@link #nearest} (the {@code java} backend recomputes them with the same
   * summation it uses for every later update, so D² never depends on which path found it).
   * This is the state of greedy k-center (Sener &amp; Savarese, ICLR 2018) and of k-means++
   * seeding (Arthur &amp; Vassilvitskii, SODA 2007).
   *
   * <p>Memory: a backend may keep one copy of the tracked rows (for locality) plus
   * {@code O(n + centres · d)}.
   *
   * @throws InvalidInputException if an index is outside {@code [0, data.rows())}
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  CentreTracker centreTracker(Matrix data, int[] points, int[] centres);

  // ---------------------------------------------------------------- capabilities

  /**
   * The capability of type {@code type} this backend offers, e.g. {@link NetworkTraining} (the
   * {@code djl} backend offers it on its device and threads): declared, never probed (DJL's
   * {@code StandardCapabilities}). Its provider lists the same types in
   * {@link BackendProvider#capabilities()}, so the runtime can check a strategy's needs before it
   * creates a backend. The capability lives as long as the backend; strategies reach it through
   * {@link SelectionContext#capability}.
   *
   * <p>The default offers none.
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  default <C> Optional<C> capability(Class<C> type) {
    return Optional.empty();
  }

  /** Shuts the backend's workers down; further calls may fail. The default does nothing. */
  @Override
  default void close() {}
}
