package org.alkit.bayesian;

import org.alkit.commons.DoubleLog;
import org.alkit.commons.VectorApi;

/**
 * BALD's two terms ({@link McSamples#bald}) for {@value #LANES} items at once, one item per lane:
 * the caller fills {@link #set} the T × C probabilities of each lane, {@link #run} computes, per
 * lane,
 *
 * <pre>  S_t = Σ_c p_t,c,   X_t = Σ_c p_t,c ln p_t,c,   H_t = ln S_t − X_t / S_t,
 *  m_c = Σ_t p_t,c / S_t,   expected = (1/T) Σ_t H_t,   bald = (ln M − Σ_c m_c ln m_c / M) − expected</pre>
 *
 * (M = Σ_c m_c; the renormalisations make the sums' float rounding bias nothing), and
 * {@link #copyTo} hands the lanes' results out. Two implementations take the same operations in
 * the same order: a scalar loop over the lanes with {@link DoubleLog}, and {@link VectorBaldKernel}
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

  final int passes;
  final int classes;
  /**
   * p_t,c of lane b at {@code [(t·C + c)·LANES + b]}; then room for S_t, m_c and M, which the
   * vector kernel keeps there for the logarithms.
   */
  final double[] values;
  /** The lanes' BALD scores after {@link #run}. */
  final double[] bald = new double[LANES];
  /** The lanes' mean per-pass entropies after {@link #run}. */
  final double[] expected = new double[LANES];

  BaldKernel(int passes, int classes) {
    this.passes = passes;
    this.classes = classes;
    this.values = new double[(passes * classes + passes + classes + 1) * LANES];
  }

  /** A kernel for T = {@code passes} and C = {@code classes}: the Vector API one when available. */
  static BaldKernel create(int passes, int classes) {
    return create(passes, classes, VECTOR);
  }

  /** The Vector API kernel if {@code vector}, else the scalar one (tests compare the two). */
  static BaldKernel create(int passes, int classes, boolean vector) {
    return vector ? new VectorBaldKernel(passes, classes) : new Scalar(passes, classes);
  }

  /** Whether {@link #create(int, int)} gives the Vector API kernel here. */
  static boolean vectorAvailable() {
    return VECTOR;
  }

  /** Sets p_t,c of lane {@code lane}. */
  final void set(int pass, int c, int lane, float p) {
    values[(pass * classes + c) * LANES + lane] = p;
  }

  /** Computes every lane's terms from the values set. */
  abstract void run();

  /** Copies the first {@code count} lanes' results to {@code bald} and {@code expectedEntropy} at {@code at}. */
  final void copyTo(double[] bald, double[] expectedEntropy, int at, int count) {
    System.arraycopy(this.bald, 0, bald, at, count);
    System.arraycopy(this.expected, 0, expectedEntropy, at, count);
  }

  /** The lanes one after another, with {@link DoubleLog}. */
  private static final class Scalar extends BaldKernel {
    /** m_c of lane b at {@code [c·LANES + b]}. */
    private final double[] mean;

    Scalar(int passes, int classes) {
      super(passes, classes);
      this.mean = new double[classes * LANES];
    }

    @Override
    void run() {
      for (int b = 0; b < LANES; b++) {
        for (int c = 0; c < classes; c++) {
          mean[c * LANES + b] = 0;
        }
        double entropies = 0;
        for (int t = 0; t < passes; t++) {
          int row = t * classes * LANES + b;
          double sum = 0;
          double xlnx = 0;
          for (int c = 0; c < classes; c++) {
            double v = values[row + c * LANES];
            sum += v;
            xlnx += DoubleLog.xlnx(v);
          }
          double inverse = 1 / sum;
          entropies += DoubleLog.ln(sum) - xlnx / sum;
          for (int c = 0; c < classes; c++) {
            mean[c * LANES + b] += values[row + c * LANES] * inverse;
          }
        }
        double sum = 0;
        double xlnx = 0;
        for (int c = 0; c < classes; c++) {
          double m = mean[c * LANES + b];
          sum += m;
          xlnx += DoubleLog.xlnx(m);
        }
        expected[b] = entropies / passes;
        bald[b] = (DoubleLog.ln(sum) - xlnx / sum) - expected[b];
      }
    }
  }
}
