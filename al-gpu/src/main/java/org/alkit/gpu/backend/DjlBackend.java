package org.alkit.gpu.backend;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.alkit.api.CentreTracker;
import org.alkit.api.ComputeBackend;
import org.alkit.api.Matrix;
import org.alkit.api.Neighbors;
import org.alkit.api.NetworkTraining;
import org.alkit.api.Similarity;
import org.alkit.api.SparseMatrix;

/**
 * The {@code djl} backend: the pairwise kernels as libtorch matrix products on DJL
 * {@link NDArray}s (CPU or CUDA), everything else on the {@code java} backend.
 *
 * <p><b>On the device.</b> {@link #squaredDistances}, {@link #gram}, {@link #similarity},
 * {@link #nearest} and {@link #knnSimilarity} upload the reference matrix once, then handle the
 * query rows in blocks of at most {@code block} rows and at most {@value #BLOCK_VALUES} values
 * (64 MiB): one matrix product a block, through ‖a − b‖² = ‖a‖² + ‖b‖² − 2 a·b clamped at 0 for
 * distances (both sides centred on the mean μ of b's rows first, which leaves distances as they
 * are and shrinks the cancellation), exp(−sqrt(D) · (1/d)) for euclidean, a·b / (‖a‖‖b‖) for
 * cosine (0 where a norm is 0; the norms on the host with {@link Matrix#dot}'s chain). Device
 * memory is {@code O(|b| · d + block · (d + |b|))}. The dense kernels copy each block into their
 * result on the host; {@link #nearest} brings back the index of each row's first minimum (ties
 * to the lower index) and reports the {@link Matrix#squaredDistance} of that pair;
 * {@link #knnSimilarity} selects each row's k best on the device (every value above the k-th
 * largest, then the lowest columns equal to it) and brings back only those {@code block × k}.
 * A matrix against itself ({@code a == b}) evaluates only the blocks' columns from their first
 * row on and mirrors them (exactly symmetric, a zero diagonal for distances and 1 for euclidean
 * similarities), like the {@code java} backend.
 *
 * <p><b>On the {@code java} backend</b> ({@code delegate}, made with the same threads):
 * {@link #parallelFor} (callbacks into Java code), {@link #topK} (one host array: a device trip
 * costs more than the O(n log k) selection), the incremental {@link #centreTracker} (one small
 * update a pick, where a device call a pick loses to the pruned Java update; BADGE's gradient
 * tracker runs on {@link #parallelFor} the same way), {@link #approximateKnnSimilarity}
 * (NN-Descent's random access), and
 * the inputs a device has nothing to do for or that are invalid: an empty side, no columns,
 * widths that differ or k out of range (the {@code java} backend answers them or throws its
 * message).
 *
 * <p><b>Exactness.</b> The matrix product sums in another order than the {@code java} backend's
 * fused multiply-add chain and the expansion of ‖a − b‖² cancels: values agree to float32
 * tolerance, not bit for bit: distances to a few {@code 1e-7 · (‖a − μ‖² + ‖b − μ‖²)}, so a
 * euclidean similarity to about the square root of that over d, dot products and cosines to a few
 * {@code 1e-7 · ‖a‖‖b‖}. Nearest and k-nearest picks can therefore differ where two candidates lie
 * within that tolerance; {@link #nearest} reports the exact distance of the pair it picked.
 * Results repeat bit for bit on the same device; on the CPU the thread count did not change the
 * bits where tested (1 and 2 threads), which libtorch does not promise for every machine.
 *
 * <p><b>Capability.</b> It offers {@link NetworkTraining} ({@link DjlNetworkTraining}): sessions on
 * this backend's device, with its libtorch threads, valid until it is closed, so a strategy that
 * trains a network of its own (VaB-AL's VAE) runs where the configuration says.
 */
final class DjlBackend implements ComputeBackend {
  /** At most this many values of a block on the device and on the host (64 MiB of floats). */
  static final int BLOCK_VALUES = 1 << 24;

  /** Rows a task of {@link #mirror} fills. */
  private static final int MIRROR_ROWS = 256;

  private final NDManager manager;
  private final ComputeBackend delegate;
  private final int block;
  private final String device;
  private final NetworkTraining training;

