package org.alkit.bayesian;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.alkit.api.Matrix;
import org.alkit.commons.DoubleLog;
import org.alkit.commons.VectorApi;

/**
 * BALD's two terms ({@link McSamples#bald}) for {@value #LANES} items at once, one item per lane:
 * {@link #load} reads the T × C probabilities of each lane's item, {@link #run} computes, per
 * lane,
 *
 * <pre>  S_t = Σ_c p_t,c,   X_t = Σ_c p_t,c ln p_t,c,   H_t = ln S_t − X_t / S_t,
 *  m_c = Σ_t p_t,c / S_t,   expected = (1/T) Σ_t H_t,   bald = (ln M − Σ_c m_c ln m_c / M) − expected</pre>
 *
 * (M = Σ_c m_c; the renormalisations make the sums' float rounding bias nothing), and
 * {@link #copyTo} hands the lanes' results out; {@link #score} does all three for a run of
 * candidates. Two implementations take the same operations in the same order: a scalar loop with
 * {@link DoubleLog}, whose {@link #score} reads each item's rows straight from the passes (no lane
 * layout to fill, one small loop for a cold JIT to compile), and {@link VectorBaldKernel}
 * with the Vector API and {@link org.alkit.commons.VectorLog}, which {@link #create} picks when the
 * JVM resolves {@code jdk.incubator.vector}. They give the same bits for valid passes (rows of
 * non-negative floats with a positive sum).
 *
 * <p>The values sit class by class with the lanes innermost, so each step is one operation on all
 * lanes and no sum runs across lanes. Measured on the 2-core AVX-512 development machine, see
 * {@code BaldBenchmark} in al-bench.
 */
abstract class BaldKernel {
  /** Items per block: one 512-bit vector of doubles. */
  static final int LANES = 8;
  private static final boolean VECTOR = VectorApi.available(BaldKernel.class);
  /** Items the scalar kernel scores in a process before {@link #create(int, int)} takes the vector one. */
  static final long WARM_ITEMS = 1 << 20;
  private static final AtomicLong SCALAR_ITEMS = new AtomicLong();

  final int passes;
  final int classes;
  /**
   * p_t,c of lane b at {@code [(t·C + c)·LANES + b]}; then room for S_t, m_c and M, which the
   * vector kernel keeps there for the logarithms.
   */
  final double[] values;
  /** Scratch: one row of one pass. */
  private final float[] row;
  /** The lanes' BALD scores after {@link #run}. */
  final double[] bald = new double[LANES];
  /** The lanes' mean per-pass entropies after {@link #run}. */
  final double[] expected = new double[LANES];

  BaldKernel(int passes, int classes) {
    this.passes = passes;
    this.classes = classes;
    this.values = new double[(passes * classes + passes + classes + 1) * LANES];
    this.row = new float[classes];
  }

  /**
   * A kernel for T = {@code passes} and C = {@code classes}: the Vector API one when available and
   * this process has already scored {@value #WARM_ITEMS} items (with the scalar one), else the
   * scalar one. Both give the same bits; the choice is about speed only. The Vector API costs a
   * process about a second before its kernel runs at speed (C2 compiles it slowly, and until then
   * every vector operation is boxed: a cold {@code alkit select --strategy bald} on 50 000 × 20 ×
   * 10 took 1.6 s instead of 0.6 s, and 950 MiB), while warm it is three times as fast as the
   * scalar kernel (BaldBenchmark: 14.5 against 43.6 ms), whose one division per logarithm bounds
   * it. A one-shot selection thus stays scalar; a process that selects again and again
   * (a benchmark, a long active-learning loop) moves to the vector kernel after about 20 rounds of
   * 50 000 items.
   */
  static BaldKernel create(int passes, int classes) {
    return create(passes, classes, VECTOR && SCALAR_ITEMS.get() >= WARM_ITEMS);
  }

  /** Counts {@code items} scored by a kernel of {@link #create(int, int)}'s choice. */
  static void scored(BaldKernel kernel, int items) {
    if (kernel instanceof Scalar) {
      SCALAR_ITEMS.addAndGet(items);
    }
  }

  /** The Vector API kernel if {@code vector}, else the scalar one (tests compare the two). */
  static BaldKernel create(int passes, int classes, boolean vector) {
    return vector ? new VectorBaldKernel(passes, classes) : new Scalar(passes, classes);
  }

