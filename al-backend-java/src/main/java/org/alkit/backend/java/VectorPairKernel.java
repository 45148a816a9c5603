package org.alkit.backend.java;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.alkit.commons.FloatExp;

/**
 * The {@link PairKernel}s written with the Vector API ({@code jdk.incubator.vector}), register
 * blocked: a micro-tile of four query rows × three vectors of reference rows (two with 256-bit
 * vectors, see {@link #THIRD}) keeps its twelve (eight) accumulator vectors in registers for a
 * whole column chunk, so each packed reference vector is
 * loaded once for four rows, each broadcast query value serves three vectors, and no accumulator
 * goes through memory between columns. The reference tile comes packed in strips of
 * {@link #WIDTH} rows ({@link JavaBackend#packStrips}): a micro-tile reads its strip as one
 * contiguous run, {@code WIDTH} floats a column. C2's automatic vectorisation of
 * {@link PairKernel} cannot do that: it vectorises only the innermost loop, whose accumulators
 * live in arrays.
 *
 * <p>Measured on the 2-core AVX-512 development machine (squared distances, d = 1 024, one
 * thread, warm): four × two vectors with one array per packed column (2 KiB apart, so a strip's
 * 128 lines fall into a few L1 sets and evict one another) about 26·10⁹ pairs × columns a second;
 * the same in contiguous strips about 30·10⁹; four × three vectors in strips about 32·10⁹;
 * two × four vectors slower than four × two.
 *
 * <p>Each lane holds one (query, reference) pair and adds its terms one column at a time,
 * {@code acc ← fma(t, t, acc)} with {@code t = x − y} (or {@code acc ← fma(x, y, acc)}), exactly
 * the operations and order of {@link PairKernel}'s scalar loops: both give the same bits.
 *
 * <p>The methods are written out, without helper calls, and the micro-tile is kept at twelve
 * accumulators on purpose: every Vector API call inlines a deep tree of methods, and past C2's
 * node-count inlining cutoff the remaining calls are not inlined, their vectors are boxed and the
 * kernel runs about a hundred times slower.
 *
 * <p>Only loaded when {@link JavaBackend#vectorApiAvailable()} says the module is in the boot layer
 * (the JVM was started with {@code --add-modules jdk.incubator.vector}); otherwise the backend runs
 * {@link PairKernel}.
 */
final class VectorPairKernel {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();

  /**
   * Whether the micro-tile has a third vector of reference rows: with 16 lanes (AVX-512, 32
   * registers) it does; with 8 (AVX2, 16 registers) four rows × three vectors need twelve
   * accumulators, three reference vectors and a broadcast, every register and more, and the
   * spills made it slower than {@link PairKernel}'s loops (2.63 s against 2.26 s for the euclidean
   * kernel 10 000 × 10 000, d = 1 024, on an AVX2 AMD EPYC, Zen 3), so there the tile is four
   * rows × two vectors (eight accumulators). The branches on this constant are folded when C2
   * compiles the kernels.
   */
  private static final boolean THIRD = LANES >= 16;

  /** Reference columns one micro-tile covers; packed tiles are padded to a multiple of it. */
  static final int WIDTH = (THIRD ? 3 : 2) * LANES;
  /** The narrowest vectors (bits) on which the micro-tile beats {@link PairKernel}'s loops. */
  static final int PAYING_BITS = 256;

  /**
   * Whether the micro-tile is faster than {@link PairKernel}'s loops on this CPU. Measured on the
   * 2-core AVX-512 AMD EPYC development machine (euclidean kernel 10 000 × 10 000, d = 1 024, the
   * two in turn, 5 runs, a heavily loaded machine, see docs/benchmarks.md): 512-bit vectors,
   * four × three, 2.3× faster (median); 256-bit vectors ({@code -XX:UseAVX=2}), four × three as
   * fast as the loops, four × two 1.45× faster (2.0× best against best). With 128-bit vectors
   * (SSE) it has not been measured, and the loops run.
   */
  static boolean paysOverScalar() {
    return SPECIES.vectorBitSize() >= PAYING_BITS;
  }


  private VectorPairKernel() {}

