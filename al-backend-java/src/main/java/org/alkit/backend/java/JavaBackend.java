package org.alkit.backend.java;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import org.alkit.api.CentreTracker;
import org.alkit.api.ComputeBackend;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.Neighbors;
import org.alkit.api.Similarity;
import org.alkit.api.SparseMatrix;
import org.alkit.commons.AbstractCentreTracker;
import org.alkit.commons.BoundedHeap;
import org.alkit.commons.FloatExp;
import org.alkit.commons.Ranking;
import org.alkit.commons.VectorApi;

/**
 * The pure-Java backend. Query rows are split into blocks of {@code block} rows; blocks run in
 * parallel on a {@link ForkJoinPool} of {@code threads} workers. A block packs its query rows
 * once; for each tile of up to {@value #TILE} reference rows, a {@link PairKernel} accumulates all
 * {@code block × TILE} values in chunks of {@value #K_CHUNK} columns: the tile's rows are copied
 * once, then each chunk is packed transposed from that copy ({@code K_CHUNK} arrays of
 * {@code TILE} floats, or for {@link VectorPairKernel} strips of its micro-tile's width, each
 * contiguous) and stays in cache while every query row of the block passes over it. The
 * kernel's inner loop is element-wise over the tile's reference rows. Extra memory is
 * {@code O((block + TILE) · d + block · TILE)} a worker and
 * never {@code |a| × |b|} (beyond the dense kernels' own output).
 *
 * <p>The inner loops run either {@link VectorPairKernel} (the Vector API, register blocked; when
 * the JVM resolves {@code jdk.incubator.vector}) or {@link PairKernel} (plain loops that C2
 * vectorises); the two give the same bits. Which one a call runs depends on its size
 * ({@link #vectorMinWork}): the Vector API costs a one-shot process about half a second before
 * its kernels run at speed (its classes load, and until C2 has compiled a kernel every vector
 * operation is interpreted, hundreds of times slower than the scalar loops), so small calls take
 * the scalar loops. Distances are computed directly as Σ(a − b)², a fused
 * multiply-add chain (not through ‖a‖² + ‖b‖² − 2a·b): no
 * cancellation, no clamping, and bit-identical to {@link Matrix#squaredDistance}, which golden
 * core-set cases need. Every output element is accumulated by one thread, sequentially over the
 * columns {@code k = 0..d−1}, so results do not depend on the thread count, block or tile size.
 *
 * <p>The dense kernels of a matrix against itself ({@code a == b}, the same instance) are
 * symmetric bit for bit, as (x − y)² equals (y − x)² and x·y equals y·x. A block starting at row
 * {@code i0} then evaluates only the columns from {@code i0} on and copies each finished
 * (transformed) value past its own rows to the mirrored element, which no other block touches:
 * about half the work, still one writer per element, and the result exactly symmetric.
 *
 * <p><b>Threads.</b> All work runs on one {@link ForkJoinPool} of {@code threads} workers made
 * with the backend and shut down by {@link #close()}: the blocked kernels, {@link #parallelFor}
 * for the strategies (BADGE's gradient tracker among them), the {@link EuclideanTracker} and
 * NN-Descent ({@link NnDescent}). With {@code threads = 1} there is no pool and everything runs
 * on the calling thread.
 */
final class JavaBackend implements ComputeBackend {
  /**
   * Reference rows per packed tile: long enough that the vectorised inner loop's scalar pre- and
   * post-loops are a small part of it, short enough that four accumulator rows stay in L1; a
   * multiple of {@link VectorPairKernel#WIDTH} for 4-, 8- and 16-lane vectors, so no reference
   * row is padded but the last tile's.
   */
  static final int TILE = 528;

  /** Columns per pass over a tile: 128 × 528 floats (264 KiB) stay in L2. */
  static final int K_CHUNK = 128;

  /** The incubating Vector API module, resolved only when the JVM is started with {@code --add-modules}. */
  static final String VECTOR_MODULE = VectorApi.MODULE;

  /**
   * The smallest call, in evaluated pairs × columns, that {@code simd = auto} runs with the Vector
   * API: 2³² (e.g. 10 000 × 10 000 × 86 symmetric, or 64 × 10⁶ × 64). Measured cold through
   * {@code alkit maximize} on the 2-core AVX-512 development machine: the first use of the vector
   * kernels costs 0.4–0.6 s (log-det, n = 5 000, d = 64: 0.8 s with them, 0.16 s with the scalar
   * loops for its 180 small calls), while warm they save about 3·10⁻¹¹ s a pair-column (the
   * euclidean kernel of 10 000 × 10 000, d = 1 024: 0.96 s vector, 2.58 s scalar), i.e. 0.14 s at
   * this size: below it the scalar loops cost a warm process little and save a cold one much.
   */
  static final long AUTO_VECTOR_MIN_WORK = 1L << 32;

