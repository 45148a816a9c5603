package org.alkit.diversity;

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
 * and bit-identical D² for any thread count and physical row order, on data with many ties and
 * duplicates.
 */
class NearestCentresTest {

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
    DenseRows shuffled = DenseRows.of(Matrix.wrap(n, d, data), IntStream.range(0, n).toArray());
    shuffled.cluster(rng.ints(0, unlabeled).distinct().limit(unlabeled).toArray());
    for (int threads : new int[] {1, 2, 3}) {
      try (Workers workers = Workers.of(threads)) {
        NearestCentres state = start(threads == 2 ? shuffled : points, unlabeled, labeled, workers);
        int[] picks = new int[budget];
        for (int r = 0; r < budget; r++) {
          picks[r] = state.farthest();
          state.add(picks[r]);
        }
        assertThat(picks).as("picks, %d threads", threads).isEqualTo(naivePicks);
        double[] d2 = IntStream.range(0, unlabeled).mapToDouble(state::squaredDistance).toArray();
        assertThat(d2).as("D², %d threads", threads).isEqualTo(naive);
        assertThat(state.squaredRadius()).isEqualTo(Arrays.stream(naive).max().orElseThrow());
      }
    }
  }

  /** Labeled points {@code [unlabeled, n)} as centres, each point's nearest found naively. */
  private static NearestCentres start(DenseRows points, int unlabeled, int labeled,
      Workers workers) {
    int[] centres = IntStream.range(unlabeled, unlabeled + labeled).toArray();
    int[] nearest = new int[unlabeled];
    double[] d2 = new double[unlabeled];
    for (int x = 0; x < unlabeled; x++) {
      d2[x] = Double.POSITIVE_INFINITY;
      for (int j = 0; j < labeled; j++) {
        double s = points.squaredDistance(x, centres[j]);
        if (s < d2[x]) {
          d2[x] = s;
          nearest[x] = j;
        }
      }
    }
    return NearestCentres.assigned(points, unlabeled, centres, nearest, d2, workers);
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
