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

  /** ln(2) split for Cody–Waite reduction: {@code LN2_HIGH} has 11 trailing zero bits, so k·LN2_HIGH is exact. */
  private static final float LN2_HIGH = 0.693145751953125f;
  private static final float LN2_LOW = 1.428606765330187e-06f;
  private static final float LOG2_E = 1.44269504088896341f;
  /** 1.5·2²³: adding it rounds a float of magnitude below 2²² to an integer. */
  private static final float ROUNDING = 12582912f;
  /** Below this argument exp is under the smallest normal float; the result is 0. */
  private static final float EXP_MIN = -87.33654f;

  /** The lower-case name used on the command line. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The {@link #EUCLIDEAN} similarity of two rows at squared distance {@code squaredDistance}:
   * {@code exp(y)} with {@code y = −sqrt(squaredDistance) · inverseCols} in float, as submodlib
   * computes it (with {@code inverseCols = (float) (1.0 / d)}). Every alkit kernel (the compute
   * backends, approximate k-NN graphs) takes its euclidean values from here or reproduces it bit
   * for bit.
   *
   * <p>exp is evaluated in float by fused multiply-adds alone, so that SIMD kernels can repeat it
   * exactly: y = k·ln 2 + r with k = round(y·log₂e) and |r| ≤ ln(2)/2 (Cody–Waite), e^r by its
   * Taylor polynomial of degree 7 in Horner form, scaled by 2^k. The result is within 2 ulp of
   * e^y, is exactly 1 at y = 0 (a row with itself), 0 below y = −87.34 (where e^y is not a normal
   * float) and NaN for a NaN distance.
   *
   * @param squaredDistance ‖x − y‖², non-negative
   * @param inverseCols 1/d as a float
   */
  public static float euclidean(float squaredDistance, float inverseCols) {
    float y = -(float) Math.sqrt(squaredDistance) * inverseCols;
    if (y < EXP_MIN) {
      return 0f;
    }
    float k = Math.fma(y, LOG2_E, ROUNDING) - ROUNDING;
    float r = Math.fma(k, -LN2_HIGH, y);
    r = Math.fma(k, -LN2_LOW, r);
    float p = 1f / 5040;
    p = Math.fma(p, r, 1f / 720);
    p = Math.fma(p, r, 1f / 120);
    p = Math.fma(p, r, 1f / 24);
    p = Math.fma(p, r, 1f / 6);
    p = Math.fma(p, r, 0.5f);
    p = Math.fma(p, r, 1f);
    p = Math.fma(p, r, 1f);
    return p * Float.intBitsToFloat(((int) k + 127) << 23);
  }
}