  private final int threads;
  private final int block;
  /** Calls of at least this many pairs × columns run {@link VectorPairKernel}; {@link Long#MAX_VALUE}: none. */
  private final long vectorMinWork;
  /** Whether the k-center tracker's int8 inner products run on {@link VectorCodeKernel}. */
  private final boolean vectorCodes;
  private final ForkJoinPool pool;
  /**
   * Whether a call in this process has run {@link VectorPairKernel}: its start-up, which
   * {@link #AUTO_VECTOR_MIN_WORK} weighs against, is then paid, and every later call of a backend
   * that may use the Vector API runs it (the same bits, faster; e.g. the k-center tracker's
   * projection, 51 000 × 32 × 784, after its start's 51 000 × 1 000 × 784).
   */
  private static volatile boolean vectorWarm;

  /**
   * @param vector whether to run {@link VectorPairKernel} (requires {@link #vectorApiAvailable()})
   *     rather than {@link PairKernel}'s loops, on every call; both give the same bits
   */
  JavaBackend(int threads, int block, boolean vector) {
    this(threads, block, vector ? 0 : Long.MAX_VALUE);
  }

  /**
   * @param vectorMinWork the smallest call, in pairs × columns, that runs {@link VectorPairKernel}
   *     (requires {@link #vectorApiAvailable()} unless {@link Long#MAX_VALUE}); smaller ones run
   *     {@link PairKernel}'s loops, with the same bits
   */
  JavaBackend(int threads, int block, long vectorMinWork) {
    this(threads, block, vectorMinWork, vectorMinWork != Long.MAX_VALUE);
  }

  /**
   * @param vectorMinWork as above, for the pair kernels
   * @param vectorCodes whether the k-center tracker's int8 inner products run on
   *     {@link VectorCodeKernel} (requires {@link #vectorApiAvailable()})
   */
  JavaBackend(int threads, int block, long vectorMinWork, boolean vectorCodes) {
    this.threads = threads;
    this.block = block;
    this.vectorMinWork = vectorMinWork;
    this.vectorCodes = vectorCodes;
    this.pool = threads == 1 ? null : new ForkJoinPool(threads);
  }

  /**
   * Whether a call of {@code a} against {@code b} runs {@link VectorPairKernel}: its pairs ×
   * columns (half the pairs for a symmetric call) reach {@link #vectorMinWork}.
   */
  private boolean vector(Matrix a, Matrix b) {
    if (vectorMinWork == Long.MAX_VALUE) {
      return false;
    }
    double pairs = (double) a.rows() * b.rows() * (a == b ? 0.5 : 1);
    boolean vector = vectorMinWork == 0 || vectorWarm || pairs * a.cols() >= vectorMinWork;
    vectorWarm |= vector;
    return vector;
  }

  /** Whether every call runs the Vector API kernels ({@code simd = vector}). */
  boolean vectorEverywhere() {
    return vectorMinWork == 0;
  }

  /** Whether the k-center tracker's int8 inner products run on {@link VectorCodeKernel}. */
  boolean vectorCodes() {
    return vectorCodes;
  }

  /** Whether the Vector API can run here ({@link VectorApi#available}). */
  static boolean vectorApiAvailable() {
    return VectorApi.available(JavaBackend.class);
  }

  @Override
  public String name() {
    return JavaBackendProvider.NAME;
  }

  @Override
  public int threads() {
    return threads;
  }

  /**
   * Runs the tasks on the calling thread and up to {@code threads − 1} pool workers: each takes the
   * next task in ascending order until none is left, so the caller never waits for a worker to
   * wake up before work starts, and a task no worker has claimed yet is done by the caller. The
   * caller then waits (parked, not spinning) for the tasks the workers claimed. A failure does not
   * stop the others; the one of the lowest task is rethrown once all are done.
   */
  @Override
  public void parallelFor(int tasks, IntConsumer body) {
    if (pool == null || tasks <= 1) {
      for (int t = 0; t < tasks; t++) {
        body.accept(t);
      }
      return;
    }
    Batch batch = new Batch(tasks, body);
    for (int w = Math.min(threads, tasks); w > 1; w--) {
      pool.execute(batch::work);
    }
    batch.work();
    batch.awaitDone();
    batch.rethrow();
  }