  /**
   * Adds (a_k − b_k)² for {@code kc} consecutive columns into {@code c0..c3}: four packed query
   * rows ({@code d} floats apart, from {@code a[a0]}) against reference rows {@code [0, width)},
   * packed in strips: column k of reference row j is {@code strips[(j − j mod WIDTH)·kc + k·WIDTH
   * + j mod WIDTH]}; {@code width} is a multiple of {@link #WIDTH} and every array at least that
   * long.
   */
  static void squareRows4(float[] a, int a0, int d, float[] strips, int kc, int width,
      float[] c0, float[] c1, float[] c2, float[] c3) {
    for (int j = 0; j < width; j += WIDTH) {
      FloatVector s00 = FloatVector.fromArray(SPECIES, c0, j);
      FloatVector s01 = FloatVector.fromArray(SPECIES, c0, j + LANES);
      FloatVector s02 = THIRD ? FloatVector.fromArray(SPECIES, c0, j + 2 * LANES) : null;
      FloatVector s10 = FloatVector.fromArray(SPECIES, c1, j);
      FloatVector s11 = FloatVector.fromArray(SPECIES, c1, j + LANES);
      FloatVector s12 = THIRD ? FloatVector.fromArray(SPECIES, c1, j + 2 * LANES) : null;
      FloatVector s20 = FloatVector.fromArray(SPECIES, c2, j);
      FloatVector s21 = FloatVector.fromArray(SPECIES, c2, j + LANES);
      FloatVector s22 = THIRD ? FloatVector.fromArray(SPECIES, c2, j + 2 * LANES) : null;
      FloatVector s30 = FloatVector.fromArray(SPECIES, c3, j);
      FloatVector s31 = FloatVector.fromArray(SPECIES, c3, j + LANES);
      FloatVector s32 = THIRD ? FloatVector.fromArray(SPECIES, c3, j + 2 * LANES) : null;
      for (int k = 0, at = j * kc; k < kc; k++, at += WIDTH) {
        FloatVector b0 = FloatVector.fromArray(SPECIES, strips, at);
        FloatVector b1 = FloatVector.fromArray(SPECIES, strips, at + LANES);
        FloatVector b2 = THIRD ? FloatVector.fromArray(SPECIES, strips, at + 2 * LANES) : null;
        FloatVector x0 = FloatVector.broadcast(SPECIES, a[a0 + k]);
        FloatVector t00 = x0.sub(b0);
        s00 = t00.fma(t00, s00);
        FloatVector t01 = x0.sub(b1);
        s01 = t01.fma(t01, s01);
        if (THIRD) {
          FloatVector t02 = x0.sub(b2);
          s02 = t02.fma(t02, s02);
        }
        FloatVector x1 = FloatVector.broadcast(SPECIES, a[a0 + d + k]);
        FloatVector t10 = x1.sub(b0);
        s10 = t10.fma(t10, s10);
        FloatVector t11 = x1.sub(b1);
        s11 = t11.fma(t11, s11);
        if (THIRD) {
          FloatVector t12 = x1.sub(b2);
          s12 = t12.fma(t12, s12);
        }
        FloatVector x2 = FloatVector.broadcast(SPECIES, a[a0 + 2 * d + k]);
        FloatVector t20 = x2.sub(b0);
        s20 = t20.fma(t20, s20);
        FloatVector t21 = x2.sub(b1);
        s21 = t21.fma(t21, s21);
        if (THIRD) {
          FloatVector t22 = x2.sub(b2);
          s22 = t22.fma(t22, s22);
        }
        FloatVector x3 = FloatVector.broadcast(SPECIES, a[a0 + 3 * d + k]);
        FloatVector t30 = x3.sub(b0);
        s30 = t30.fma(t30, s30);
        FloatVector t31 = x3.sub(b1);
        s31 = t31.fma(t31, s31);
        if (THIRD) {
          FloatVector t32 = x3.sub(b2);
          s32 = t32.fma(t32, s32);
        }
      }
      s00.intoArray(c0, j);
      s01.intoArray(c0, j + LANES);
      if (THIRD) {
        s02.intoArray(c0, j + 2 * LANES);
      }
      s10.intoArray(c1, j);
      s11.intoArray(c1, j + LANES);
      if (THIRD) {
        s12.intoArray(c1, j + 2 * LANES);
      }
      s20.intoArray(c2, j);
      s21.intoArray(c2, j + LANES);
      if (THIRD) {
        s22.intoArray(c2, j + 2 * LANES);
      }
      s30.intoArray(c3, j);
      s31.intoArray(c3, j + LANES);
      if (THIRD) {
        s32.intoArray(c3, j + 2 * LANES);
      }
    }
  }

