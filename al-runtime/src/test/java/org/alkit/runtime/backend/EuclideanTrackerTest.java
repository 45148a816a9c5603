package org.alkit.runtime.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.alkit.api.Matrix;

/**
 * The pruned, multi-threaded greedy k-center update against the naive full update: the same picks
 * and bit-identical D² for any thread count (the tracker stores rows grouped by nearest centre),
 * on data with many ties and duplicates.
 */
class EuclideanTrackerTest {

  @Property(tries = 30)
  void greedyEqualsNaiveForAnyThreadCount(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 6000) int unlabeled,
      @ForAll @IntRange(min = 1, max = 40) int labeled, @ForAll @IntRange(min = 1, max = 12) int d,
      @ForAll @IntRange(min = 1, max = 4) int levels) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = unlabeled + labeled;
    float[] data = new float[n * d];
    for (int i = 0; i < data.length; i++) {
      data[i] = rng.nextInt(levels + 1) * 0.5f;
    }
    DenseRows points = DenseRows.of(Matrix.wrap(n, d, data), IntStream.range(0, n).toArray());
    int budget = Math.min(unlabeled, 25);
    double[] naive = naiveStart(points, unlabeled, labeled);
    int[] naivePicks = new int[budget];
    for (int r = 0; r < budget; r++) {
      naivePicks[r] = firstMax(naive, naivePicks, r);
      for (int x = 0; x < unlabeled; x++) {
        naive[x] = Math.min(naive[x], points.squaredDistance(x, naivePicks[r]));
      }
    }
    Matrix matrix = Matrix.wrap(n, d, data);
    int[] tracked = IntStream.range(0, unlabeled).toArray();
    int[] centres = IntStream.range(unlabeled, n).toArray();
    for (int threads : new int[] {1, 2, 3}) {
      try (JavaBackend backend = new JavaBackend(threads, 512, false)) {
        EuclideanTracker state = EuclideanTracker.of(backend, matrix, tracked, centres);
        int[] picks = new int[budget];
        for (int r = 0; r < budget; r++) {
          picks[r] = state.farthest();
          state.add(picks[r]);
        }
        assertThat(picks).as("picks, %d threads", threads).isEqualTo(naivePicks);
        double[] d2 = new double[unlabeled];
        state.squaredDistances(d2);
        assertThat(d2).as("D², %d threads", threads).isEqualTo(naive);
        assertThat(state.squaredRadius()).isEqualTo(Arrays.stream(naive).max().orElseThrow());
      }
    }
  }

  @Property(tries = 200)
  void withoutInitialCentresTheFirstAddStartsTheState(@ForAll long seed,
      @ForAll @IntRange(min = 2, max = 40) int n, @ForAll @IntRange(min = 1, max = 6) int d) {
    SplittableRandom rng = new SplittableRandom(seed);
    Matrix m = RandomMatrices.gaussian(n, d, rng);
    DenseRows points = DenseRows.of(m, IntStream.range(0, n).toArray());
    try (JavaBackend backend = new JavaBackend(1, 512, false)) {
      EuclideanTracker state = EuclideanTracker.of(backend, m, IntStream.range(0, n).toArray(), new int[0]);
      assertThat(state.squaredDistance(0)).isEqualTo(Double.POSITIVE_INFINITY);
      int[] centres = new int[0];
      for (int t = 0; t < Math.min(n - 1, 8); t++) {
        int c = rng.nextInt(n);
        state.add(c);
        centres = Arrays.copyOf(centres, centres.length + 1);
        centres[centres.length - 1] = c;
        int[] now = centres;
        for (int x = 0; x < n; x++) {
          double min = Double.POSITIVE_INFINITY;
          for (int cc : now) {
            min = Math.min(min, points.squaredDistance(x, cc));
          }
          int item = x;
          assertThat(state.squaredDistance(x)).as("D²(%d)", x).isEqualTo(min);
          assertThat(state.isCentre(x)).isEqualTo(Arrays.stream(now).anyMatch(cc -> cc == item));
        }
      }
      EuclideanTracker copy = state.copy();
      int next = state.farthest();
      state.add(next);
      assertThat(copy.isCentre(next)).isFalse();
    }
  }

  private static double[] naiveStart(DenseRows points, int unlabeled, int labeled) {
    double[] min = new double[unlabeled];
    for (int x = 0; x < unlabeled; x++) {
      min[x] = Double.POSITIVE_INFINITY;
      for (int j = unlabeled; j < unlabeled + labeled; j++) {
        min[x] = Math.min(min[x], points.squaredDistance(x, j));
      }
    }
    return min;
  }

  /** The first index of the largest value among those not in {@code picks[0, r)}. */
  private static int firstMax(double[] v, int[] picks, int r) {
    int best = -1;
    for (int x = 0; x < v.length; x++) {
      final int item = x;
      if (IntStream.range(0, r).anyMatch(t -> picks[t] == item)) {
        continue;
      }
      if (best < 0 || v[x] > v[best]) {
        best = x;
      }
    }
    return best;
  }
}
