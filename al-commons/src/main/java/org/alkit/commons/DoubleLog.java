package org.alkit.commons;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * The natural logarithm of a {@code double} to double precision, and the entropy terms the Bayesian
 * strategies spend their time in (BALD on 50 000 items × 10 classes × 20 passes takes ten million
 * logarithms). Evaluated by integer operations on the bits, one division and fused multiply-adds
 * alone, without a table, so that {@link VectorLog} repeats it bit for bit in SIMD lanes (the way
 * {@link FloatExp} serves the euclidean kernels). The results are within one ulp or so of
 * {@link Math#log}, which BALD's "0 when every pass agrees" and "never negative" need to 10⁻¹².
 * A scalar loop over float rows is faster with {@link FloatLog}'s table (about 2.4 ns a value
 * here against 4.5); SIMD lanes cannot index a table without gathers, hence this second method.
 *
 * <p>A positive normal double is {@code v = 2^k · m} with {@code m ∈ [√2/2, √2)} (the mantissa
 * is halved and {@code k} raised when it is at least about √2). With {@code f = m − 1} (exact)
 * and {@code s = f / (2 + f)},
 *
 * <pre>  ln v = k ln 2 + ln m,   ln m = 2 atanh s = f − f²/2 + s (f²/2 + R(s²)),
 *  R(z) = Lg1 z + Lg2 z² + … + Lg7 z⁷   (|s| ≤ 0.1716)</pre>
 *
 * with the minimax coefficients {@code Lg1…Lg7} of the freely distributable fdlibm
 * ({@code e_log.c}, Sun Microsystems 1993: error below 2⁻⁵⁸·⁴⁵ on the interval), and {@code ln 2}
 * split in a high part with trailing zero bits (so {@code k · LN2_HIGH} is exact) and the rest.
 * {@code ln 1 = 0} exactly, so a certain prediction has entropy exactly 0. Zero, subnormals,
 * negatives, infinities and NaN go to {@link Math#log}.
 */
@API(status = INTERNAL, since = "0.1")
public final class DoubleLog {
  /** Added to the bits, carries into the exponent exactly when the mantissa is at least ≈ √2 (0x6A09C·2⁻²⁰ + 1). */
  static final long SQRT2_CARRY = 0x95f64L << 32;
  static final int MANTISSA_BITS = 52;
  static final long EXPONENT_BIAS = 1023;
  /** The bits of 2⁵²: OR-ed with a biased exponent e (below 2¹¹) they make the double 2⁵² + e exactly. */
  static final long TWO_52_BITS = Double.doubleToRawLongBits(0x1p52);
  /** 2⁵² + 1023: subtracted from 2⁵² + e, leaves the unbiased exponent. */
  static final double TWO_52_PLUS_BIAS = 0x1p52 + EXPONENT_BIAS;
  /** ln 2 rounded to 32 significant bits: k · LN2_HIGH is exact for |k| < 2²⁰. */
  static final double LN2_HIGH = 6.93147180369123816490e-01;
  /** ln 2 − {@link #LN2_HIGH}. */
  static final double LN2_LOW = 1.90821492927058770002e-10;
  static final double LG1 = 6.666666666666735130e-01;
  static final double LG2 = 3.999999999940941908e-01;
  static final double LG3 = 2.857142874366239149e-01;
  static final double LG4 = 2.222219843214978396e-01;
  static final double LG5 = 1.818357216161805012e-01;
  static final double LG6 = 1.531383769920937332e-01;
  static final double LG7 = 1.479819860511658591e-01;
  private static final long MIN_NORMAL_BITS = Double.doubleToRawLongBits(Double.MIN_NORMAL);
  private static final long INFINITY_BITS = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);

  private DoubleLog() {}

  /** {@code ln v}, within about one ulp of {@link Math#log}; Math.log's where v is not a positive normal. */
  public static double ln(double v) {
    long bits = Double.doubleToRawLongBits(v);
    // zero, subnormals and negatives (sign bit set: bits < 0) fall below the first normal
    if (bits < MIN_NORMAL_BITS || bits >= INFINITY_BITS) {
      return Math.log(v);
    }
    return lnOfNormalOrZero(bits);
  }

  /**
   * {@code ln v} without the special cases, for kernels that repeat {@link VectorLog#ln} in scalar
   * code: bit for bit {@link #ln} where {@code v} is a positive normal double, and the same finite
   * value as VectorLog where {@code v} is +0 (so {@code v · lnOfNormalOrZero(v)} is a zero).
   * Anything else gives a meaningless number.
   */
  public static double lnOfNormalOrZero(double v) {
    return lnOfNormalOrZero(Double.doubleToRawLongBits(v));
  }

  /**
   * The logarithm of the positive normal double with these bits, by the steps in the class
   * comment; {@link VectorLog#ln} takes the same steps lane by lane. For the bits of +0 it gives
   * a finite value, as the vector code does.
   */
  static double lnOfNormalOrZero(long bits) {
    long biased = (bits + SQRT2_CARRY) >>> MANTISSA_BITS;
    double m = Double.longBitsToDouble(bits - ((biased - EXPONENT_BIAS) << MANTISSA_BITS));
    double k = Double.longBitsToDouble(biased | TWO_52_BITS) - TWO_52_PLUS_BIAS;
    double f = m - 1;
    double s = f / (2 + f);
    double z = s * s;
    double w = z * z;
    double even = w * Math.fma(w, Math.fma(w, LG6, LG4), LG2);
    double odd = z * Math.fma(w, Math.fma(w, Math.fma(w, LG7, LG5), LG3), LG1);
    double halfSquare = 0.5 * f * f;
    double r = odd + even;
    return k * LN2_HIGH - ((halfSquare - Math.fma(s, halfSquare + r, k * LN2_LOW)) - f);
  }

  /** {@code v ln v}, and 0 for {@code v ≤ 0} (the limit at 0). */
  public static double xlnx(double v) {
    return v > 0 ? v * ln(v) : 0;
  }

  /**
   * The entropy −Σ q ln q (nats) of a non-negative vector renormalised to {@code q = v / Σv}, from
   * its sum and {@code Σ v ln v}: {@code ln S − (Σ v ln v) / S}; 0 for an all-zero vector.
   */
  public static double normalisedEntropy(double sum, double sumXlnx) {
    return sum > 0 ? ln(sum) - sumXlnx / sum : 0;
  }
}