  /** The tasks of one {@link #parallelFor}: a claim counter, a completion counter, the first failure. */
  private static final class Batch {
    private final int tasks;
    private final IntConsumer body;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private volatile Thread waiter;
    private int failedTask = Integer.MAX_VALUE;
    private Throwable failure;

    Batch(int tasks, IntConsumer body) {
      this.tasks = tasks;
      this.body = body;
    }

    /** Claims and runs tasks until none is left; the thread finishing the last one wakes the caller. */
    void work() {
      for (int t = next.getAndIncrement(); t < tasks; t = next.getAndIncrement()) {
        try {
          body.accept(t);
        } catch (RuntimeException | Error e) {
          record(t, e);
        }
        if (done.incrementAndGet() == tasks) {
          LockSupport.unpark(waiter);
        }
      }
    }

    /** Parks the caller until every task has finished. */
    void awaitDone() {
      waiter = Thread.currentThread();
      while (done.get() < tasks) {
        LockSupport.park(this);
      }
    }

    private synchronized void record(int t, Throwable e) {
      if (t < failedTask) {
        failedTask = t;
        failure = e;
      }
    }

    synchronized void rethrow() {
      if (failure instanceof Error e) {
        throw e;
      }
      if (failure != null) {
        throw (RuntimeException) failure;
      }
    }
  }

  @Override
  public int[] topK(double[] scores, int k) {
    return Ranking.topK(scores, k);
  }

  /** NN-Descent ({@link NnDescent}) on this backend's workers. */
  @Override
  public SparseMatrix approximateKnnSimilarity(Matrix data, Similarity similarity, int k, long seed) {
    return NnDescent.kernel(data, similarity, k, seed, this);
  }

  /** An {@link EuclideanTracker}: pruned, grouped updates on this backend's workers. */
  @Override
  public CentreTracker centreTracker(Matrix data, int[] points, int[] centres) {
    AbstractCentreTracker.checkRows("points", points, data.rows());
    AbstractCentreTracker.checkRows("centres", centres, data.rows());
    return EuclideanTracker.of(this, data, points, centres);
  }

  /** Shuts the pool down; work already submitted finishes. */
  @Override
  public void close() {
    if (pool != null) {
      pool.shutdown();
    }
  }

  /** Whether this backend has a pool that is still accepting work (for tests). */
  boolean poolRunning() {
    return pool != null && !pool.isShutdown();
  }

  @Override
  public Neighbors nearest(Matrix queries, Matrix references) {
    requireSameCols("queries", queries, "references", references);
    int[] index = new int[queries.rows()];
    float[] distance = new float[queries.rows()];
    Arrays.fill(index, -1);
    Arrays.fill(distance, Float.POSITIVE_INFINITY);
    run(queries, references, PairKernel.SQUARED_DIFFERENCE, false, i0 -> (start, j0, ni, nj, v) -> {
      for (int i = 0; i < ni; i++) {
        int row = start + i;
        float[] values = v[i];
        float best = distance[row];
        int at = index[row];
        for (int j = 0; j < nj; j++) {
          // strict < keeps the lower reference index on ties, as tiles arrive in column order
          if (values[j] < best) {
            best = values[j];
            at = j0 + j;
          }
        }
        distance[row] = best;
        index[row] = at;
      }
    });
    return new Neighbors(index, distance);
  }

  /**
   * Runs the dot-product kernel on every pair of rows of {@code a} and {@code b}, as
   * {@link #gram}, handing each row block's tiles to the visitor made for it (see {@link #run}).
   */
  void dots(Matrix a, Matrix b, IntFunction<TileVisitor> visitors) {
    requireSameCols("a", a, "b", b);
    run(a, b, PairKernel.DOT, false, visitors);
  }

  @Override
  public Matrix squaredDistances(Matrix a, Matrix b) {
    requireSameCols("a", a, "b", b);
    return dense(a, b, PairKernel.SQUARED_DIFFERENCE, Transform.IDENTITY);
  }

  @Override
  public Matrix gram(Matrix a, Matrix b) {
    requireSameCols("a", a, "b", b);
    return dense(a, b, PairKernel.DOT, Transform.IDENTITY);
  }

  @Override
  public Matrix similarity(Matrix a, Matrix b, Similarity similarity) {
    requireSameCols("a", a, "b", b);
    Transform t = Transform.of(similarity, a, b, vector(a, b));
    return dense(a, b, t.kernel, t);
  }

