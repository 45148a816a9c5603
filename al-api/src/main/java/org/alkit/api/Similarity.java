package org.alkit.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Similarity measures for kernels, with submodlib's conventions (Iyer et al., submodlib,
 * {@code cpp/utils/helper.cpp}) so results agree with the reference library.
 */
@API(status = STABLE, since = "0.1")
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
