package org.alkit.submodular.kernels;

import java.util.Locale;
import java.util.Set;
import org.alkit.api.ComputeBackend;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.Parameter;
import org.alkit.api.Similarity;
import org.alkit.api.SparseMatrix;
import org.alkit.submodular.Kernels;
import org.alkit.submodular.Kernels.Block;
import org.alkit.submodular.SetFunctions;
import org.alkit.submodular.functions.KernelRows;

/**
 * Builds exactly the kernel blocks a function needs ({@link SetFunctions#requiredKernels}) from
 * features, with submodlib's conventions (Iyer et al., submodlib, {@code cpp/utils/helper.cpp}):
 *
 * <ul>
 *   <li>data kernel K[i][j] = s(x_i, x_j), n × n, float32. {@code facility-location} gets its
 *       diagonal forced to exactly 1 ({@code create_square_kernel_dense}); every other function
 *       keeps s(x, x) as computed ({@code create_kernel}), e.g. 0.99999994 for cosine. K is
 *       exactly symmetric, K[i][j] = K[j][i] bit for bit: s is, and the backend evaluates s(x, y)
 *       and s(y, x) alike (the same fma chain over the features; the {@code java} backend computes
 *       one triangle of a matrix against itself and mirrors it), so the facility-location family
 *       reads K's rows as its columns
 *       ({@link org.alkit.submodular.functions.Catalog.Spec#create}).</li>
 *   <li>With {@code neighbors} = k &gt; 0, K is instead a sparse k-nearest-neighbour kernel (row i
 *       keeps its k most similar items, diagonal as computed): O(n·k) memory, for facility
 *       location on 10⁶ items. Option {@code knn} picks how: {@code exact} is
 *       {@link ComputeBackend#knnSimilarity}, brute force O(n²·d); {@code approximate} is
 *       {@link ComputeBackend#approximateKnnSimilarity} (the {@code java} backend runs NN-Descent,
 *       Dong, Moses &amp; Li, WWW 2011), seeded by the request, about O(n·k²·d) per iteration,
 *       with the item itself and k − 1 found neighbours a row and the same similarity values;
 *       {@code auto} (default) is exact for n ≤ {@value #AUTO_EXACT_MAX_N} and for the
 *       dot metric, approximate above.</li>
 *   <li>cross kernels ({@code create_kernel_NS}): KQ[i][t] = s(x_i, q_t) (n × q), KP[i][r] =
 *       s(x_i, p_r) (n × p), KQP[t][r] = s(q_t, p_r) (q × p); KQQ and KPP are square.</li>
 * </ul>
 *
 * The dense K is computed in row blocks of about 16 MB written into one n × n array, so its peak
 * memory is 4·n² bytes plus one block. The η/ν scaling is the function's job, not done here.
 * Functions that read K only by its diagonal and a few rows ({@code log-det}) get it from
 * {@link #rows} instead: the diagonal now, each row when the function reads it.
 */
public final class KernelBuilder {
  /** The option that switches the data kernel to its sparse k-NN form. */
  public static final Parameter NEIGHBORS = Parameter.integer("neighbors", 0,
      "k of a sparse k-nearest-neighbour data kernel (facility-location only); 0 = dense n × n").atLeast(0);

  /**
   * Largest n for which {@code knn = auto} finds the k-NN kernel exactly: where brute force stops
   * being faster than NN-Descent. Measured on uniform data in [0,1)^64, k = 20, euclidean, the
   * {@code java} backend, 2 shared cores (load about 3), exact vs NN-Descent wall time: n = 5 000:
   * 0.8 s vs 3.4 s; 10 000: 1.7 s vs 5.9 s; 20 000: 5.1 s vs 9.7 s; 40 000: 23.3 s vs 17.6 s.
   * Brute force grows as n², NN-Descent about linearly, so they meet near n = 31 000; up to there
   * the exact kernel costs no more and loses nothing. A faster backend moves the point up.
   */
  public static final int AUTO_EXACT_MAX_N = 30_000;

  /** The option that picks how the sparse k-NN data kernel is found. */
  public static final Parameter KNN = Parameter.choice("knn", "auto",
      "how the neighbors > 0 kernel is found: exact (brute force), approximate (NN-Descent) or auto"
          + " (exact for n <= " + AUTO_EXACT_MAX_N + ")", "auto", "exact", "approximate");

  /**
   * What the data kernel K should be.
   *
   * @param neighbors 0 for a dense K, else k of the sparse k-NN K (1 ≤ k ≤ n)
   * @param knn {@code exact}, {@code approximate} or {@code auto}, see {@link #KNN}
   * @param seed the seed of the approximate k-NN search
   */
  public record DataKernel(int neighbors, String knn, long seed) {
    /** The dense n × n kernel. */
    public static final DataKernel DENSE = new DataKernel(0, KNN.defaultValue(), 0);
  }

