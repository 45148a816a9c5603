package org.alkit.backend.java;

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

  /**
   * With the projection bound (built at the first centre, on rows not clustered, or later, on
   * rows clustered by their nearest initial centre) the picks and every D² stay those of the naive update, on data near a subspace (where
   * the bound prunes) and on isotropic Gaussian data (where it seldom does), for any thread count.
   */
  @Property(tries = 8)
  void projectionBoundKeepsTheNaiveResult(@ForAll long seed, @ForAll boolean isotropic,
      @ForAll @IntRange(min = 0, max = 1) int labeledShare) {
    SplittableRandom rng = new SplittableRandom(seed);
    int unlabeled = 2500;
    int labeled = 100 * labeledShare;
    int n = unlabeled + labeled;
    Matrix matrix = isotropic ? RandomMatrices.gaussian(n, 80, rng) : RandomMatrices.lowRank(n, 80, 6, rng);
    assertPrunedUpdateIsNaive(matrix, unlabeled, labeled);
  }

  /**
   * On coordinates so small that their squared differences are subnormal floats (about 2⁻¹⁴⁰,
   * where a float distance loses up to 2⁻¹⁴⁹ a term to underflow), with duplicate rows, the
   * triangle test, the projection bound and the start's nearest centres keep the naive result:
   * their comparisons leave room for what the float distance loses.
   */
  @Property(tries = 6)
  void subnormalDistancesKeepTheNaiveResult(@ForAll long seed, @ForAll boolean isotropic) {
    SplittableRandom rng = new SplittableRandom(seed);
    int unlabeled = 2500;
    int labeled = 100;
    int n = unlabeled + labeled;
    Matrix source = isotropic ? RandomMatrices.gaussian(n, 80, rng) : RandomMatrices.lowRank(n, 80, 6, rng);
    float[] data = source.toArray();
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) Math.scalb(data[i], -70);
    }
    for (int x = 0; x < n; x += 7) {
      System.arraycopy(data, rng.nextInt(n) * 80, data, x * 80, 80);
    }
    assertPrunedUpdateIsNaive(Matrix.wrap(n, 80, data), unlabeled, labeled);
  }

  /**
   * The picks and every D² of the pruned update, with the projection bound built at the first
   * centre, at {@link EuclideanTracker#PROJECT_AT} and never (within the budget), on 1–3
   * threads, against the naive update; rows {@code [unlabeled, rows)} are the initial centres.
   */
  private static void assertPrunedUpdateIsNaive(Matrix matrix, int unlabeled, int labeled) {
    int n = unlabeled + labeled;
    DenseRows points = DenseRows.of(matrix, IntStream.range(0, n).toArray());
    int budget = 40;
    int[] naivePicks = new int[budget];
    double[] naive = labeled > 0 ? naiveStart(points, unlabeled, labeled) : new double[unlabeled];
    if (labeled == 0) {
      Arrays.fill(naive, Double.POSITIVE_INFINITY);
    }
    for (int r = 0; r < budget; r++) {
      naivePicks[r] = r == 0 && labeled == 0 ? 0 : firstMax(naive, naivePicks, r);
      for (int x = 0; x < unlabeled; x++) {
        naive[x] = x == naivePicks[r] ? 0 : Math.min(naive[x], points.squaredDistance(x, naivePicks[r]));
      }
    }
    int[] tracked = IntStream.range(0, unlabeled).toArray();
    int[] centres = IntStream.range(unlabeled, n).toArray();
    for (int projectAt : new int[] {0, EuclideanTracker.PROJECT_AT, 120}) {
      for (int threads : new int[] {1, 2, 3}) {
        try (JavaBackend backend = new JavaBackend(threads, 512, false)) {
          EuclideanTracker state = EuclideanTracker.of(backend, matrix, tracked, centres, projectAt, 0, EuclideanTracker.NEVER);
          int[] picks = new int[budget];
          for (int r = 0; r < budget; r++) {
            picks[r] = r == 0 && labeled == 0 ? 0 : state.farthest();
            state.add(picks[r]);
          }
          assertThat(picks).as("picks, %d threads, built at %d centres", threads, projectAt)
              .isEqualTo(naivePicks);
          double[] d2 = new double[unlabeled];
          state.squaredDistances(d2);
          assertThat(d2).as("D², %d threads, built at %d centres", threads, projectAt).isEqualTo(naive);
        }
      }
    }
  }

  /**
   * The bound is sound (it never claims a pair is farther than it is, even by the slack); on data
   * near a subspace it is built and decides most pairs at half their squared distance, on
   * isotropic data it is not built.
   */
  @Property(tries = 10)
  void projectionBoundIsSoundAndTightNearASubspace(@ForAll long seed, @ForAll boolean isotropic) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = 600;
    Matrix matrix = isotropic ? RandomMatrices.gaussian(n, 160, rng) : RandomMatrices.lowRank(n, 160, 5, rng);
    DenseRows points = DenseRows.of(matrix, IntStream.range(0, n).toArray());
    try (JavaBackend backend = new JavaBackend(2, 512, false)) {
      assertThat(ProjectionBound.of(backend, points, n, ProjectionBound.RANK, ProjectionBound.MIN_CAPTURED))
          .as("bound built where its directions hold most of the variance").matches(b -> (b == null) == isotropic);
      ProjectionBound bound = ProjectionBound.of(backend, points, n, ProjectionBound.RANK, 0);
      int decided = 0;
      int pairs = 2000;
      for (int t = 0; t < pairs; t++) {
        int x = rng.nextInt(n);
        int c = rng.nextInt(n);
        double exact = points.squaredDistance(x, c);
        assertThat(bound.cannotLower(x, c, exact)).as("pair (%d, %d) at its own distance", x, c).isFalse();
        if (x != c && bound.cannotLower(x, c, exact / 2)) {
          decided++;
        }
      }
      if (!isotropic) {
        assertThat(decided).as("pairs decided at half their distance").isGreaterThan(pairs * 9 / 10);
      }
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