  /** Whether {@link #create(int, int)} gives the Vector API kernel here. */
  static boolean vectorAvailable() {
    return VECTOR;
  }

  /**
   * Sets the lanes to the candidates at positions {@code [from, from + count)}: lane b holds
   * p_t,c of item {@code candidates[from + b]}; lanes past {@code count} repeat the last of them,
   * so they compute finite values nobody reads.
   */
  final void load(Matrix[] passes, int[] candidates, int from, int count) {
    for (int b = 0; b < LANES; b++) {
      int i = candidates[from + Math.min(b, count - 1)];
      for (int t = 0; t < passes.length; t++) {
        passes[t].copyRow(i, row);
        int at = t * classes * LANES + b;
        for (int c = 0; c < classes; c++) {
          values[at + c * LANES] = row[c];
        }
      }
    }
  }

  /** Computes every lane's terms from the values set. */
  abstract void run();

  /**
   * Scores the candidates at positions {@code [from, to)} into {@code bald} and
   * {@code expectedEntropy} at the same positions: {@link #load}, {@link #run} and
   * {@link #copyTo} a block of {@value #LANES} at a time.
   */
  void score(Matrix[] passes, int[] candidates, int from, int to, double[] bald, double[] expectedEntropy) {
    for (int k = from; k < to; k += LANES) {
      int count = Math.min(LANES, to - k);
      load(passes, candidates, k, count);
      run();
      copyTo(bald, expectedEntropy, k, count);
    }
  }

  /** Copies the first {@code count} lanes' results to {@code bald} and {@code expectedEntropy} at {@code at}. */
  final void copyTo(double[] bald, double[] expectedEntropy, int at, int count) {
    System.arraycopy(this.bald, 0, bald, at, count);
    System.arraycopy(this.expected, 0, expectedEntropy, at, count);
  }

  /**
   * One item after another, with {@link DoubleLog#lnOfNormalOrZero} (VectorLog's scalar twin):
   * {@link #run} takes the lanes' values, {@link #score} the items' rows themselves; both through
   * {@link #addPass} and {@link #finish}, so they give the same bits.
   */
  private static final class Scalar extends BaldKernel {
    /** m_c of the item being scored. */
    private final double[] mean;
    /** One pass's row of the item being scored. */
    private final float[] passRow;

    Scalar(int passes, int classes) {
      super(passes, classes);
      this.mean = new double[classes];
      this.passRow = new float[classes];
    }

    @Override
    void run() {
      for (int b = 0; b < LANES; b++) {
        Arrays.fill(mean, 0);
        double entropies = 0;
        for (int t = 0; t < passes; t++) {
          for (int c = 0; c < classes; c++) {
            passRow[c] = (float) values[(t * classes + c) * LANES + b];
          }
          entropies += addPass(passRow);
        }
        expected[b] = entropies / passes;
        bald[b] = finish(expected[b]);
      }
    }

    @Override
    void score(Matrix[] stack, int[] candidates, int from, int to, double[] bald, double[] expectedEntropy) {
      for (int k = from; k < to; k++) {
        int i = candidates[k];
        Arrays.fill(mean, 0);
        double entropies = 0;
        for (int t = 0; t < passes; t++) {
          entropies += addPass(stack[t].copyRow(i, passRow));
        }
        expectedEntropy[k] = entropies / passes;
        bald[k] = finish(expectedEntropy[k]);
      }
    }

    /** H_t of one pass's row, whose renormalised values it adds to m. */
    private double addPass(float[] row) {
      double sum = 0;
      double xlnx = 0;
      for (int c = 0; c < classes; c++) {
        double v = row[c];
        sum += v;
        xlnx += v * DoubleLog.lnOfNormalOrZero(v);
      }
      double inverse = 1 / sum;
      for (int c = 0; c < classes; c++) {
        mean[c] += row[c] * inverse;
      }
      return DoubleLog.lnOfNormalOrZero(sum) - xlnx / sum;
    }

    /** BALD from m and the mean per-pass entropy. */
    private double finish(double expectedEntropy) {
      double sum = 0;
      double xlnx = 0;
      for (int c = 0; c < classes; c++) {
        double m = mean[c];
        sum += m;
        xlnx += m * DoubleLog.lnOfNormalOrZero(m);
      }
      return (DoubleLog.lnOfNormalOrZero(sum) - xlnx / sum) - expectedEntropy;
    }
  }
}