  /**
   * Up to this many kernel entries (n ≤ 12 288) the data kernel comes from one backend call, which
   * computes only the upper tiles of a symmetric kernel (about 1.6× faster at n = 10 000, d = 1 024)
   * but briefly holds two n × n copies when a diagonal not yet 1 is forced to 1; larger kernels are
   * filled in row blocks of {@link #BLOCK_FLOATS} with one copy.
   */
  private static final long WHOLE_KERNEL_FLOATS = 12_288L * 12_288L;
  /** Floats computed per backend call while filling a larger dense data kernel. */
  private static final int BLOCK_FLOATS = 1 << 22;

  /** The function whose dense data kernel has a unit diagonal (submodlib's FacilityLocationFunction). */
  private static final String UNIT_DIAGONAL_FUNCTION = "facility-location";

  private final String dataName;
  private final String queryName;
  private final String privateName;

  /**
   * @param dataName how messages call the ground-set features, e.g. {@code data}
   * @param queryName how they call the query features, e.g. {@code queryData}
   * @param privateName how they call the private features, e.g. {@code privateData}
   */
  public KernelBuilder(String dataName, String queryName, String privateName) {
    this.dataName = dataName;
    this.queryName = queryName;
    this.privateName = privateName;
  }

  /**
   * The kernels {@code function} needs.
   *
   * @param data ground-set features, n × d
   * @param query query features, q × d, or null
   * @param privateSet private features, p × d, or null
   * @param kernel dense or sparse k-NN data kernel, and how the latter is found
   * @throws InvalidInputException when a needed feature set is absent, the feature widths differ,
   *     a feature is not finite, {@code neighbors} is out of range or the function cannot read a
   *     sparse K, {@code knn} is unknown or cannot take the metric, or a dense K would exceed
   *     2³¹ − 1 floats
   */
  public Kernels build(String function, Matrix data, Matrix query, Matrix privateSet,
      Similarity metric, ComputeBackend backend, DataKernel kernel) {
    int neighbors = kernel.neighbors();
    if (neighbors < 0) {
      throw new InvalidInputException("option 'neighbors' = " + neighbors
          + "; expected 0 for a dense kernel or k > 0 for a sparse k-nearest-neighbour kernel");
    }
    String knn = (String) KNN.parse(kernel.knn());
    Set<Block> blocks = SetFunctions.requiredKernels(function);
    boolean needsQuery = blocks.contains(Block.QUERY) || blocks.contains(Block.QUERY_QUERY)
        || blocks.contains(Block.QUERY_PRIVATE);
    boolean needsPrivate = blocks.contains(Block.PRIVATE) || blocks.contains(Block.PRIVATE_PRIVATE)
        || blocks.contains(Block.QUERY_PRIVATE);
    requireFinite(data, dataName);
    if (needsQuery) {
      requireFeatures(function, query, queryName, data);
    }
    if (needsPrivate) {
      requireFeatures(function, privateSet, privateName, data);
    }
    Kernels k = Kernels.none();
    if (blocks.contains(Block.DATA)) {
      k = neighbors > 0
          ? k.withSparseKernel(sparse(data, metric, backend, checkNeighbors(function, neighbors,
              data.rows()), knn, kernel.seed()))
          : k.withKernel(dense(data, metric, backend, function.equals(UNIT_DIAGONAL_FUNCTION)));
    } else {
      checkNeighbors(function, neighbors, data.rows());
    }
    if (blocks.contains(Block.QUERY)) {
      k = k.withQueryKernel(backend.similarity(data, query, metric));
    }
    if (blocks.contains(Block.PRIVATE)) {
      k = k.withPrivateKernel(backend.similarity(data, privateSet, metric));
    }
    if (blocks.contains(Block.QUERY_QUERY)) {
      k = k.withQueryQueryKernel(backend.similarity(query, query, metric));
    }
    if (blocks.contains(Block.PRIVATE_PRIVATE)) {
      k = k.withPrivatePrivateKernel(backend.similarity(privateSet, privateSet, metric));
    }
    if (blocks.contains(Block.QUERY_PRIVATE)) {
      k = k.withQueryPrivateKernel(backend.similarity(query, privateSet, metric));
    }
    return k;
  }

  /**
   * The data kernel K[i][j] = s(x_i, x_j) of a function that reads it by rows
   * ({@link org.alkit.submodular.functions.Catalog.Spec#readsRows}), computed on demand
   * ({@link KernelRows#onDemand}): only the diagonal, O(n·d), is computed here; each row, O(n·d),
   * when the function reads it, i.e. during maximization. Entries equal those of the dense K of
   * {@link #build}, diagonal as computed; n is not limited by a dense n × n array.
   *
   * @throws InvalidInputException when a feature is not finite or {@code neighbors} ≠ 0
   */
  public KernelRows rows(String function, Matrix data, Similarity metric, ComputeBackend backend,
      DataKernel kernel) {
    checkNeighbors(function, kernel.neighbors(), data.rows());
    requireFinite(data, dataName);
    return KernelRows.onDemand(data, metric, backend);
  }