  DjlBackend(NDManager manager, ComputeBackend delegate, int block) {
    this.manager = manager;
    this.delegate = delegate;
    this.block = block;
    this.device = manager.getDevice().toString();
    this.training = new DjlNetworkTraining(manager.getDevice(), delegate.threads(), manager::isOpen);
  }

  @Override
  public <C> Optional<C> capability(Class<C> type) {
    return type == NetworkTraining.class ? Optional.of(type.cast(training)) : Optional.empty();
  }

  @Override
  public String name() {
    return DjlBackendProvider.NAME;
  }

  @Override
  public int threads() {
    return delegate.threads();
  }

  @Override
  public void parallelFor(int tasks, IntConsumer body) {
    delegate.parallelFor(tasks, body);
  }

  @Override
  public int[] topK(double[] scores, int k) {
    return delegate.topK(scores, k);
  }

  @Override
  public SparseMatrix approximateKnnSimilarity(Matrix data, Similarity similarity, int k, long seed) {
    return delegate.approximateKnnSimilarity(data, similarity, k, seed);
  }

  @Override
  public CentreTracker centreTracker(Matrix data, int[] points, int[] centres) {
    return delegate.centreTracker(data, points, centres);
  }

  @Override
  public Matrix squaredDistances(Matrix a, Matrix b) {
    if (!onDevice(a, b)) {
      return delegate.squaredDistances(a, b);
    }
    return dense(a, b, Kernel.DISTANCE);
  }

  @Override
  public Matrix gram(Matrix a, Matrix b) {
    if (!onDevice(a, b)) {
      return delegate.gram(a, b);
    }
    return dense(a, b, Kernel.DOT);
  }

  @Override
  public Matrix similarity(Matrix a, Matrix b, Similarity similarity) {
    if (!onDevice(a, b)) {
      return delegate.similarity(a, b, similarity);
    }
    return dense(a, b, Kernel.of(similarity));
  }

  @Override
  public Neighbors nearest(Matrix queries, Matrix references) {
    if (!onDevice(queries, references)) {
      return delegate.nearest(queries, references);
    }
    int n = queries.rows();
    int[] index = new int[n];
    float[] distance = new float[n];
    blocks(queries, references, Kernel.DISTANCE, false, (i0, c0, values) -> {
      long[] at = values.argMin(1).toLongArray();
      for (int i = 0; i < at.length; i++) {
        index[i0 + i] = (int) at[i];
        distance[i0 + i] = queries.squaredDistance(i0 + i, references, (int) at[i]);
      }
    });
    return new Neighbors(index, distance);
  }

  @Override
  public SparseMatrix knnSimilarity(Matrix a, Matrix b, Similarity similarity, int k) {
    if (!onDevice(a, b) || k <= 0 || k > b.rows()) {
      return delegate.knnSimilarity(a, b, similarity, k);
    }
    int n = a.rows();
    int m = b.rows();
    int[] cols = new int[n * k];
    float[] vals = new float[n * k];
    blocks(a, b, Kernel.of(similarity), false, (i0, c0, values) -> {
      // per row: every value above the k-th largest, then the first columns equal to it until k
      NDArray kth = values.topK(k, 1, true, false).get(0).min(new int[] {1}, true);
      NDArray above = values.gt(kth);
      NDArray tied = values.eq(kth);
      NDArray room = above.toType(DataType.INT32, false).sum(new int[] {1}, true).neg().add(k);
      NDArray keep = above.logicalOr(tied.logicalAnd(tied.toType(DataType.INT32, false).cumSum(1).lte(room)));
      // row-major order: each row's k entries in ascending column order
      long[] at = keep.nonzero().toLongArray();
      float[] kept = values.flatten().booleanMask(keep.flatten()).toFloatArray();
      for (int p = 0; p < kept.length; p++) {
        cols[i0 * k + p] = (int) at[2 * p + 1];
        vals[i0 * k + p] = kept[p];
      }
    });
    long[] rowPtr = new long[n + 1];
    for (int i = 0; i <= n; i++) {
      rowPtr[i] = (long) i * k;
    }
    return new SparseMatrix(n, m, rowPtr, cols, vals);
  }