  @Override
  public SparseMatrix knnSimilarity(Matrix a, Matrix b, Similarity similarity, int k) {
    requireSameCols("a", a, "b", b);
    if (k < 0 || k > b.rows()) {
      throw new InvalidInputException("k = " + k + "; expected 0 <= k <= rows of b (" + b.rows() + ")");
    }
    Transform t = Transform.of(similarity, a, b, vector(a, b));
    int n = a.rows();
    int[] cols = new int[n * k];
    float[] vals = new float[n * k];
    run(a, b, t.kernel, false, i0 -> new KnnVisitor(i0, Math.min(block, n - i0), k, t, cols, vals));
    long[] rowPtr = new long[n + 1];
    for (int i = 0; i <= n; i++) {
      rowPtr[i] = (long) i * k;
    }
    return new SparseMatrix(n, b.rows(), rowPtr, cols, vals);
  }

  /**
   * Blocked like {@link #nearest}, in two passes per tile. The kernel computes dot products (one
   * multiply-add per coordinate, half the work of Σ(a − b)²), and a pair is a candidate when
   * ‖x‖² + ‖y‖² − 2x·y falls below radius² plus a margin of γ·(‖x‖² + ‖y‖²),
   * γ = (d + 16)·2⁻²¹, eight times the worst-case rounding of a float dot product of d terms
   * (Higham, "Accuracy and Stability of Numerical Algorithms", §3.1), so no pair within the
   * radius is missed; each candidate's squared distance is then computed exactly as
   * {@link Matrix#squaredDistance} does, which decides. The graph is therefore the naive loop's,
   * bit for bit, and few candidates are rejected. Rows are first sorted by their projection on
   * one direction ({@link ProjectionOrder}): a block of query rows is evaluated only against the
   * reference rows whose projections lie within the radius (widened by γ and the projections'
   * rounding) of its own, a contiguous run of tiles. A matrix against itself evaluates the upper
   * triangle only (as the dense kernels do) and enters each pair found in both rows. The entries
   * are laid out as CSR, each row sorted by column. Extra memory: one sorted copy of the rows
   * and 16 bytes an entry while the graph is assembled.
   */
  @Override
  public SparseMatrix withinRadius(Matrix queries, Matrix references, double radius) {
    requireSameCols("queries", queries, "references", references);
    if (!(radius >= 0)) {
      throw new InvalidInputException("radius = " + radius + "; expected a number >= 0");
    }
    boolean symmetric = queries == references;
    // a float d² is below radius² exactly when it is below the smallest float not under radius²
    double squared = radius * radius;
    float limit = (float) squared < squared ? Math.nextUp((float) squared) : (float) squared;
    float gamma = (queries.cols() + 16) * 0x1p-21f;
    // rows sorted by their projection on one direction: |u·x − u·y| ≤ ‖x − y‖ bounds each block's columns
    double[] direction = ProjectionOrder.direction(references);
    ProjectionOrder rowsInOrder = ProjectionOrder.of(queries, direction);
    ProjectionOrder columnsInOrder = symmetric ? rowsInOrder : ProjectionOrder.of(references, direction);
    Matrix q = rowsInOrder.sorted();
    Matrix r = columnsInOrder.sorted();
    double reach = radius * (1 + gamma) + 1e-6 * Math.max(rowsInOrder.maxAbs(), columnsInOrder.maxAbs());
    float[] queryNorms = squaredNorms(q);
    float[] referenceNorms = symmetric ? queryNorms : squaredNorms(r);
    float[] shrunk = new float[referenceNorms.length];
    for (int j = 0; j < shrunk.length; j++) {
      shrunk[j] = referenceNorms[j] * (1 - gamma);
    }
    Filter filter = new Filter(q, r, queryNorms, shrunk, limit, gamma, rowsInOrder.order(),
        columnsInOrder.order());
    int n = queries.rows();
    boolean vector = vector(queries, references);
    RadiusVisitor[] blocks = new RadiusVisitor[(n + block - 1) / block];
    runColumns(q, r, PairKernel.DOT,
        i0 -> Math.max(symmetric ? i0 : 0, columnsInOrder.firstAtLeast(rowsInOrder.value(i0) - reach)),
        i0 -> columnsInOrder.firstAbove(rowsInOrder.value(Math.min(n, i0 + block) - 1) + reach),
        i0 -> {
          RadiusVisitor v = new RadiusVisitor(filter, symmetric, vector);
          blocks[i0 / block] = v;
          return v;
        });
    return RadiusVisitor.assemble(blocks, n, references.rows());
  }

