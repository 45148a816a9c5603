package org.alkit.diversity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.alkit.api.Matrix;

/** {@link NearestRows} equals the brute-force scan, ties included, for any thread count. */
class NearestRowsTest {

  @Property(tries = 150)
  void equalsBruteForceIncludingTies(@ForAll long seed, @ForAll @IntRange(min = 1, max = 700) int queries,
      @ForAll @IntRange(min = 1, max = 600) int refs, @ForAll @IntRange(min = 1, max = 37) int d,
      @ForAll boolean grid) {
    SplittableRandom rng = new SplittableRandom(seed);
    DenseRows points = rows(queries + refs, d, grid, rng);
    NearestRows.Result r;
    try (Workers w = Workers.of(1 + rng.nextInt(3))) {
      r = NearestRows.find(points, 0, queries, queries, queries + refs, w);
    }
    for (int x = 0; x < queries; x++) {
      int best = -1;
      double bestD = Double.POSITIVE_INFINITY;
      for (int j = 0; j < refs; j++) {
        double e = points.squaredDistance(x, queries + j);
        if (e < bestD) {
          bestD = e;
          best = j;
        }
      }
      assertThat(r.index()[x]).as("nearest of %d", x).isEqualTo(best);
      assertThat(r.squaredDistances()[x]).isEqualTo(bestD);
    }
  }

  @Property(tries = 20)
  void resultDoesNotDependOnThreads(@ForAll long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    DenseRows points = rows(900, 24, rng.nextBoolean(), rng);
    NearestRows.Result one;
    NearestRows.Result four;
    try (Workers w = Workers.of(1)) {
      one = NearestRows.find(points, 0, 600, 600, 900, w);
    }
    try (Workers w = Workers.of(4)) {
      four = NearestRows.find(points, 0, 600, 600, 900, w);
    }
    assertThat(four.index()).isEqualTo(one.index());
    assertThat(four.squaredDistances()).isEqualTo(one.squaredDistances());
  }

  @Property(tries = 30)
  void dotColumnsEqualsRowDots(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int width,
      @ForAll @IntRange(min = 0, max = 19) int d) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] q = new float[d];
    float[][] columns = new float[d][width];
    for (int k = 0; k < d; k++) {
      q[k] = (float) rng.nextGaussian();
      for (int j = 0; j < width; j++) {
        columns[k][j] = (float) rng.nextGaussian();
      }
    }
    float[] out = new float[width + 3];
    Arrays.fill(out, Float.NaN);
    Kernels.dotColumns(q, columns, width, out);
    for (int j = 0; j < width; j++) {
      double s = 0;
      double abs = 0;
      for (int k = 0; k < d; k++) {
        s += (double) q[k] * columns[k][j];
        abs += Math.abs((double) q[k] * columns[k][j]);
      }
      assertThat((double) out[j]).isCloseTo(s, within(1e-5 * (1 + abs)));
    }
    assertThat(out[width]).isNaN();
  }

  /**
   * Random rows; on a grid, small integer coordinates with many duplicate rows, so exact ties
   * between references are common.
   */
  private static DenseRows rows(int n, int d, boolean grid, SplittableRandom rng) {
    float[] data = new float[n * d];
    for (int i = 0; i < n; i++) {
      if (grid && i > 0 && rng.nextInt(4) == 0) {
        System.arraycopy(data, rng.nextInt(i) * d, data, i * d, d);
        continue;
      }
      for (int k = 0; k < d; k++) {
        data[i * d + k] = grid ? rng.nextInt(3) + 100 : (float) (rng.nextGaussian() * 10 + 50);
      }
    }
    int[] all = new int[n];
    Arrays.setAll(all, i -> i);
    return DenseRows.of(Matrix.wrap(n, d, data), all);
  }
}
