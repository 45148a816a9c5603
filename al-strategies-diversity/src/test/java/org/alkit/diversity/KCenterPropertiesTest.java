package org.alkit.diversity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.alkit.api.Matrix;
import org.alkit.api.Options;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.StrategyProvider;
import org.alkit.commons.Probabilities;

/**
 * Properties of greedy k-center, its doubt-weighted variant and the shared min-distance update.
 * Every property enumerates a fixed range of data seeds (exhaustive generation), so a run is the
 * same on every machine and a failure names its seed.
 */
class KCenterPropertiesTest {

  @Property(generation = GenerationMode.EXHAUSTIVE)
  void radiusNeverIncreases(@ForAll @LongRange(min = 0, max = 19) long seed, @ForAll @IntRange(min = 0, max = 4) int labeled) {
    SplittableRandom rng = new SplittableRandom(seed);
    Matrix m = Pools.gaussian(40, 3, rng);
    Selection sel = select(new CoresetProvider(), Map.of(), Pools.context(m, null, labeled, 12, 1));
    double[] s = sel.scores();
    for (int r = labeled == 0 ? 2 : 1; r < s.length; r++) {
      assertThat(s[r]).as("radius at pick %d", r).isLessThanOrEqualTo(s[r - 1]);
    }
  }

  @Property(generation = GenerationMode.EXHAUSTIVE)
  void greedyIsWithinTwiceTheOptimalRadius(@ForAll @LongRange(min = 0, max = 19) long seed, @ForAll @IntRange(min = 1, max = 3) int budget) {
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

  @Property(generation = GenerationMode.EXHAUSTIVE)
  void equalDoubtsReduceToCoreset(@ForAll @LongRange(min = 0, max = 19) long seed, @ForAll @IntRange(min = 0, max = 4) int labeled) {
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

  @Property(generation = GenerationMode.EXHAUSTIVE)
  void beamOneEqualsNaiveDoubtWeightedGreedy(@ForAll @LongRange(min = 0, max = 24) long seed, @ForAll @IntRange(min = 1, max = 4) int labeled) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = 30;
    Matrix m = Pools.gaussian(n, 3, rng);
    Matrix p = Pools.probabilities(n, 3, rng);
    SelectionContext ctx = Pools.context(m, p, labeled, 8, 1);
    int[] picks = select(new DoubtCoresetProvider(), Map.of("beam", "1"), ctx).indices();
    assertThat(picks).isEqualTo(naiveDoubtGreedy(m, p, ctx.unlabeled(), ctx.labeled(), 8));
  }

  /**
   * The beam search is the algorithm its Javadoc states: it equals a plain re-implementation
   * (naive distances, pick sets compared as sets rather than by hash) for every width.
   */
  @Property(generation = GenerationMode.EXHAUSTIVE)
  void beamSearchEqualsNaiveReference(@ForAll @LongRange(min = 0, max = 59) long seed,
      @ForAll @IntRange(min = 2, max = 4) int width) {
    BeamCase c = BeamCase.of(seed, 5);
    assertThat(c.picks(width)).doesNotHaveDuplicates().hasSize(5).isEqualTo(c.reference(width));
  }

  /**
   * Over two picks a wider beam never ends less uncertain than the greedy run: after the first
   * step every child of the single start is kept (at most K of them, the greedy pick among them),
   * and after the last step the returned configuration is the most uncertain of all children,
   * the greedy pair included. Beyond two picks this does not hold (see
   * {@link #widerBeamCanEndLessUncertainOverFivePicks}).
   */
  @Property(generation = GenerationMode.EXHAUSTIVE)
  void widerBeamNeverEndsLessUncertainOverTwoPicks(@ForAll @LongRange(min = 0, max = 99) long seed) {
    BeamCase c = BeamCase.of(seed, 2);
    int[] beam = c.picks(4);
    assertThat(beam).doesNotHaveDuplicates().hasSize(2);
    assertThat(c.cost(beam)).isGreaterThanOrEqualTo(c.cost(c.picks(1)) - 1e-12);
  }

  /**
   * The counterexample that made the former property "a wider beam never ends less uncertain"
   * (budget 5) fail on about one random seed in 2 600: the beam drops the greedy configuration
   * at an intermediate step (it is not among the K most uncertain partial sets) and the sets it
   * keeps end less uncertain. The beam run is still exactly the reference beam search; beam search
   * is not monotone in its width.
   */
  @Example
  void widerBeamCanEndLessUncertainOverFivePicks() {
    BeamCase c = BeamCase.of(-2592, 5);
    int[] beam = c.picks(4);
    assertThat(beam).isEqualTo(c.reference(4));
    assertThat(c.cost(beam)).isLessThan(c.cost(c.picks(1)));
  }

  /** 30 items in 3-d with 3-class probabilities, the first two labeled, {@code budget} picks. */
  private record BeamCase(Matrix embeddings, Matrix probabilities, SelectionContext ctx, int budget) {
    static BeamCase of(long seed, int budget) {
      SplittableRandom rng = new SplittableRandom(seed);
      Matrix m = Pools.gaussian(30, 3, rng);
      Matrix p = Pools.probabilities(30, 3, rng);
      return new BeamCase(m, p, Pools.context(m, p, 2, budget, 1), budget);
    }

    /** {@code coreset-doubt}'s picks with beam width {@code width}. */
    int[] picks(int width) {
      return select(new DoubtCoresetProvider(), Map.of("beam", String.valueOf(width)), ctx).indices();
    }

    /** The reference beam search's picks. */
    int[] reference(int width) {
      return naiveBeam(embeddings, probabilities, ctx.unlabeled(), ctx.labeled(), budget, width);
    }

    /** Σ −log max p over the items. */
    double cost(int[] items) {
      return confidenceCost(probabilities, items);
    }
  }

  /**
   * Doubt-weighted k-center with beam search, written plainly: naive distances, children in
   * beam order and candidate order, duplicate pick sets dropped (the first kept), the K most
   * uncertain kept (ties to the earlier child), the most uncertain final set returned.
   */
  private static int[] naiveBeam(Matrix m, Matrix p, int[] unlabeled, int[] labeled, int k, int width) {
    record Config(List<Integer> picks, double cost) {}
    List<Config> beams = List.of(new Config(List.of(), 0));
    for (int step = 0; step < k; step++) {
      List<Config> children = new ArrayList<>();
      Set<Set<Integer>> seen = new HashSet<>();
      for (Config b : beams) {
        double[] scaled = new double[unlabeled.length];
        for (int u = 0; u < unlabeled.length; u++) {
          int x = unlabeled[u];
          if (b.picks().contains(x)) {
            scaled[u] = -1;
            continue;
          }
          double min = Double.POSITIVE_INFINITY;
          for (int c : labeled) {
            min = Math.min(min, dist(m, x, c));
          }
          for (int c : b.picks()) {
            min = Math.min(min, dist(m, x, c));
          }
          scaled[u] = (1 - p.get(x, Probabilities.argmax(p, x))) * min;
        }
        for (int u : topIndices(scaled, Math.min(width, unlabeled.length - b.picks().size()))) {
          List<Integer> picks = new ArrayList<>(b.picks());
          picks.add(unlabeled[u]);
          if (seen.add(new HashSet<>(picks))) {
            double cost = b.cost() - Math.log(Math.max(p.get(unlabeled[u], Probabilities.argmax(p, unlabeled[u])), 1e-12));
            children.add(new Config(picks, cost));
          }
        }
      }
      double[] costs = children.stream().mapToDouble(Config::cost).toArray();
      List<Config> next = new ArrayList<>();
      for (int c : topIndices(costs, Math.min(width, children.size()))) {
        next.add(children.get(c));
      }
      beams = next;
    }
    Config best = beams.get(0);
    for (Config b : beams) {
      if (b.cost() > best.cost()) {
        best = b;
      }
    }
    return best.picks().stream().mapToInt(Integer::intValue).toArray();
  }

  private static int[] topIndices(double[] v, int k) {
    Integer[] order = new Integer[v.length];
    for (int i = 0; i < v.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> v[a] != v[b] ? Double.compare(v[b], v[a]) : Integer.compare(a, b));
    int[] out = new int[k];
    for (int i = 0; i < k; i++) {
      out[i] = order[i];
    }
    return out;
  }

  static Selection select(StrategyProvider provider, Map<String, String> options, SelectionContext ctx) {
    Options o = provider.options(options);
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