  /** ‖row‖² of every row, summed in double. */
  private static float[] squaredNorms(Matrix m) {
    float[] out = new float[m.rows()];
    float[] row = new float[m.cols()];
    for (int i = 0; i < out.length; i++) {
      m.copyRow(i, row);
      double sum = 0;
      for (float v : row) {
        sum += (double) v * v;
      }
      out[i] = (float) sum;
    }
    return out;
  }

  /**
   * What {@link #withinRadius} compares with: the pair (i, j) is a candidate when
   * {@code shrunk[j] − 2·dot < bound(i)}, i.e. ‖y‖²(1 − γ) − 2x·y &lt; radius² − ‖x‖²(1 − γ),
   * and is in the graph when its exact squared distance is below {@code limit}. Rows and columns
   * are positions in the sorted matrices; {@code rowIds} and {@code columnIds} give the caller's.
   */
  private record Filter(Matrix queries, Matrix references, float[] queryNorms, float[] shrunk,
      float limit, float gamma, int[] rowIds, int[] columnIds) {
    float bound(int i) {
      return limit - queryNorms[i] * (1 - gamma);
    }
  }

  @Override
  public String toString() {
    String simd = vectorMinWork == 0 ? "vector" : vectorMinWork == Long.MAX_VALUE ? "scalar"
        : "vector from " + vectorMinWork + " pairs × columns, else scalar";
    return "JavaBackend[threads=" + threads + ", block=" + block + ", simd=" + simd
        + ", int8 codes=" + (vectorCodes ? "vector" : "scalar") + "]";
  }

  /**
   * The {@code a.rows() × b.rows()} values of {@code kernel}, transformed; for {@code a == b} only
   * the upper part is evaluated and {@linkplain #mirror mirrored} (see the class comment).
   */
  private Matrix dense(Matrix a, Matrix b, PairKernel kernel, Transform transform) {
    int m = b.rows();
    float[] out = new float[Math.multiplyExact(a.rows(), m)];
    boolean symmetric = a == b;
    run(a, b, kernel, symmetric, i0 -> (start, j0, ni, nj, v) -> {
      for (int i = 0; i < ni; i++) {
        transform.apply(v[i], nj, start + i, j0, out, (start + i) * m + j0);
      }
      if (symmetric) {
        mirror(out, m, start, j0, ni, nj);
      }
    });
    return Matrix.wrap(a.rows(), m, out);
  }

  /**
   * Copies the finished values of rows {@code [i0, i0 + ni)} against columns
   * {@code [j0, j0 + nj)} of the square {@code m × m} row-major {@code out} to their transposed
   * elements, for the columns past the rows (the block computes the others itself). The inner
   * loop writes one contiguous run of {@code ni} floats per column.
   */
  private static void mirror(float[] out, int m, int i0, int j0, int ni, int nj) {
    for (int j = Math.max(j0, i0 + ni); j < j0 + nj; j++) {
      for (int i = i0; i < i0 + ni; i++) {
        out[j * m + i] = out[i * m + j];
      }
    }
  }

  /**
   * Evaluates {@code kernel} on every pair of rows, block by block: the visitor made for a block
   * (from its first row) sees that block's tiles in ascending column order, on one thread. With
   * {@code upper}, a block starting at row {@code i0} sees only the columns from {@code i0} on.
   */
  private void run(Matrix a, Matrix b, PairKernel kernel, boolean upper,
      IntFunction<TileVisitor> visitors) {
    // each thread takes the next block in ascending order: with upper, the largest first
    runColumns(a, b, kernel, i0 -> upper ? i0 : 0, i0 -> b.rows(), visitors);
  }

  /**
   * As {@link #run}, a block starting at row {@code i0} seeing the columns
   * {@code [first(i0), end(i0))} only.
   */
  private void runColumns(Matrix a, Matrix b, PairKernel kernel, IntUnaryOperator first,
      IntUnaryOperator end, IntFunction<TileVisitor> visitors) {
    int n = a.rows();
    int blocks = (n + block - 1) / block;
    boolean vector = vector(a, b);
    parallelFor(blocks, t -> runBlock(a, b, kernel, vector, t * block, first.applyAsInt(t * block),
        end.applyAsInt(t * block), visitors));
  }

