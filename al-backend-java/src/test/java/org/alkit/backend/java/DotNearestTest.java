package org.alkit.backend.java;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.alkit.api.Matrix;

/**
 * The start's nearest centres from expanded dot products against a plain scan by
 * {@link DenseRows#squaredDistance}: the same index for every row, on few-level data full of ties
 * and duplicate centres, on Gaussian data, on data scaled to subnormal squares, and on centres
 * that are near copies of one another (several within a row's shortlist margin).
 */
class DotNearestTest {

  @Property(tries = 30)
  void nearestEqualsThePlainScan(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3000) int n,
      @ForAll @IntRange(min = 1, max = 700) int m, @ForAll @IntRange(min = 1, max = 40) int d,
      @ForAll @IntRange(min = 0, max = 3) int kind) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] data = new float[(n + m) * d];
    for (int i = 0; i < data.length; i++) {
      data[i] = switch (kind) {
        case 0 -> rng.nextInt(3) * 0.5f;
        case 1 -> (float) rng.nextGaussian();
        case 2 -> (float) Math.scalb(rng.nextGaussian(), -70);
        default -> (float) rng.nextGaussian();
      };
    }
    if (kind == 3) {
      for (int j = 1; j < m; j++) {
        int copied = n + rng.nextInt(Math.max(1, Math.min(j, 1 + m / 6)));
        for (int k = 0; k < d; k++) {
          data[(n + j) * d + k] = data[copied * d + k] + (float) (1e-5 * rng.nextGaussian());
        }
      }
    }
    DenseRows rows = DenseRows.of(Matrix.wrap(n + m, d, data), IntStream.range(0, n + m).toArray());
    int[] expected = new int[n];
    for (int x = 0; x < n; x++) {
      double best = Double.POSITIVE_INFINITY;
      for (int j = 0; j < m; j++) {
        double d2 = rows.squaredDistance(x, n + j);
        if (d2 < best) {
          best = d2;
          expected[x] = j;
        }
      }
    }
    for (int threads : new int[] {1, 2}) {
      try (JavaBackend backend = new JavaBackend(threads, 256, false)) {
        assertThat(DotNearest.of(backend, rows, n, m)).as("%d threads", threads).isEqualTo(expected);
      }
    }
  }
}