  /** As {@link #squareRows4} for the products a_k·b_k. */
  static void dotRows4(float[] a, int a0, int d, float[] strips, int kc, int width,
      float[] c0, float[] c1, float[] c2, float[] c3) {
    for (int j = 0; j < width; j += WIDTH) {
      FloatVector s00 = FloatVector.fromArray(SPECIES, c0, j);
      FloatVector s01 = FloatVector.fromArray(SPECIES, c0, j + LANES);
      FloatVector s02 = THIRD ? FloatVector.fromArray(SPECIES, c0, j + 2 * LANES) : null;
      FloatVector s10 = FloatVector.fromArray(SPECIES, c1, j);
      FloatVector s11 = FloatVector.fromArray(SPECIES, c1, j + LANES);
      FloatVector s12 = THIRD ? FloatVector.fromArray(SPECIES, c1, j + 2 * LANES) : null;
      FloatVector s20 = FloatVector.fromArray(SPECIES, c2, j);
      FloatVector s21 = FloatVector.fromArray(SPECIES, c2, j + LANES);
      FloatVector s22 = THIRD ? FloatVector.fromArray(SPECIES, c2, j + 2 * LANES) : null;
      FloatVector s30 = FloatVector.fromArray(SPECIES, c3, j);
      FloatVector s31 = FloatVector.fromArray(SPECIES, c3, j + LANES);
      FloatVector s32 = THIRD ? FloatVector.fromArray(SPECIES, c3, j + 2 * LANES) : null;
      for (int k = 0, at = j * kc; k < kc; k++, at += WIDTH) {
        FloatVector b0 = FloatVector.fromArray(SPECIES, strips, at);
        FloatVector b1 = FloatVector.fromArray(SPECIES, strips, at + LANES);
        FloatVector b2 = THIRD ? FloatVector.fromArray(SPECIES, strips, at + 2 * LANES) : null;
        FloatVector x0 = FloatVector.broadcast(SPECIES, a[a0 + k]);
        s00 = x0.fma(b0, s00);
        s01 = x0.fma(b1, s01);
        if (THIRD) {
          s02 = x0.fma(b2, s02);
        }
        FloatVector x1 = FloatVector.broadcast(SPECIES, a[a0 + d + k]);
        s10 = x1.fma(b0, s10);
        s11 = x1.fma(b1, s11);
        if (THIRD) {
          s12 = x1.fma(b2, s12);
        }
        FloatVector x2 = FloatVector.broadcast(SPECIES, a[a0 + 2 * d + k]);
        s20 = x2.fma(b0, s20);
        s21 = x2.fma(b1, s21);
        if (THIRD) {
          s22 = x2.fma(b2, s22);
        }
        FloatVector x3 = FloatVector.broadcast(SPECIES, a[a0 + 3 * d + k]);
        s30 = x3.fma(b0, s30);
        s31 = x3.fma(b1, s31);
        if (THIRD) {
          s32 = x3.fma(b2, s32);
        }
      }
      s00.intoArray(c0, j);
      s01.intoArray(c0, j + LANES);
      if (THIRD) {
        s02.intoArray(c0, j + 2 * LANES);
      }
      s10.intoArray(c1, j);
      s11.intoArray(c1, j + LANES);
      if (THIRD) {
        s12.intoArray(c1, j + 2 * LANES);
      }
      s20.intoArray(c2, j);
      s21.intoArray(c2, j + LANES);
      if (THIRD) {
        s22.intoArray(c2, j + 2 * LANES);
      }
      s30.intoArray(c3, j);
      s31.intoArray(c3, j + LANES);
      if (THIRD) {
        s32.intoArray(c3, j + 2 * LANES);
      }
    }
  }

  /** As {@link #squareRows4} for the one query row whose columns start at {@code a[a0]}, into {@code c0}. */
  static void squareRow(float[] a, int a0, float[] strips, int kc, int width, float[] c0) {
    for (int j = 0; j < width; j += WIDTH) {
      FloatVector s00 = FloatVector.fromArray(SPECIES, c0, j);
      FloatVector s01 = FloatVector.fromArray(SPECIES, c0, j + LANES);
      FloatVector s02 = THIRD ? FloatVector.fromArray(SPECIES, c0, j + 2 * LANES) : null;
      for (int k = 0, at = j * kc; k < kc; k++, at += WIDTH) {
        FloatVector b0 = FloatVector.fromArray(SPECIES, strips, at);
        FloatVector b1 = FloatVector.fromArray(SPECIES, strips, at + LANES);
        FloatVector b2 = THIRD ? FloatVector.fromArray(SPECIES, strips, at + 2 * LANES) : null;
        FloatVector x0 = FloatVector.broadcast(SPECIES, a[a0 + k]);
        FloatVector t00 = x0.sub(b0);
        s00 = t00.fma(t00, s00);
        FloatVector t01 = x0.sub(b1);
        s01 = t01.fma(t01, s01);
        if (THIRD) {
          FloatVector t02 = x0.sub(b2);
          s02 = t02.fma(t02, s02);
        }
      }
      s00.intoArray(c0, j);
      s01.intoArray(c0, j + LANES);
      if (THIRD) {
        s02.intoArray(c0, j + 2 * LANES);
      }
    }
  }