  /**
   * Evaluates rows {@code [i0, i0 + block)} against the columns {@code [firstColumn, endColumn)},
   * with {@link VectorPairKernel} when {@code vector}.
   */
  private void runBlock(Matrix a, Matrix b, PairKernel kernel, boolean vector, int i0,
      int firstColumn, int endColumn, IntFunction<TileVisitor> visitors) {
    int d = a.cols();
    int ni = Math.min(block, a.rows() - i0);
    int width = padded(Math.min(TILE, b.rows()), vector);
    float[] packedA = pack(a, i0, ni, new float[ni * d]);
    float[] tileRows = new float[Math.min(TILE, b.rows()) * d];
    float[][] packedB = vector ? null : new float[Math.min(K_CHUNK, d)][width];
    float[] strips = vector ? new float[Math.min(K_CHUNK, d) * width] : null;
    float[][] values = new float[ni][width];
    TileVisitor visitor = visitors.apply(i0);
    for (int j0 = firstColumn; j0 < endColumn; j0 += TILE) {
      int nj = Math.min(TILE, endColumn - j0);
      int evaluated = padded(nj, vector);
      for (float[] row : values) {
        Arrays.fill(row, 0, evaluated, 0f);
      }
      pack(b, j0, nj, tileRows);
      for (int k0 = 0; k0 < d; k0 += K_CHUNK) {
        int kc = Math.min(K_CHUNK, d - k0);
        if (vector) {
          packStrips(tileRows, d, nj, k0, kc, strips);
        } else {
          packTransposed(tileRows, d, nj, k0, kc, packedB);
        }
        int i = 0;
        for (; i + 4 <= ni; i += 4) {
          if (vector) {
            kernel.vectorRows4(packedA, i * d + k0, d, strips, kc, evaluated, values[i],
                values[i + 1], values[i + 2], values[i + 3]);
          } else {
            kernel.rows4(packedA, i * d + k0, d, packedB, kc, nj, values[i], values[i + 1],
                values[i + 2], values[i + 3]);
          }
        }
        for (; i < ni; i++) {
          if (vector) {
            kernel.vectorRow(packedA, i * d + k0, strips, kc, evaluated, values[i]);
          } else {
            kernel.row(packedA, i * d + k0, packedB, kc, nj, values[i]);
          }
        }
      }
      visitor.tile(i0, j0, ni, nj, values);
    }
    visitor.finish();
  }

  /**
   * Reference rows evaluated for a tile of {@code nj}: the vector kernel covers whole micro-tiles
   * of {@link VectorPairKernel#WIDTH} (the padding rows hold stale packed values, whose results
   * are never read).
   */
  private static int padded(int nj, boolean vector) {
    if (!vector) {
      return nj;
    }
    return (nj + VectorPairKernel.WIDTH - 1) / VectorPairKernel.WIDTH * VectorPairKernel.WIDTH;
  }

  /**
   * Writes columns {@code [k0, k0 + kc)} of the first {@code count} rows of the row-major
   * {@code rows} ({@code d} floats a row) transposed: {@code dst[k][r] = rows[r·d + k0 + k]}.
   */
  private static void packTransposed(float[] rows, int d, int count, int k0, int kc, float[][] dst) {
    // 16 rows at a time: their 16 source cache lines stay in L1 while each dst[k] gets 16 floats
    for (int r0 = 0; r0 < count; r0 += 16) {
      int r1 = Math.min(count, r0 + 16);
      for (int k = 0; k < kc; k++) {
        float[] column = dst[k];
        for (int r = r0, at = r0 * d + k0 + k; r < r1; r++, at += d) {
          column[r] = rows[at];
        }
      }
    }
  }

  /**
   * Writes columns {@code [k0, k0 + kc)} of the first {@code count} rows of the row-major
   * {@code rows} in strips of {@link VectorPairKernel#WIDTH} rows, the layout
   * {@link VectorPairKernel} reads: column k of row r goes to
   * {@code dst[(r − r mod WIDTH)·kc + k·WIDTH + r mod WIDTH]}.
   */
  private static void packStrips(float[] rows, int d, int count, int k0, int kc, float[] dst) {
    int width = VectorPairKernel.WIDTH;
    for (int r = 0; r < count; r++) {
      int lane = r % width;
      for (int k = 0, at = r * d + k0, to = (r - lane) * kc + lane; k < kc; k++, at++, to += width) {
        dst[to] = rows[at];
      }
    }
  }

  /** Copies rows {@code [from, from + count)} of {@code m} row-major into {@code dst}. */
  private static float[] pack(Matrix m, int from, int count, float[] dst) {
    float[] row = new float[m.cols()];
    for (int r = 0; r < count; r++) {
      System.arraycopy(m.copyRow(from + r, row), 0, dst, r * m.cols(), m.cols());
    }
    return dst;
  }

