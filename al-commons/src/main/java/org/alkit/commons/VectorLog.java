package org.alkit.commons;

import static org.apiguardian.api.API.Status.INTERNAL;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.apiguardian.api.API;

/**
 * {@link DoubleLog#ln} in SIMD lanes with the Vector API ({@code jdk.incubator.vector}): the same
 * integer steps on the bits, the same division and fused multiply-adds in the same order, so every
 * lane holds exactly the bits {@code DoubleLog.ln} returns for it. Kernels that use it therefore
 * give the same results with and without the Vector API.
 *
 * <p>Only for lanes that are positive normal doubles or zero (every float and every probability is
 * one); a zero lane gives a finite value, so {@code v · ln v} is a zero there. Load this class only
 * after {@link VectorApi#available(Class)} said yes: its methods name Vector API types.
 */
@API(status = INTERNAL, since = "0.1")
public final class VectorLog {
  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

  private VectorLog() {}

  /**
   * {@code out[i] = ln x[i]} for {@code i < length}, bit for bit {@link DoubleLog#ln} where
   * {@code x[i]} is a positive normal double; a finite value where it is zero, so that
   * {@code x[i] · out[i]} is a zero. One call covers many values on purpose: each vector call
   * inlines a deep tree of methods, and a kernel that calls {@code ln} in several places passes
   * C2's inlining cutoff, after which its vectors are boxed and it runs many times slower.
   */
  public static void ln(double[] x, double[] out, int length) {
    int i = 0;
    for (int end = SPECIES.loopBound(length); i < end; i += SPECIES.length()) {
      ln(DoubleVector.fromArray(SPECIES, x, i)).intoArray(out, i);
    }
    for (; i < length; i++) {
      out[i] = DoubleLog.lnOfNormalOrZero(x[i]);
    }
  }

  /** {@code ln v} lane by lane, bit for bit {@link DoubleLog#ln} on positive normal lanes. */
  private static DoubleVector ln(DoubleVector v) {
    LongVector bits = (LongVector) v.viewAsIntegralLanes();
    LongVector biased = bits.add(DoubleLog.SQRT2_CARRY)
        .lanewise(VectorOperators.LSHR, DoubleLog.MANTISSA_BITS);
    DoubleVector m = (DoubleVector) bits.sub(biased.sub(DoubleLog.EXPONENT_BIAS)
        .lanewise(VectorOperators.LSHL, DoubleLog.MANTISSA_BITS)).viewAsFloatingLanes();
    DoubleVector k = ((DoubleVector) biased.lanewise(VectorOperators.OR, DoubleLog.TWO_52_BITS)
        .viewAsFloatingLanes()).sub(DoubleLog.TWO_52_PLUS_BIAS);
    DoubleVector f = m.sub(1);
    DoubleVector s = f.div(f.add(2));
    DoubleVector z = s.mul(s);
    DoubleVector w = z.mul(z);
    DoubleVector even = w.mul(w.fma(w.fma(DoubleLog.LG6, DoubleLog.LG4), w.broadcast(DoubleLog.LG2)));
    DoubleVector odd = z.mul(w.fma(w.fma(w.fma(DoubleLog.LG7, DoubleLog.LG5),
        w.broadcast(DoubleLog.LG3)), w.broadcast(DoubleLog.LG1)));
    DoubleVector halfSquare = f.mul(0.5).mul(f);
    DoubleVector r = odd.add(even);
    return k.mul(DoubleLog.LN2_HIGH)
        .sub(halfSquare.sub(s.fma(halfSquare.add(r), k.mul(DoubleLog.LN2_LOW))).sub(f));
  }
}