  private int checkNeighbors(String function, int neighbors, int n) {
    if (neighbors < 0 || neighbors > n) {
      throw new InvalidInputException("option 'neighbors' = " + neighbors
          + ": expected 0 (dense kernel) or 1 <= neighbors <= n = " + n);
    }
    if (neighbors > 0 && !SetFunctions.acceptsSparseKernel(function)) {
      throw new InvalidInputException("option 'neighbors' = " + neighbors + ": function '" + function
          + "' takes no sparse k-NN kernel; expected neighbors = 0 (only facility-location does)");
    }
    return neighbors;
  }

  private void requireFeatures(String function, Matrix features, String name, Matrix data) {
    if (features == null) {
      throw new InvalidInputException("function '" + function + "' needs " + name
          + ", which was not given");
    }
    if (features.cols() != data.cols()) {
      throw new InvalidInputException(name + " has " + features.cols() + " columns but " + dataName
          + " has " + data.cols() + "; expected the same feature dimension");
    }
    requireFinite(features, name);
  }

  /** Every value finite and small enough for squared distances to stay finite in float. */
  private static void requireFinite(Matrix m, String name) {
    m.requireFinite(name, Matrix.distanceSafeMagnitude(m.cols()));
  }

  private static SparseMatrix sparse(Matrix data, Similarity metric, ComputeBackend backend,
      int neighbors, String knn, long seed) {
    boolean approximate = knn.equals("approximate") || (knn.equals("auto")
        && data.rows() > AUTO_EXACT_MAX_N && metric != Similarity.DOT);
    if (approximate && metric != Similarity.EUCLIDEAN && metric != Similarity.COSINE) {
      throw new InvalidInputException("option 'knn' = 'approximate' with metric '" + metric.key()
          + "': expected metric euclidean or cosine (NN-Descent needs a distance), or knn = exact");
    }
    return approximate
        ? backend.approximateKnnSimilarity(data, metric, neighbors, seed)
        : backend.knnSimilarity(data, data, metric, neighbors);
  }

  private Matrix dense(Matrix data, Similarity metric, ComputeBackend backend, boolean unitDiagonal) {
    int n = data.rows();
    long bytes = (long) n * n * Float.BYTES;
    Runtime rt = Runtime.getRuntime();
    long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    if ((long) n * n > Integer.MAX_VALUE - 8 || bytes > free) {
      long fits = Math.min(46340, (long) Math.sqrt(free / (double) Float.BYTES));
      throw new InvalidInputException(dataName + " has n = " + n + " rows: a dense n × n kernel needs "
          + String.format(Locale.ROOT, "%.1f", bytes / (double) (1L << 30)) + " GiB"
          + ((long) n * n > Integer.MAX_VALUE - 8 ? ", more than one Java array holds (n <= 46340)"
              : String.format(Locale.ROOT, " but the heap has %.1f GiB free (n <= %d fits)",
                  free / (double) (1L << 30), fits))
          + "; expected option 'neighbors' > 0 for a sparse facility-location kernel, or a larger heap"
          + " (ALKIT_JAVA_OPTS=-Xmx" + (bytes * 3 / 2 + (1L << 30) - 1) / (1L << 30) + "g for the alkit command)");
    }
    if ((long) n * n <= WHOLE_KERNEL_FLOATS) {
      // one call: the backend sees the same matrix on both sides and computes half the tiles
      Matrix whole = backend.similarity(data, data, metric);
      if (!unitDiagonal || hasUnitDiagonal(whole)) {
        return whole;
      }
      float[] out = whole.toArray();
      for (int i = 0; i < n; i++) {
        out[i * n + i] = 1f;
      }
      return Matrix.wrap(n, n, out);
    }
    float[] out = new float[n * n];
    int step = Math.max(1, BLOCK_FLOATS / Math.max(1, n));
    for (int from = 0; from < n; from += step) {
      int to = Math.min(n, from + step);
      float[] block = backend.similarity(data.rows(from, to), data, metric).toArray();
      System.arraycopy(block, 0, out, from * n, block.length);
    }
    if (unitDiagonal) {
      for (int i = 0; i < n; i++) {
        out[i * n + i] = 1f;
      }
    }
    return Matrix.wrap(n, n, out);
  }

  /**
   * Whether every K[i][i] is exactly 1 already, as the euclidean s(x, x) = exp(−0) is, so that
   * forcing the unit diagonal copies nothing.
   */
  private static boolean hasUnitDiagonal(Matrix k) {
    for (int i = 0; i < k.rows(); i++) {
      if (k.get(i, i) != 1f) {
        return false;
      }
    }
    return true;
  }
}