  private static void requireSameCols(String an, Matrix a, String bn, Matrix b) {
    if (a.cols() != b.cols()) {
      throw new InvalidInputException(an + " is " + a.rows() + " × " + a.cols() + " but " + bn + " is "
          + b.rows() + " × " + b.cols() + "; expected the same number of columns");
    }
  }

  /**
   * Turns a raw kernel value into a similarity, with submodlib's float conventions
   * ({@code cpp/utils/helper.cpp}): euclidean {@link FloatExp#euclideanSimilarity}
   * {@code exp(−sqrt(s) · (1/d))}, cosine
   * {@code dot / (‖a‖·‖b‖)} (0 when a norm is 0), dot as it is.
   */
  private static final class Transform {
    static final Transform IDENTITY = new Transform(null, PairKernel.DOT, 0f, null, null, false);

    final Similarity similarity;
    final PairKernel kernel;
    final float inverseD;
    final float[] normsA;
    final float[] normsB;
    /** Whether euclidean values go through {@link VectorPairKernel#euclidean} (the same bits). */
    final boolean vector;

    private Transform(Similarity similarity, PairKernel kernel, float inverseD, float[] normsA,
        float[] normsB, boolean vector) {
      this.similarity = similarity;
      this.kernel = kernel;
      this.inverseD = inverseD;
      this.normsA = normsA;
      this.normsB = normsB;
      this.vector = vector;
    }

    static Transform of(Similarity similarity, Matrix a, Matrix b, boolean vector) {
      switch (similarity) {
        case EUCLIDEAN:
          return new Transform(similarity, PairKernel.SQUARED_DIFFERENCE, (float) (1.0 / a.cols()),
              null, null, vector);
        case COSINE:
          return new Transform(similarity, PairKernel.DOT, 0f, norms(a), norms(b), false);
        case DOT:
          return new Transform(similarity, PairKernel.DOT, 0f, null, null, false);
        default:
          throw new IllegalArgumentException("similarity " + similarity + " has no transform");
      }
    }

    /**
     * Transforms {@code raw[0..n)}, the values of row {@code i} against columns
     * {@code [j0, j0 + n)}, into {@code out[off, off + n)}.
     */
    void apply(float[] raw, int n, int i, int j0, float[] out, int off) {
      if (similarity == Similarity.EUCLIDEAN && vector) {
        VectorPairKernel.euclidean(raw, n, inverseD, out, off);
      } else if (similarity == Similarity.EUCLIDEAN) {
        for (int j = 0; j < n; j++) {
          out[off + j] = FloatExp.euclideanSimilarity(raw[j], inverseD);
        }
      } else if (similarity == Similarity.COSINE) {
        float normA = normsA[i];
        for (int j = 0; j < n; j++) {
          float norms = normA * normsB[j0 + j];
          out[off + j] = norms == 0f ? 0f : raw[j] / norms;
        }
      } else {
        System.arraycopy(raw, 0, out, off, n);
      }
    }

    private static float[] norms(Matrix m) {
      float[] out = new float[m.rows()];
      for (int i = 0; i < out.length; i++) {
        out[i] = (float) Math.sqrt(m.dot(i, m, i));
      }
      return out;
    }
  }

  /**
   * The entries of one block below the squared radius, in the caller's indices; with
   * {@code upper}, each pair found (column ≥ row in sorted order) is entered in both rows. A tile's
   * row of dot products is scanned for candidates with {@link VectorPairKernel#firstCandidate}
   * when {@code vector} (most rows of a sparse graph hold none), else with a plain loop.
   */
  private static final class RadiusVisitor implements TileVisitor {
    private final Filter filter;
    private final boolean upper;
    private final boolean vector;
    private int[] rowOf = new int[64];
    private int[] colOf = new int[64];
    private float[] valOf = new float[64];
    private int size;

    RadiusVisitor(Filter filter, boolean upper, boolean vector) {
      this.filter = filter;
      this.upper = upper;
      this.vector = vector;
    }

    @Override
    public void tile(int start, int j0, int ni, int nj, float[][] v) {
      float[] shrunk = filter.shrunk();
      for (int i = 0; i < ni; i++) {
        float[] dots = v[i];
        int row = start + i;
        int from = upper ? Math.max(0, row - j0) : 0;
        float bound = filter.bound(row);
        if (vector) {
          for (int j = VectorPairKernel.firstCandidate(dots, shrunk, j0, from, nj, bound); j < nj;
              j = VectorPairKernel.firstCandidate(dots, shrunk, j0, j + 1, nj, bound)) {
            check(row, j0 + j);
          }
        } else {
          for (int j = from; j < nj; j++) {
            if (shrunk[j0 + j] - 2 * dots[j] < bound) {
              check(row, j0 + j);
            }
          }
        }
      }
    }

