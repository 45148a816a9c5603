package org.alkit.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * The heavy kernels strategies share. The pure-Java backend ({@code java}, in al-runtime) works in
 * row blocks on all cores; al-gpu adds a DJL backend. Results are identical for any thread count:
 * each output element is computed by one thread in a fixed order.
 *
 * <p>Memory: {@link #nearest} needs {@code O(block · (d + tile))} beyond its output, never
 * {@code |queries| × |references|}. The dense kernels
 * ({@link #squaredDistances}, {@link #similarity}, {@link #gram}) allocate the full
 * {@code |a| × |b|} result and are meant for blocks or small sets; {@link #knnSimilarity} keeps
 * {@code k} entries a row.
 */
@API(status = STABLE, since = "0.1")
public interface ComputeBackend {

  /** The name configuration selects the backend by, e.g. {@code java}. */
  String name();

  /** For each row of {@code queries}, its nearest row of {@code references} (squared L2). */
  Neighbors nearest(Matrix queries, Matrix references);

  /** Dense {@code |a| × |b|} squared Euclidean distances ‖a_i − b_j‖². */
  Matrix squaredDistances(Matrix a, Matrix b);

  /** Dense {@code |a| × |b|} inner products a_i · b_j. */
  Matrix gram(Matrix a, Matrix b);

  /** Dense {@code |a| × |b|} similarities s(a_i, b_j), see {@link Similarity}. */
  Matrix similarity(Matrix a, Matrix b, Similarity similarity);

  /**
   * Sparse k-nearest-neighbour similarities: row {@code i} holds the {@code k} rows of {@code b}
   * most similar to {@code a_i} (ties to the lower index), columns ascending.
   */
  SparseMatrix knnSimilarity(Matrix a, Matrix b, Similarity similarity, int k);

  /** Positions of the {@code k} largest scores, best first, ties to the lower position. */
  default int[] topK(double[] scores, int k) {
    return Ranking.topK(scores, k);
  }
}
