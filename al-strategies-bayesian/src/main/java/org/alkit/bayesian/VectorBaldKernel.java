package org.alkit.bayesian;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.alkit.commons.VectorLog;

/**
 * {@link BaldKernel} with the Vector API: the scalar kernel's operations, in the same order, on
 * all lanes at once, with {@link VectorLog} for the logarithms, so both give the same bits. Only
 * loaded when {@link BaldKernel#vectorAvailable()} (the JVM resolves {@code jdk.incubator.vector}).
 */
final class VectorBaldKernel extends BaldKernel {
  /** The widest vector of doubles this CPU runs, at most {@link BaldKernel#LANES} lanes. */
  private static final VectorSpecies<Double> SPECIES =
      DoubleVector.SPECIES_PREFERRED.length() <= LANES ? DoubleVector.SPECIES_PREFERRED : DoubleVector.SPECIES_512;

  /** {@code ln} of each entry of {@link #values}. */
  private final double[] logs;

  VectorBaldKernel(int passes, int classes) {
    super(passes, classes);
    this.logs = new double[values.length];
  }

  /**
   * The sums S_t, means m_c and M (no logarithm); one call of {@link VectorLog#ln} over the values
   * and those, so the kernel calls it in one place only (see there why); then the entropies. Each
   * step is a method of its own and creates its zero vectors where it uses them: a vector live
   * across a call or a loop with a call is boxed, which costs more than the arithmetic.
   */
  @Override
  void run() {
    for (int o = 0; o < LANES; o += SPECIES.length()) {
      sumsAndMeans(o);
    }
    VectorLog.ln(values, logs, values.length);
    for (int o = 0; o < LANES; o += SPECIES.length()) {
      entropies(o);
    }
  }

  /** S_t, m_c and M of the lanes from {@code o}, into {@link #values} after the probabilities. */
  private void sumsAndMeans(int o) {
    int sums = passes * classes * LANES;
    int means = sums + passes * LANES;
    int total = means + classes * LANES;
    for (int c = 0; c < classes; c++) {
      DoubleVector.zero(SPECIES).intoArray(values, means + c * LANES + o);
    }
    for (int t = 0; t < passes; t++) {
      int row = t * classes * LANES + o;
      DoubleVector sum = DoubleVector.zero(SPECIES);
      for (int c = 0; c < classes; c++) {
        sum = sum.add(DoubleVector.fromArray(SPECIES, values, row + c * LANES));
      }
      sum.intoArray(values, sums + t * LANES + o);
      DoubleVector inverse = DoubleVector.broadcast(SPECIES, 1).div(sum);
      for (int c = 0; c < classes; c++) {
        DoubleVector v = DoubleVector.fromArray(SPECIES, values, row + c * LANES);
        DoubleVector.fromArray(SPECIES, values, means + c * LANES + o).add(v.mul(inverse))
            .intoArray(values, means + c * LANES + o);
      }
    }
    DoubleVector sum = DoubleVector.zero(SPECIES);
    for (int c = 0; c < classes; c++) {
      sum = sum.add(DoubleVector.fromArray(SPECIES, values, means + c * LANES + o));
    }
    sum.intoArray(values, total + o);
  }

  /** The lanes' expected entropies and BALD scores from the values and their {@link #logs}. */
  private void entropies(int o) {
    int sums = passes * classes * LANES;
    int means = sums + passes * LANES;
    int total = means + classes * LANES;
    DoubleVector entropies = DoubleVector.zero(SPECIES);
    for (int t = 0; t < passes; t++) {
      int row = t * classes * LANES + o;
      DoubleVector xlnx = DoubleVector.zero(SPECIES);
      for (int c = 0; c < classes; c++) {
        DoubleVector v = DoubleVector.fromArray(SPECIES, values, row + c * LANES);
        xlnx = xlnx.add(v.mul(DoubleVector.fromArray(SPECIES, logs, row + c * LANES)));
      }
      DoubleVector sum = DoubleVector.fromArray(SPECIES, values, sums + t * LANES + o);
      entropies = entropies.add(DoubleVector.fromArray(SPECIES, logs, sums + t * LANES + o)
          .sub(xlnx.div(sum)));
    }
    DoubleVector xlnx = DoubleVector.zero(SPECIES);
    for (int c = 0; c < classes; c++) {
      DoubleVector m = DoubleVector.fromArray(SPECIES, values, means + c * LANES + o);
      xlnx = xlnx.add(m.mul(DoubleVector.fromArray(SPECIES, logs, means + c * LANES + o)));
    }
    DoubleVector expectedEntropy = entropies.div(passes);
    expectedEntropy.intoArray(expected, o);
    DoubleVector.fromArray(SPECIES, logs, total + o)
        .sub(xlnx.div(DoubleVector.fromArray(SPECIES, values, total + o)))
        .sub(expectedEntropy).intoArray(bald, o);
  }
}
