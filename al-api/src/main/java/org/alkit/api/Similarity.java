package org.alkit.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Similarity measures for kernels, with submodlib's conventions (Iyer et al., submodlib,
 * {@code cpp/utils/helper.cpp}) so results agree with the reference library. All are computed in
 * float32: the euclidean one as exp(y), y = −sqrt(‖x − y‖²)·(1/d) with 1/d rounded to float, by
 * the fused multiply-add evaluation every alkit backend shares (within 2 ulp of e^y, exactly 1
 * for a row with itself, 0 below y = −87.34); cosine from the fma dot chain of {@link Matrix#dot}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Similarity {
  /** s(x, y) = exp(−‖x − y‖₂ / d), d the number of features: a Laplacian kernel on the plain distance, in (0, 1]. */
  EUCLIDEAN,
  /** s(x, y) = x·y / (‖x‖‖y‖), and 0 when either norm is 0; in [−1, 1]. */
  COSINE,
  /** s(x, y) = x·y. */
  DOT;

  /** The lower-case name used on the command line. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
