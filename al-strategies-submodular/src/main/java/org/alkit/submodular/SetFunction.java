package org.alkit.submodular;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A set function f : 2^V → ℝ over the ground set V = {0, …, n−1}, with memoized statistics for a
 * current set A so that a marginal gain f(j | A) = f(A ∪ {j}) − f(A) costs O(n) or less
 * (facility location keeps each row's current maximum, log-det an incremental Cholesky factor,
 * graph cut running sums).
 *
 * <p>Between two calls of {@link #add}, {@link #gain} only reads the memo, so optimizers may call
 * it from several threads at once.
 */
@API(status = STABLE, since = "0.1")
public interface SetFunction {
  /** n, the size of the ground set. */
  int groundSize();

  /** f(S) computed from scratch (does not touch the memo). */
  double evaluate(int[] set);

  /** f(j | A) for the memoized A; {@code j} is not in A. Thread-safe between adds. */
  double gain(int j);

  /** A := A ∪ {j}, updating the memo. */
  void add(int j);

  /** A := ∅. */
  void clear();

  /**
   * Whether f is submodular, so stale gains are upper bounds and lazy evaluation is exact.
   * Optimizers run a plain greedy on functions that are not.
   */
  boolean isSubmodular();
}
