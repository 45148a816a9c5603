package org.alkit.backend.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The column-major distance kernel against the row-major one. */
class RowKernelsTest {

  @Property(tries = 200)
  void columnDistancesEqualRowDistances(@ForAll long seed,
      @ForAll @IntRange(min = 0, max = 40) int width, @ForAll @IntRange(min = 1, max = 300) int d,
      @ForAll boolean smallIntegers) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] rows = new float[(width + 1) * d];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = smallIntegers ? rng.nextInt(3) : (float) rng.nextGaussian();
    }
    float[][] columns = new float[d][width + rng.nextInt(3)];
    for (int j = 0; j < width; j++) {
      for (int k = 0; k < d; k++) {
        columns[k][j] = rows[(j + 1) * d + k];
      }
    }
    float[] q = new float[d];
    System.arraycopy(rows, 0, q, 0, d);
    double[] out = new double[width + 1];
    out[width] = -1;
    RowKernels.squaredDistancesToColumns(q, columns, width, out);
    for (int j = 0; j < width; j++) {
      double expected = RowKernels.squaredDistance(rows, 0, rows, (j + 1) * d, d);
      if (smallIntegers) {
        assertThat(out[j]).as("column %d", j).isEqualTo(expected);
      } else {
        assertThat(out[j]).as("column %d", j).isCloseTo(expected, within(1e-5 * (1 + expected)));
      }
    }
    assertThat(out[width]).isEqualTo(-1);
  }
}
