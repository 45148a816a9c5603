package org.alkit.commons;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * The natural logarithm of a {@code double} to double precision, and the entropy terms the Bayesian
 * strategies spend their time in. BALD on 50 000 items × 10 classes × 20 passes takes ten million
 * logarithms; {@link Math#log} needs about 15 ns each here, {@link #ln} about 2. {@link FloatLog}
 * is the float companion (relative error 10⁻¹¹); this one keeps 10⁻¹⁴, which BALD's
 * "0 when every pass agrees" and "never negative" need to 10⁻¹².
 *
 * <p>A positive normal double is {@code v = 2^e · m}, {@code m ∈ [1, 2)}. The top
 * {@value #TABLE_BITS} mantissa bits pick the node {@code c = 1 + i / 2^TABLE_BITS ≤ m}, so
 * {@code r = m / c − 1 ∈ [0, 2⁻⁸)} and
 *
 * <pre>  ln v = e ln 2 + ln c + ln(1 + r),   ln(1 + r) ≈ r − r²/2 + r³/3 − r⁴/4 + r⁵/5</pre>
 *
 * with a truncation error below {@code r⁶/6 < 10⁻¹⁵}: every result is within
 * {@code 10⁻¹⁴ + 10⁻¹⁵·|ln v|} of {@code Math.log} (the second term is the rounding of
 * {@code e ln 2}; the tests check a dense sample), and {@code ln 1 = 0} exactly, so
 * a certain prediction has entropy exactly 0. Zero, subnormals, negatives, infinities and NaN go
 * to {@link Math#log}.
 */
@API(status = INTERNAL, since = "0.1")
public final class DoubleLog {
  private static final int TABLE_BITS = 8;
  private static final int MANTISSA_BITS = 52;
  private static final long MANTISSA_MASK = (1L << MANTISSA_BITS) - 1;
  private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);
  private static final long MIN_NORMAL_BITS = Double.doubleToRawLongBits(Double.MIN_NORMAL);
  private static final long INFINITY_BITS = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);
  private static final double LN2 = Math.log(2);
  /** {@code ln c_i} for the nodes {@code c_i = 1 + i / 2^TABLE_BITS}. */
  private static final double[] LN_NODE = new double[1 << TABLE_BITS];
  /** {@code 1 / c_i}. */
  private static final double[] INV_NODE = new double[1 << TABLE_BITS];

  static {
    for (int i = 0; i < LN_NODE.length; i++) {
      double node = 1 + (double) i / LN_NODE.length;
      LN_NODE[i] = Math.log(node);
      INV_NODE[i] = 1 / node;
    }
  }

  private DoubleLog() {}

  /** {@code ln v}, within {@code 10⁻¹⁴ + 10⁻¹⁵·|ln v|} of {@link Math#log}. */
  public static double ln(double v) {
    long bits = Double.doubleToRawLongBits(v);
    // zero, subnormals and negatives (sign bit set: bits < 0) fall below the first normal
    if (bits < MIN_NORMAL_BITS || bits >= INFINITY_BITS) {
      return Math.log(v);
    }
    int exponent = (int) (bits >>> MANTISSA_BITS) - 1023;
    int node = (int) (bits >>> (MANTISSA_BITS - TABLE_BITS)) & (LN_NODE.length - 1);
    double m = Double.longBitsToDouble((bits & MANTISSA_MASK) | ONE_BITS);
    double r = m * INV_NODE[node] - 1;
    return exponent * LN2 + LN_NODE[node] + log1p(r);
  }

  /** {@code ln(1 + r)} for {@code 0 ≤ r < 2⁻⁸}, to degree 5. */
  private static double log1p(double r) {
    return r * (1 - r * (1.0 / 2 - r * (1.0 / 3 - r * (1.0 / 4 - r * (1.0 / 5)))));
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