    /** Enters candidate (row, col) when its exact squared distance is below the limit. */
    private void check(int row, int col) {
      float d2 = filter.queries().squaredDistance(row, filter.references(), col);
      if (d2 < filter.limit()) {
        int i = filter.rowIds()[row];
        int j = filter.columnIds()[col];
        append(i, j, d2);
        if (upper && i != j) {
          append(j, i, d2);
        }
      }
    }

    private void append(int row, int col, float value) {
      if (size == rowOf.length) {
        rowOf = Arrays.copyOf(rowOf, size * 2);
        colOf = Arrays.copyOf(colOf, size * 2);
        valOf = Arrays.copyOf(valOf, size * 2);
      }
      rowOf[size] = row;
      colOf[size] = col;
      valOf[size++] = value;
    }

    /** The blocks' entries as CSR: placed by row in block order, then each row sorted by column. */
    static SparseMatrix assemble(RadiusVisitor[] blocks, int rows, int cols) {
      long[] rowPtr = new long[rows + 1];
      for (RadiusVisitor v : blocks) {
        for (int p = 0; p < v.size; p++) {
          rowPtr[v.rowOf[p] + 1]++;
        }
      }
      for (int i = 0; i < rows; i++) {
        rowPtr[i + 1] += rowPtr[i];
      }
      // column in the high half, value bits in the low half: sorting a row sorts by column
      long[] entries = new long[Math.toIntExact(rowPtr[rows])];
      long[] next = Arrays.copyOf(rowPtr, rows);
      for (RadiusVisitor v : blocks) {
        for (int p = 0; p < v.size; p++) {
          entries[(int) next[v.rowOf[p]]++] = (long) v.colOf[p] << 32
              | Float.floatToRawIntBits(v.valOf[p]) & 0xffffffffL;
        }
      }
      int[] colIdx = new int[entries.length];
      float[] values = new float[entries.length];
      for (int i = 0; i < rows; i++) {
        Arrays.sort(entries, (int) rowPtr[i], (int) rowPtr[i + 1]);
      }
      for (int p = 0; p < entries.length; p++) {
        colIdx[p] = (int) (entries[p] >>> 32);
        values[p] = Float.intBitsToFloat((int) entries[p]);
      }
      return new SparseMatrix(rows, cols, rowPtr, colIdx, values);
    }
  }

  /**
   * Keeps, for each row of a block, the {@code k} largest similarities in a {@link BoundedHeap}
   * (ties to the lower column); {@link #finish()} writes each row's entries sorted by column.
   */
  private static final class KnnVisitor implements TileVisitor {
    private final int i0;
    private final int k;
    private final Transform transform;
    private final int[] cols;
    private final float[] vals;
    private final BoundedHeap[] heaps;
    private float[] similarities = new float[0];

    KnnVisitor(int i0, int rows, int k, Transform transform, int[] cols, float[] vals) {
      this.i0 = i0;
      this.k = k;
      this.transform = transform;
      this.cols = cols;
      this.vals = vals;
      this.heaps = new BoundedHeap[rows];
      for (int r = 0; r < rows; r++) {
        heaps[r] = new BoundedHeap(k);
      }
    }

    @Override
    public void tile(int start, int j0, int ni, int nj, float[][] v) {
      if (similarities.length < nj) {
        similarities = new float[nj];
      }
      for (int i = 0; i < ni; i++) {
        transform.apply(v[i], nj, start + i, j0, similarities, 0);
        BoundedHeap heap = heaps[start + i - i0];
        for (int j = 0; j < nj; j++) {
          heap.offer(similarities[j], j0 + j);
        }
      }
    }

    @Override
    public void finish() {
      int[] ids = new int[k];
      double[] keys = new double[k];
      long[] byColumn = new long[k];
      for (int r = 0; r < heaps.length; r++) {
        int n = heaps[r].drainBestFirst(ids, keys);
        for (int p = 0; p < n; p++) {
          byColumn[p] = (long) ids[p] << 32 | p;
        }
        Arrays.sort(byColumn, 0, n);
        int base = (i0 + r) * k;
        for (int p = 0; p < n; p++) {
          int rank = (int) byColumn[p];
          cols[base + p] = ids[rank];
          vals[base + p] = (float) keys[rank];
        }
      }
    }
  }
}