  /** Shuts the delegate's workers down and frees every array of this backend. */
  @Override
  public void close() {
    try {
      manager.close();
    } finally {
      delegate.close();
    }
  }

  @Override
  public String toString() {
    return "DjlBackend[device=" + device + ", threads=" + threads() + ", block=" + block + "]";
  }

  /** Whether the device has work: both sides have rows, there are columns and the widths agree. */
  private static boolean onDevice(Matrix a, Matrix b) {
    return a.rows() > 0 && b.rows() > 0 && a.cols() > 0 && a.cols() == b.cols();
  }

  /** The dense {@code |a| × |b|} values of {@code kernel}; for {@code a == b} evaluated once a pair. */
  private Matrix dense(Matrix a, Matrix b, Kernel kernel) {
    int m = b.rows();
    float[] out = new float[Math.multiplyExact(a.rows(), m)];
    boolean symmetric = a == b;
    blocks(a, b, kernel, symmetric, (i0, c0, values) -> {
      float[] host = values.toFloatArray();
      int width = m - c0;
      int rows = host.length / width;
      for (int i = 0; i < rows; i++) {
        System.arraycopy(host, i * width, out, (i0 + i) * m + c0, width);
      }
      if (symmetric) {
        for (int i = i0; i < i0 + rows && !Float.isNaN(kernel.self); i++) {
          out[i * m + i] = kernel.self;
        }
        mirror(out, m, i0, rows);
      }
    });
    return Matrix.wrap(a.rows(), m, out);
  }

  /**
   * Copies rows {@code [i0, i0 + rows)} of the square {@code m × m} row-major {@code out}, from
   * their diagonal on, to the transposed elements below it: each later row {@code j} receives one
   * contiguous run, tasks of {@value #MIRROR_ROWS} rows on the {@code java} backend's workers.
   */
  private void mirror(float[] out, int m, int i0, int rows) {
    int first = i0 + 1;
    int tasks = (m - first + MIRROR_ROWS - 1) / MIRROR_ROWS;
    delegate.parallelFor(tasks, t -> {
      for (int j = first + t * MIRROR_ROWS, end = Math.min(m, j + MIRROR_ROWS); j < end; j++) {
        for (int i = i0, last = Math.min(i0 + rows, j); i < last; i++) {
          out[j * m + i] = out[i * m + j];
        }
      }
    });
  }

  /** Receives one block's values, rows {@code [i0, i0 + rows)} against columns {@code [c0, |b|)}. */
  private interface BlockSink {
    void accept(int i0, int c0, NDArray values);
  }

  /**
   * Evaluates {@code kernel} block by block and hands each block to {@code sink}, in ascending
   * row order on the calling thread; with {@code upper}, a block starting at row {@code i0} covers
   * the columns from {@code i0} on. Every array of the call is freed when it returns.
   */
  private void blocks(Matrix a, Matrix b, Kernel kernel, boolean upper, BlockSink sink) {
    int m = b.rows();
    int d = a.cols();
    int rowsPerBlock = Math.max(1, Math.min(block, BLOCK_VALUES / Math.max(m, d)));
    try (NDManager call = manager.newSubManager()) {
      NDArray bAll = upload(call, b, 0, m);
      NDArray mean = kernel.centred ? bAll.mean(new int[] {0}, true) : null;
      if (mean != null) {
        bAll = bAll.sub(mean);
      }
      NDArray bT = bAll.transpose();
      NDArray bNorms = kernel.norms(call, b, bAll).reshape(1, m);
      for (int i0 = 0; i0 < a.rows(); i0 += rowsPerBlock) {
        int rows = Math.min(rowsPerBlock, a.rows() - i0);
        int c0 = upper ? i0 : 0;
        // the step owns every array the block makes (results attach to their first operand's
        // manager), so the block's memory is freed before the next one starts
        try (NDManager step = call.newSubManager()) {
          NDArray aBlock = a == b ? owned(step, bAll.get(new NDIndex("{}:{}", i0, i0 + rows)))
              : centre(upload(step, a, i0, rows), mean);
          NDArray bCols = c0 == 0 ? bT : owned(step, bT.get(new NDIndex(":, {}:", c0)));
          NDArray bColNorms = c0 == 0 ? bNorms : owned(step, bNorms.get(new NDIndex(":, {}:", c0)));
          NDArray aNorms = kernel.norms(step, a.rows(i0, i0 + rows), aBlock).reshape(rows, 1);
          sink.accept(i0, c0, kernel.values(aBlock, bCols, aNorms, bColNorms, d));
        }
      }
    }
  }

