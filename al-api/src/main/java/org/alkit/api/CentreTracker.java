package org.alkit.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The incremental nearest-centre state of greedy k-center, its doubt-weighted variant, k-means++
 * seeding and BADGE: for n tracked points it keeps D²(x) = min over centres c of d(x, c)², and
 * {@link #add} folds in one new centre. Obtain one over squared L2 distances from
 * {@link ComputeBackend#centreTracker}; alkit's BADGE keeps its own over factorised gradient
 * embeddings, which runs on {@link ComputeBackend#parallelFor}.
 *
 * <p>How an update is done is the backend's business: the {@code java} backend prunes with the
 * triangle inequality (Elkan, ICML 2003) and Cauchy–Schwarz bounds; a tensor backend may update
 * every point on the device. Every implementation gives the same D² as the plain update
 * D²(x) ← min(D²(x), d(x, c)²) with the tracker's distance, on any thread count.
 *
 * <p>A tracker holds backend resources (device memory); close it when done. It is not
 * thread-safe: one strategy thread drives it.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface CentreTracker extends AutoCloseable {

  /** n, the number of tracked points; positions are {@code [0, n)}. */
  int size();

  /** D²(x), +∞ while there is no centre, 0 for a point made a centre. */
  double squaredDistance(int x);

  /** Copies D² of every tracked point into {@code into[0, n)}. */
  void squaredDistances(double[] into);

  /** Whether tracked point x has been made a centre by {@link #add}. */
  boolean isCentre(int x);

  /**
   * Makes tracked point {@code c} a centre and lowers every D²(x) it improves; D²(c) becomes 0.
   *
   * @throws IndexOutOfBoundsException if c is outside {@code [0, n)}
   */
  void add(int c);

  /**
   * The non-centre tracked point with the largest D², ties to the lowest position; −1 if every
   * point is a centre. The greedy k-center pick.
   */
  int farthest();

  /**
   * The k-means++ draw for a uniform {@code u} in [0, 1): with T = Σ D²(x) over non-centres, summed
   * in ascending position order in double, the first non-centre x with D²(x) &gt; 0 at which the
   * running sum exceeds u·T (the last such x if rounding leaves none); when T is 0 (duplicates),
   * the lowest non-centre position.
   *
   * @throws IllegalStateException if every point is a centre
   */
  int sample(double u);

  /** ‖x‖² of every tracked point in the tracker's space (for gradient embeddings ‖g‖²‖h‖²). */
  double[] squaredNorms();

  /** An independent copy of the state (beam search keeps several). */
  CentreTracker copy();

  /** Releases the tracker's resources. The default does nothing. */
  @Override
  default void close() {}
}
