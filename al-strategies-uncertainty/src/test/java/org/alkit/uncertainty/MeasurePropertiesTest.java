package org.alkit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.alkit.api.SelectionContext;
import org.alkit.api.StrategyProvider;

/**
 * Properties every single-model measure and committee measure has: scores follow their items,
 * ignore the order of the class columns, are 0 on a one-hot row and largest on the uniform row.
 */
class MeasurePropertiesTest {
  private static final List<StrategyProvider> MEASURES = List.of(new LeastConfidenceProvider(),
      new MarginProvider(), new RatioProvider(), new EntropyProvider());
  private static final List<StrategyProvider> COMMITTEES = List.of(new VoteEntropyProvider(),
      new ConsensusEntropyProvider(), new MaxDisagreementProvider());

  /** Rows of 2..6 classes from integer weights, so ties and zeros are common. */
  @Provide
  Arbitrary<double[][]> pools() {
    return Arbitraries.integers().between(2, 6).flatMap(c -> row(c).array(double[][].class).ofMinSize(1).ofMaxSize(12));
  }

  private static Arbitrary<double[]> row(int classes) {
    return Arbitraries.integers().between(0, 9).array(int[].class).ofSize(classes)
        .filter(w -> java.util.Arrays.stream(w).sum() > 0)
        .map(w -> {
          double sum = java.util.Arrays.stream(w).sum();
          return java.util.Arrays.stream(w).mapToDouble(x -> x / sum).toArray();
        });
  }

  @Provide
  Arbitrary<double[][][]> committees() {
    return Combinators.combine(Arbitraries.integers().between(2, 5), Arbitraries.integers().between(1, 10),
        Arbitraries.integers().between(2, 4)).flatAs((members, n, c) ->
            row(c).array(double[][].class).ofSize(n).array(double[][][].class).ofSize(members));
  }

  @Property(tries = 100)
  void permutingItemsPermutesScores(@ForAll("pools") double[][] p, @ForAll long seed) {
    int[] perm = permutation(p.length, seed);
    double[][] permuted = new double[p.length][];
    for (int i = 0; i < p.length; i++) {
      permuted[i] = p[perm[i]];
    }
    for (StrategyProvider provider : MEASURES) {
      double[] before = Strategies.scores(provider, Strategies.context(p, 1).build());
      double[] after = Strategies.scores(provider, Strategies.context(permuted, 1).build());
      for (int i = 0; i < p.length; i++) {
        assertThat(after[i]).as("%s of item %d after the permutation", provider.name(), i)
            .isEqualTo(before[perm[i]]);
      }
    }
  }

  @Property(tries = 50)
  void permutingCommitteeItemsPermutesScores(@ForAll("committees") double[][][] members, @ForAll long seed) {
    int n = members[0].length;
    int[] perm = permutation(n, seed);
    double[][][] permuted = new double[members.length][n][];
    for (int m = 0; m < members.length; m++) {
      for (int i = 0; i < n; i++) {
        permuted[m][i] = members[m][perm[i]];
      }
    }
    for (StrategyProvider provider : COMMITTEES) {
      double[] before = Strategies.scores(provider, Strategies.committee(members, 1).build());
      double[] after = Strategies.scores(provider, Strategies.committee(permuted, 1).build());
      for (int i = 0; i < n; i++) {
        assertThat(after[i]).as("%s of item %d after the permutation", provider.name(), i)
            .isEqualTo(before[perm[i]]);
      }
    }
  }

  @Property(tries = 100)
  void permutingClassColumnsKeepsScores(@ForAll("pools") double[][] p, @ForAll long seed) {
    int[] perm = permutation(p[0].length, seed);
    double[][] permuted = new double[p.length][p[0].length];
    for (int i = 0; i < p.length; i++) {
      for (int c = 0; c < perm.length; c++) {
        permuted[i][c] = p[i][perm[c]];
      }
    }
    for (StrategyProvider provider : MEASURES) {
      assertThat(Strategies.scores(provider, Strategies.context(permuted, 1).build()))
          .as("%s with permuted classes", provider.name())
          .containsExactly(Strategies.scores(provider, Strategies.context(p, 1).build()), offset(1e-12));
    }
  }

  @Property(tries = 30)
  void oneHotRowsHaveNoUncertaintyAndTheUniformRowTheMost(@ForAll("pools") double[][] p,
      @ForAll @IntRange(min = 0, max = 5) int hot) {
    int classes = p[0].length;
    double[] oneHot = new double[classes];
    oneHot[hot % classes] = 1;
    double[] uniform = new double[classes];
    java.util.Arrays.fill(uniform, 1.0 / classes);
    double[][] pool = java.util.Arrays.copyOf(p, p.length + 2);
    pool[p.length] = oneHot;
    pool[p.length + 1] = uniform;
    Map<String, Double> maximum = Map.of("least-confidence", 1 - 1.0 / classes, "margin", 1.0,
        "ratio", 1.0, "entropy", Math.log(classes));
    for (StrategyProvider provider : MEASURES) {
      double[] s = Strategies.scores(provider, Strategies.context(pool, 1).build());
      assertThat(s[p.length]).as("%s of a one-hot row", provider.name()).isZero();
      double max = maximum.get(provider.name());
      assertThat(s[p.length + 1]).as("%s of the uniform row", provider.name()).isCloseTo(max, offset(1e-6));
      for (int i = 0; i < p.length; i++) {
        assertThat(s[i]).as("%s of row %d", provider.name(), i).isLessThanOrEqualTo(s[p.length + 1] + 1e-6);
      }
    }
  }

  @Property(tries = 30)
  void unanimousOneHotCommitteesDoNotDisagree(@ForAll @IntRange(min = 2, max = 5) int members,
      @ForAll @IntRange(min = 2, max = 6) int classes, @ForAll @IntRange(min = 0, max = 5) int hot) {
    double[][][] committee = new double[members][1][classes];
    for (double[][] member : committee) {
      member[0][hot % classes] = 1;
    }
    SelectionContext ctx = Strategies.committee(committee, 1).build();
    for (StrategyProvider provider : COMMITTEES) {
      assertThat(Strategies.scores(provider, ctx)[0]).as(provider.name()).isZero();
    }
  }

  private static int[] permutation(int n, long seed) {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
    int[] perm = java.util.stream.IntStream.range(0, n).toArray();
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    return perm;
  }
}