  /** {@code rows} minus {@code mean}, or {@code rows} when there is no mean. */
  private static NDArray centre(NDArray rows, NDArray mean) {
    return mean == null ? rows : rows.subi(mean);
  }

  /** {@code view} (of an array that lives longer), freed with {@code owner}. */
  private static NDArray owned(NDManager owner, NDArray view) {
    view.attach(owner);
    return view;
  }

  /** Rows {@code [from, from + count)} of {@code m} as a {@code count × d} float array on the device. */
  private static NDArray upload(NDManager manager, Matrix m, int from, int count) {
    return manager.create(m.rows(from, from + count).toArray(), new Shape(count, m.cols()));
  }

  /** How a block of values is computed from one matrix product. */
  private enum Kernel {
    /** ‖a‖² + ‖b‖² − 2 a·b, clamped at 0; the norms are squared norms on the device. */
    DISTANCE(0f, true) {
      @Override
      NDArray values(NDArray a, NDArray bT, NDArray na, NDArray nb, int d) {
        return distances(a, bT, na, nb);
      }
    },
    /** a·b. */
    DOT(Float.NaN, false) {
      @Override
      NDArray values(NDArray a, NDArray bT, NDArray na, NDArray nb, int d) {
        return a.matMul(bT);
      }
    },
    /** exp(−sqrt(D) · (1/d)), 1/d rounded to float as the {@code java} backend does. */
    EUCLIDEAN(1f, true) {
      @Override
      NDArray values(NDArray a, NDArray bT, NDArray na, NDArray nb, int d) {
        return distances(a, bT, na, nb).sqrt().muli(-(float) (1.0 / d)).exp();
      }
    },
    /** a·b · (1/‖a‖) · (1/‖b‖); the norms are the inverse norms from the host, 0 for a zero row. */
    COSINE(Float.NaN, false) {
      @Override
      NDArray values(NDArray a, NDArray bT, NDArray na, NDArray nb, int d) {
        return a.matMul(bT).muli(na).muli(nb);
      }

      @Override
      NDArray norms(NDManager manager, Matrix m, NDArray rows) {
        float[] inverse = new float[m.rows()];
        for (int i = 0; i < inverse.length; i++) {
          float norm = (float) Math.sqrt(m.dot(i, m, i));
          inverse[i] = norm == 0f ? 0f : 1f / norm;
        }
        return manager.create(inverse);
      }
    };

    /** The value of a row with itself, written on the diagonal of {@code a == b}; NaN: computed. */
    final float self;

    /**
     * Whether both sides are centred on the reference rows' mean first: distances do not change,
     * the norms in the expansion shrink, and with them its cancellation error.
     */
    final boolean centred;

    Kernel(float self, boolean centred) {
      this.self = self;
      this.centred = centred;
    }

    static Kernel of(Similarity similarity) {
      switch (similarity) {
        case EUCLIDEAN:
          return EUCLIDEAN;
        case COSINE:
          return COSINE;
        case DOT:
          return DOT;
        default:
          throw new IllegalArgumentException("similarity " + similarity + " has no kernel");
      }
    }

    /**
     * The block's {@code |a| × |b|} values from its rows {@code a}, the transposed reference
     * rows {@code bT} and their {@link #norms} as a column {@code na} and a row {@code nb}.
     */
    abstract NDArray values(NDArray a, NDArray bT, NDArray na, NDArray nb, int d);

    /** The per-row factors {@link #values} needs, one a row of {@code m}: squared norms by default. */
    NDArray norms(NDManager manager, Matrix m, NDArray rows) {
      return rows.square().sum(new int[] {1});
    }

    private static NDArray distances(NDArray a, NDArray bT, NDArray na, NDArray nb) {
      return a.matMul(bT).muli(-2f).addi(na).addi(nb).maximum(0f);
    }
  }
}
