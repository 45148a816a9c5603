package org.alkit.submodular.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.alkit.api.AlException;
import org.alkit.api.ComputeBackend;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.UnknownNameException;
import org.alkit.submodular.Kernels;
import org.alkit.submodular.SetFunction;
import org.alkit.submodular.SetFunctions;
import org.alkit.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OptimizersTest {
  private static final double TINY_EPSILON = 1e-12;
  /** Two workers: batches of gains run in parallel. */
  private static final ComputeBackend TWO = Fixtures.javaBackend(2).orElseThrow();

  private static GreedyResult run(String optimizer, SetFunction f, int budget, OptimizerOptions o) {
    return Optimizers.create(optimizer, o).maximize(f, budget, TWO);
  }

  private static GreedyResult run(String optimizer, SetFunction f, int budget) {
    return run(optimizer, f, budget, OptimizerOptions.defaults(7));
  }

  private static OptimizerOptions withEpsilon(double epsilon, long seed) {
    return new OptimizerOptions(epsilon, false, false, seed);
  }

  @Property(tries = 60, seed = "20250101")
  void lazyPicksWhatNaivePicksOnFacilityLocation(@ForAll @IntRange(min = 1, max = 40) int n,
      @ForAll @IntRange(min = 1, max = 40) int budget, @ForAll long seed, @ForAll boolean coarse) {
    SetFunction f = TestFunctions.facilityLocation(TestFunctions.randomKernel(n, seed, coarse));
    int k = Math.min(n, budget);
    GreedyResult naive = run("naive", f, k);
    GreedyResult lazy = run("lazy", f, k);
    assertThat(lazy.selected()).isEqualTo(naive.selected());
    assertThat(lazy.gains()).isEqualTo(naive.gains());
  }

  @Test
  void aGainThatFailsOnReevaluationFailsTheRun() {
    // bounds 3, 2, 1: item 0 is taken fresh, then items 1 and 2 are re-evaluated
    class FailsOnceTaken extends TestFunctions.Delegating {
      private boolean taken;

      FailsOnceTaken() {
        super(TestFunctions.modular(new double[] {3, 2, 1}, true));
      }

      @Override
      public double gain(int j) {
        if (j == 2 && taken) {
          throw new IllegalStateException("no gain for item 2");
        }
        return super.gain(j);
      }

      @Override
      public void add(int j) {
        taken = true;
      }
    }
    assertThatThrownBy(() -> run("lazy", new FailsOnceTaken(), 3))
        .isInstanceOf(IllegalStateException.class).hasMessage("no gain for item 2");
  }

  @Property(tries = 30, seed = "20250102")
  void lazyPicksWhatNaivePicksOnCatalogFunctions(@ForAll @IntRange(min = 2, max = 30) int n,
      @ForAll long seed, @ForAll boolean coarse) {
    Matrix k = Matrix.of(TestFunctions.randomKernel(n, seed, coarse));
    Matrix kq = Matrix.of(TestFunctions.randomKernel(n, seed + 1, coarse));
    Kernels kernels = Kernels.none().withKernel(k).withQueryKernel(kq);
    for (String name : new String[] {"facility-location", "flmi", "flvmi", "gcmi", "graph-cut"}) {
      SetFunction f = SetFunctions.create(name, Map.of(), kernels);
      GreedyResult naive = run("naive", f, n / 2 + 1);
      GreedyResult lazy = run("lazy", f, n / 2 + 1);
      assertThat(lazy.selected()).as(name).isEqualTo(naive.selected());
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"disparity-sum", "disparity-min"})
  void lazyIsTheTrueGreedyOnNonSubmodularFunctions(String name) {
    Matrix k = Matrix.of(TestFunctions.randomKernel(30, 3, false));
    SetFunction f = SetFunctions.create(name, Map.of(), Kernels.none().withKernel(k));
    assertThat(f.isSubmodular()).isFalse();
    GreedyResult naive = run("naive", f, 8);
    assertThat(run("lazy", f, 8).selected()).isEqualTo(naive.selected());
    // every pick is an argmax of the gains at its step
    f.clear();
    for (int t = 0; t < naive.selected().length; t++) {
      double best = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < 30; j++) {
        if (!contains(naive.selected(), t, j)) {
          best = Math.max(best, f.gain(j));
        }
      }
      assertThat(naive.gains()[t]).as("gain of pick %d", t).isEqualTo(best);
      f.add(naive.selected()[t]);
    }
  }

  @Property(tries = 30, seed = "20250103")
  void stochasticWithTinyEpsilonIsNaive(@ForAll @IntRange(min = 1, max = 30) int n,
      @ForAll long seed, @ForAll boolean coarse) {
    SetFunction f = TestFunctions.facilityLocation(TestFunctions.randomKernel(n, seed, coarse));
    int k = Math.max(1, n / 3);
    GreedyResult naive = run("naive", f, k);
    for (String optimizer : new String[] {"stochastic", "lazier"}) {
      assertThat(run(optimizer, f, k, withEpsilon(TINY_EPSILON, seed)).selected()).as(optimizer)
          .isEqualTo(naive.selected());
    }
  }

  @Property(tries = 40, seed = "20250104")
  void lazierPicksWhatStochasticPicks(@ForAll @IntRange(min = 1, max = 80) int n,
      @ForAll @IntRange(min = 1, max = 20) int budget, @ForAll long seed, @ForAll boolean coarse) {
    SetFunction f = TestFunctions.facilityLocation(TestFunctions.randomKernel(n, seed, coarse));
    int k = Math.min(n, budget);
    OptimizerOptions o = withEpsilon(0.3, seed);
    GreedyResult stochastic = run("stochastic", f, k, o);
    GreedyResult lazier = run("lazier", f, k, o);
    assertThat(lazier.selected()).isEqualTo(stochastic.selected());
    assertThat(lazier.gains()).isEqualTo(stochastic.gains());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"stochastic", "lazier"})
  void samplingIsFixedByTheSeed(String optimizer) {
    SetFunction f = TestFunctions.facilityLocation(TestFunctions.randomKernel(300, 11, false));
    GreedyResult a = run(optimizer, f, 10, withEpsilon(0.5, 42));
    GreedyResult b = run(optimizer, f, 10, withEpsilon(0.5, 42));
    assertThat(b.selected()).isEqualTo(a.selected());
    assertThat(b.gains()).isEqualTo(a.gains());
    Set<String> orders = new HashSet<>();
    for (long seed = 0; seed < 8; seed++) {
      orders.add(java.util.Arrays.toString(run(optimizer, f, 10, withEpsilon(0.5, seed)).selected()));
    }
    assertThat(orders).as("distinct orders over 8 seeds").hasSizeGreaterThan(1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"naive", "lazy", "stochastic", "lazier"})
  void picksAndGainsDoNotDependOnTheThreadCount(String optimizer) {
    // 600 items: batches of gains cross the parallel threshold
    SetFunction f = TestFunctions.facilityLocation(TestFunctions.randomKernel(600, 5, true));
    GreedyResult two = run(optimizer, f, 20);
    for (int threads : new int[] {1, 3}) {
      try (ComputeBackend backend = Fixtures.javaBackend(threads).orElseThrow()) {
        GreedyResult other = Optimizers.create(optimizer, OptimizerOptions.defaults(7))
            .maximize(f, 20, backend);
        assertThat(other.selected()).as("%s on %d threads", optimizer, threads)
            .isEqualTo(two.selected());
        assertThat(other.gains()).as("%s gains on %d threads", optimizer, threads)
            .isEqualTo(two.gains());
      }
    }
    if (optimizer.equals("lazy")) {
      assertThat(two.selected()).isEqualTo(run("naive", f, 20).selected());
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"naive", "lazy", "stochastic", "lazier"})
  void stopOptionsEndTheRunBeforeAZeroOrNegativeGain(String optimizer) {
    SetFunction f = TestFunctions.modular(new double[] {3, -1, 2, 0, 2}, true);
    assertThat(run(optimizer, f, 5, withEpsilon(TINY_EPSILON, 1)).selected())
        .containsExactly(0, 2, 4, 3, 1);
    assertThat(run(optimizer, f, 5, new OptimizerOptions(TINY_EPSILON, false, true, 1)).selected())
        .containsExactly(0, 2, 4, 3);
    assertThat(run(optimizer, f, 5, new OptimizerOptions(TINY_EPSILON, true, false, 1)).selected())
        .containsExactly(0, 2, 4);
    GreedyResult both = run(optimizer, f, 5, new OptimizerOptions(TINY_EPSILON, true, true, 1));
    assertThat(both.selected()).containsExactly(0, 2, 4);
    assertThat(both.gains()).containsExactly(3, 2, 2);
    assertThat(both.totalGain()).isEqualTo(7);
  }

  @Test
  void exactTiesGoToTheLowestIndex() {
    SetFunction f = TestFunctions.modular(new double[] {1, 5, 1, 5, 5}, true);
    for (String optimizer : Optimizers.names()) {
      assertThat(run(optimizer, f, 4, withEpsilon(TINY_EPSILON, 3)).selected()).as(optimizer)
          .containsExactly(1, 3, 4, 0);
    }
  }

  @Test
  void lazyOnANonSubmodularFunctionDoesNotTrustStaleBounds() {
    // a "supermodular" pair: after 0 is taken, 2 becomes the best item although its initial gain was 0
    SetFunction f = new SupermodularPair();
    assertThat(run("lazy", f, 2).selected()).containsExactly(0, 2);
  }

  @Test
  void budgetOutsideTheGroundSetIsRejectedAndZeroGivesNothing() {
    SetFunction f = TestFunctions.modular(new double[] {1, 2}, true);
    assertThatThrownBy(() -> run("naive", f, 3)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("budget = 3").hasMessageContaining("ground-set size 2");
    for (String optimizer : Optimizers.names()) {
      assertThat(run(optimizer, f, 0).selected()).as(optimizer).isEmpty();
    }
  }

  @Test
  void aNanGainIsAnErrorNamingTheItem() {
    SetFunction f = TestFunctions.modular(new double[] {1, Double.NaN}, true);
    assertThatThrownBy(() -> run("lazy", f, 1)).isInstanceOf(AlException.class)
        .hasMessageContaining("f(1 | A) is NaN");
  }

  @Test
  void namesAndOptionsAreChecked() {
    assertThatThrownBy(() -> Optimizers.create("greedy", OptimizerOptions.defaults(0)))
        .isInstanceOf(UnknownNameException.class)
        .hasMessageContaining("'greedy'").hasMessageContaining("lazier, lazy, naive, stochastic");
    assertThatThrownBy(() -> OptimizerOptions.parse(Map.of("epsilon", "1.5"), 0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'epsilon' = 1.5")
        .hasMessageContaining("0 < epsilon < 1");
    assertThatThrownBy(() -> OptimizerOptions.parse(Map.of("stopIfZeroGain", "maybe"), 0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("stopIfZeroGain");
    assertThat(OptimizerOptions.parse(Map.of(), 5)).isEqualTo(new OptimizerOptions(0.1, false, false, 5));
  }

  @Test
  void sampleSizeIsNOverKTimesLogOneOverEpsilon() {
    assertThat(StochasticGreedy.sampleSize(10_000, 100, 0.1)).isEqualTo(231);
    assertThat(StochasticGreedy.sampleSize(10, 10, 0.5)).isEqualTo(1);
    assertThat(StochasticGreedy.sampleSize(10, 1, 1e-9)).isEqualTo(10);
  }

  private static boolean contains(int[] a, int length, int x) {
    for (int t = 0; t < length; t++) {
      if (a[t] == x) {
        return true;
      }
    }
    return false;
  }

  /** f(∅)=0; f({0}) = 2, f({1}) = 1, f({2}) = 0, f({0, 2}) = 5: not submodular. */
  private static final class SupermodularPair implements SetFunction {
    private boolean hasZero;

    @Override
    public int groundSize() {
      return 3;
    }

    @Override
    public double evaluate(int[] set) {
      throw new UnsupportedOperationException();
    }

    @Override
    public double gain(int j) {
      return j == 0 ? 2 : j == 1 ? 1 : hasZero ? 3 : 0;
    }

    @Override
    public void add(int j) {
      hasZero |= j == 0;
    }

    @Override
    public void clear() {
      hasZero = false;
    }

    @Override
    public boolean isSubmodular() {
      return false;
    }
  }
}