  /** As {@link #dotRows4} for one query row, into {@code c0}. */
  static void dotRow(float[] a, int a0, float[] strips, int kc, int width, float[] c0) {
    for (int j = 0; j < width; j += WIDTH) {
      FloatVector s00 = FloatVector.fromArray(SPECIES, c0, j);
      FloatVector s01 = FloatVector.fromArray(SPECIES, c0, j + LANES);
      FloatVector s02 = THIRD ? FloatVector.fromArray(SPECIES, c0, j + 2 * LANES) : null;
      for (int k = 0, at = j * kc; k < kc; k++, at += WIDTH) {
        FloatVector b0 = FloatVector.fromArray(SPECIES, strips, at);
        FloatVector b1 = FloatVector.fromArray(SPECIES, strips, at + LANES);
        FloatVector b2 = THIRD ? FloatVector.fromArray(SPECIES, strips, at + 2 * LANES) : null;
        FloatVector x0 = FloatVector.broadcast(SPECIES, a[a0 + k]);
        s00 = x0.fma(b0, s00);
        s01 = x0.fma(b1, s01);
        if (THIRD) {
          s02 = x0.fma(b2, s02);
        }
      }
      s00.intoArray(c0, j);
      s01.intoArray(c0, j + LANES);
      if (THIRD) {
        s02.intoArray(c0, j + 2 * LANES);
      }
    }
  }

  /**
   * The first position j in {@code [from, n)} with {@code shrunk[off + j] − 2·dots[j] < bound},
   * evaluated as the scalar loop of {@code JavaBackend.withinRadius} does; n if none.
   */
  static int firstCandidate(float[] dots, float[] shrunk, int off, int from, int n, float bound) {
    int j = from;
    for (int end = from + SPECIES.loopBound(n - from); j < end; j += LANES) {
      FloatVector dot = FloatVector.fromArray(SPECIES, dots, j);
      VectorMask<Float> below = FloatVector.fromArray(SPECIES, shrunk, off + j)
          .sub(dot.add(dot)).compare(VectorOperators.LT, bound);
      if (below.anyTrue()) {
        return j + below.firstTrue();
      }
    }
    for (; j < n; j++) {
      if (shrunk[off + j] - 2 * dots[j] < bound) {
        return j;
      }
    }
    return n;
  }

  /**
   * {@code out[off + j] = FloatExp.euclideanSimilarity(raw[j], inverseCols)} for {@code j < n}, bit for
   * bit and about ten times faster: the same float operations lane-wise (square root, Cody–Waite
   * reduction, degree-7 Horner polynomial by fused multiply-adds), with 2^k built from the bits of
   * the rounded y·log₂e + 1.5·2²³ (whose low bits are k) rather than a float-to-int conversion; the
   * tail through {@link FloatExp#euclideanSimilarity} itself.
   */
  static void euclidean(float[] raw, int n, float inverseCols, float[] out, int off) {
    FloatVector log2e = FloatVector.broadcast(SPECIES, FloatExp.LOG2_E);
    FloatVector rounding = FloatVector.broadcast(SPECIES, FloatExp.ROUNDING);
    FloatVector ln2High = FloatVector.broadcast(SPECIES, -FloatExp.LN2_HIGH);
    FloatVector ln2Low = FloatVector.broadcast(SPECIES, -FloatExp.LN2_LOW);
    FloatVector c7 = FloatVector.broadcast(SPECIES, 1f / 5040);
    FloatVector c6 = FloatVector.broadcast(SPECIES, 1f / 720);
    FloatVector c5 = FloatVector.broadcast(SPECIES, 1f / 120);
    FloatVector c4 = FloatVector.broadcast(SPECIES, 1f / 24);
    FloatVector c3 = FloatVector.broadcast(SPECIES, 1f / 6);
    FloatVector c2 = FloatVector.broadcast(SPECIES, 0.5f);
    FloatVector one = FloatVector.broadcast(SPECIES, 1f);
    int exponentBias = Float.floatToRawIntBits(FloatExp.ROUNDING) - 127;
    int j = 0;
    for (int end = SPECIES.loopBound(n); j < end; j += LANES) {
      FloatVector y = FloatVector.fromArray(SPECIES, raw, j).lanewise(VectorOperators.SQRT).neg()
          .mul(inverseCols);
      FloatVector rounded = y.fma(log2e, rounding);
      FloatVector k = rounded.sub(rounding);
      FloatVector r = k.fma(ln2High, y);
      r = k.fma(ln2Low, r);
      FloatVector p = c7.fma(r, c6);
      p = p.fma(r, c5);
      p = p.fma(r, c4);
      p = p.fma(r, c3);
      p = p.fma(r, c2);
      p = p.fma(r, one);
      p = p.fma(r, one);
      IntVector exponent = rounded.reinterpretAsInts().sub(exponentBias)
          .lanewise(VectorOperators.LSHL, 23);
      p.mul(exponent.reinterpretAsFloats())
          .blend(0f, y.compare(VectorOperators.LT, FloatExp.EXP_MIN))
          .intoArray(out, off + j);
    }
    for (; j < n; j++) {
      out[off + j] = FloatExp.euclideanSimilarity(raw[j], inverseCols);
    }
  }
}
