package org.alkit.diversity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.alkit.api.Matrix;
import org.alkit.api.Options;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.StrategyProvider;
import org.alkit.commons.Probabilities;

/** Properties of greedy k-center, its doubt-weighted variant and the shared min-distance update. */
class KCenterPropertiesTest {

  @Property(tries = 100)
  void radiusNeverIncreases(@ForAll long seed, @ForAll @IntRange(min = 0, max = 4) int labeled) {
    SplittableRandom rng = new SplittableRandom(seed);
    Matrix m = Pools.gaussian(40, 3, rng);
    Selection sel = select(new CoresetProvider(), Map.of(), Pools.context(m, null, labeled, 12, 1));
    double[] s = sel.scores();
    for (int r = labeled == 0 ? 2 : 1; r < s.length; r++) {
      assertThat(s[r]).as("radius at pick %d", r).isLessThanOrEqualTo(s[r - 1]);
    }
  }

  @Property(tries = 60)
  void greedyIsWithinTwiceTheOptimalRadius(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int budget) {
    SplittableRandom rng = new SplittableRandom(seed);
    int labeled = 2;
    int n = 11;
    Matrix m = Pools.gaussian(n, 2, rng);
    SelectionContext ctx = Pools.context(m, null, labeled, budget, 1);
    int[] picks = select(new CoresetProvider(), Map.of(), ctx).indices();
    double greedy = radius(m, ctx.unlabeled(), ctx.labeled(), picks);
    double best = optimum(m, ctx.unlabeled(), ctx.labeled(), budget);
    assertThat(greedy).isLessThanOrEqualTo(2 * best + 1e-9);
  }

  @Property(tries = 100)
  void equalDoubtsReduceToCoreset(@ForAll long seed, @ForAll @IntRange(min = 0, max = 4) int labeled) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = 40;
    Matrix m = Pools.gaussian(n, 3, rng);
    float[][] uniform = new float[n][4];
    for (float[] row : uniform) {
      Arrays.fill(row, 0.25f);
    }
    SelectionContext ctx = Pools.context(m, Matrix.of(uniform), labeled, 10, 1);
    assertThat(select(new DoubtCoresetProvider(), Map.of(), ctx).indices())
        .isEqualTo(select(new CoresetProvider(), Map.of(), ctx).indices());
  }

  @Property(tries = 100)
  void beamOneEqualsNaiveDoubtWeightedGreedy(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int labeled) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = 30;
    Matrix m = Pools.gaussian(n, 3, rng);
    Matrix p = Pools.probabilities(n, 3, rng);
    SelectionContext ctx = Pools.context(m, p, labeled, 8, 1);
    int[] picks = select(new DoubtCoresetProvider(), Map.of("beam", "1"), ctx).indices();
    assertThat(picks).isEqualTo(naiveDoubtGreedy(m, p, ctx.unlabeled(), ctx.labeled(), 8));
  }

  @Property(tries = 50)
  void widerBeamNeverEndsLessUncertain(@ForAll long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = 30;
    Matrix m = Pools.gaussian(n, 3, rng);
    Matrix p = Pools.probabilities(n, 3, rng);
    SelectionContext ctx = Pools.context(m, p, 2, 5, 1);
    int[] greedy = select(new DoubtCoresetProvider(), Map.of("beam", "1"), ctx).indices();
    int[] beam = select(new DoubtCoresetProvider(), Map.of("beam", "4"), ctx).indices();
    assertThat(beam).doesNotHaveDuplicates().hasSize(5);
    assertThat(confidenceCost(p, beam)).isGreaterThanOrEqualTo(confidenceCost(p, greedy) - 1e-12);
  }

  static Selection select(StrategyProvider provider, Map<String, String> options, SelectionContext ctx) {
    Options o = Options.resolve("strategy '" + provider.name() + "'", provider.parameters(), options);
    return provider.create(o).select(ctx);
  }

  private static double confidenceCost(Matrix p, int[] items) {
    double s = 0;
    for (int i : items) {
      s -= Math.log(p.get(i, Probabilities.argmax(p, i)));
    }
    return s;
  }

  private static double dist(Matrix m, int a, int b) {
    double s = 0;
    for (int j = 0; j < m.cols(); j++) {
      double t = (double) m.get(a, j) - m.get(b, j);
      s += t * t;
    }
    return Math.sqrt(s);
  }

  private static double radius(Matrix m, int[] unlabeled, int[] labeled, int[] picks) {
    double r = 0;
    for (int x : unlabeled) {
      double min = Double.POSITIVE_INFINITY;
      for (int c : labeled) {
        min = Math.min(min, dist(m, x, c));
      }
      for (int c : picks) {
        min = Math.min(min, dist(m, x, c));
      }
      r = Math.max(r, min);
    }
    return r;
  }

  private static double optimum(Matrix m, int[] unlabeled, int[] labeled, int k) {
    double best = Double.POSITIVE_INFINITY;
    int u = unlabeled.length;
    for (int mask = 0; mask < (1 << u); mask++) {
      if (Integer.bitCount(mask) != k) {
        continue;
      }
      int[] s = new int[k];
      int t = 0;
      for (int i = 0; i < u; i++) {
        if ((mask & (1 << i)) != 0) {
          s[t++] = unlabeled[i];
        }
      }
      best = Math.min(best, radius(m, unlabeled, labeled, s));
    }
    return best;
  }

  private static int[] naiveDoubtGreedy(Matrix m, Matrix p, int[] unlabeled, int[] labeled, int k) {
    int[] picks = new int[0];
    for (int t = 0; t < k; t++) {
      int best = -1;
      double bestScore = -1;
      for (int x : unlabeled) {
        final int item = x;
        if (Arrays.stream(picks).anyMatch(q -> q == item)) {
          continue;
        }
        double min = Double.POSITIVE_INFINITY;
        for (int c : labeled) {
          min = Math.min(min, dist(m, x, c));
        }
        for (int c : picks) {
          min = Math.min(min, dist(m, x, c));
        }
        double score = (1 - p.get(x, Probabilities.argmax(p, x))) * min;
        if (score > bestScore) {
          bestScore = score;
          best = x;
        }
      }
      picks = Arrays.copyOf(picks, t + 1);
      picks[t] = best;
    }
    return picks;
  }
}
