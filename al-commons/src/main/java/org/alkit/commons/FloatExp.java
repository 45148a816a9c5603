package org.alkit.commons;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * The float {@code exp} of the euclidean similarity s(x, y) = exp(−‖x − y‖₂ / d), with submodlib's
 * float conventions (Iyer et al., submodlib, {@code cpp/utils/helper.cpp}), evaluated by fused
 * multiply-adds alone so that SIMD kernels can repeat it bit for bit: y = k·ln 2 + r with
 * k = round(y·log₂e) and |r| ≤ ln(2)/2 (Cody–Waite), e^r by its Taylor polynomial of degree 7 in
 * Horner form, scaled by 2^k. The result is within 2 ulp of e^y, exactly 1 at y = 0 (a row with
 * itself), 0 below y = {@value #EXP_MIN} (where e^y is not a normal float) and NaN for NaN.
 *
 * <p>Every alkit kernel (the compute backends, approximate k-NN graphs) takes its euclidean
 * values from {@link #euclideanSimilarity} or reproduces it bit for bit from these constants.
 */
@API(status = INTERNAL, since = "0.1")
public final class FloatExp {
  /** ln(2) split for Cody–Waite reduction: {@code LN2_HIGH} has 11 trailing zero bits, so k·LN2_HIGH is exact. */
  public static final float LN2_HIGH = 0.693145751953125f;
  /** ln(2) − {@link #LN2_HIGH}. */
  public static final float LN2_LOW = 1.428606765330187e-06f;
  /** log₂ e. */
  public static final float LOG2_E = 1.44269504088896341f;
  /** 1.5·2²³: adding it rounds a float of magnitude below 2²² to an integer. */
  public static final float ROUNDING = 12582912f;
  /** Below this argument exp is under the smallest normal float; the result is 0. */
  public static final float EXP_MIN = -87.33654f;

  private FloatExp() {}

  /**
   * The euclidean similarity of two rows at squared distance {@code squaredDistance}:
   * {@code exp(y)} with {@code y = −sqrt(squaredDistance) · inverseCols} in float, as submodlib
   * computes it (with {@code inverseCols = (float) (1.0 / d)}).
   *
   * @param squaredDistance ‖x − y‖², non-negative
   * @param inverseCols 1/d as a float
   */
  public static float euclideanSimilarity(float squaredDistance, float inverseCols) {
    return exp(-(float) Math.sqrt(squaredDistance) * inverseCols);
  }

  /** e^y in float, within 2 ulp, by the operations described in the class comment. */
  public static float exp(float y) {
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
