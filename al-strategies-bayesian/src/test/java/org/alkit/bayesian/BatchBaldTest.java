package org.alkit.bayesian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.testkit.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * BatchBALD against brute-force joint entropies ({@link JointEntropies}): the lazy greedy makes a
 * greedy choice at every step, its gains are the true marginal gains, b = 1 is BALD, the joint
 * mutual information never falls below the best single BALD of the batch, and the sampled
 * estimate of H(Y_x | Y_A) stays within its stated error of the exact value.
 */
class BatchBaldTest {
  private static final BatchBaldProvider PROVIDER = new BatchBaldProvider();

  @Property(tries = 60)
  void eachPickIsAGreedyChoiceAndEachScoreItsTrueGain(@ForAll @IntRange(min = 2, max = 6) int passes,
      @ForAll @IntRange(min = 3, max = 12) int n, @ForAll @IntRange(min = 2, max = 4) int classes,
      @ForAll @IntRange(min = 1, max = 4) int batchSize, @ForAll long seed) {
    int budget = Math.min(batchSize, n);
    double[][][] mc = McPools.random(passes, n, classes, seed);
    JointEntropies brute = new JointEntropies(mc);
    Selection s = McPools.select(PROVIDER, Map.of(), McPools.context(mc, budget).build());
    int[] picked = s.indices();
    assertThat(picked).hasSize(budget).doesNotHaveDuplicates();
    for (int step = 0; step < budget; step++) {
      int[] prefix = Arrays.copyOf(picked, step);
      double best = Double.NEGATIVE_INFINITY;
      for (int x = 0; x < n; x++) {
        final int item = x;
        if (Arrays.stream(prefix).noneMatch(p -> p == item)) {
          best = Math.max(best, brute.gain(prefix, x));
        }
      }
      double gain = brute.gain(prefix, picked[step]);
      assertThat(gain).as("step %d: gain of the pick against the best gain", step)
          .isGreaterThanOrEqualTo(best - 1e-6);
      assertThat(s.score(step)).as("step %d: reported gain", step).isCloseTo(gain, within(1e-6));
    }
  }

  @Property(tries = 60)
  void gainsShrinkAndTheJointInformationBeatsEverySingleBald(
      @ForAll @IntRange(min = 2, max = 8) int passes, @ForAll @IntRange(min = 2, max = 30) int n,
      @ForAll @IntRange(min = 2, max = 5) int classes, @ForAll long seed) {
    double[][][] mc = McPools.random(passes, n, classes, seed);
    int budget = Math.min(n, 5);
    Selection s = McPools.select(PROVIDER, Map.of(), McPools.context(mc, budget).build());
    double[] bald = McPools.scores(new BaldProvider(), McPools.context(mc, 1).build());
    double joint = 0;
    double bestSingle = Double.NEGATIVE_INFINITY;
    for (int step = 0; step < s.size(); step++) {
      if (step > 0) {
        assertThat(s.score(step)).as("gain %d (submodular: never above the previous)", step)
            .isLessThanOrEqualTo(s.score(step - 1) + 1e-9);
      }
      assertThat(s.score(step)).as("gain %d, a conditional mutual information", step)
          .isGreaterThanOrEqualTo(-1e-9);
      joint += s.score(step);
      bestSingle = Math.max(bestSingle, bald[s.index(step)]);
    }
    assertThat(joint).as("joint mutual information of %s", Arrays.toString(s.indices()))
        .isGreaterThanOrEqualTo(bestSingle - 1e-9);
  }

  @Property(tries = 60)
  void aBatchOfOneIsBald(@ForAll @IntRange(min = 1, max = 8) int passes,
      @ForAll @IntRange(min = 1, max = 40) int n, @ForAll @IntRange(min = 2, max = 6) int classes,
      @ForAll long seed) {
    double[][][] mc = McPools.random(passes, n, classes, seed);
    SelectionContext ctx = McPools.context(mc, 1).build();
    Selection batch = McPools.select(PROVIDER, Map.of(), ctx);
    Selection bald = McPools.select(new BaldProvider(), Map.of(), ctx);
    assertThat(batch.indices()).isEqualTo(bald.indices());
    assertThat(batch.scores()).isEqualTo(bald.scores());
  }

  @Property(tries = 40)
  void sampledConditionalEntropiesAgreeWithExactOnesWithinTheirStatedError(
      @ForAll @IntRange(min = 2, max = 8) int passes, @ForAll @IntRange(min = 2, max = 5) int classes,
      @ForAll @IntRange(min = 1, max = 3) int batch, @ForAll long seed) {
    int n = batch + 6;
    double[][][] mc = McPools.random(passes, n, classes, seed);
    McSamples samples = McSamples.of(McPools.stack(mc));
    int m = 20_000;
    JointPosterior exact = new JointPosterior(samples, 1_000_000, m, new SplittableRandom(seed));
    JointPosterior sampled = new JointPosterior(samples, 1, m, new SplittableRandom(seed));
    int[] chosen = new int[batch];
    for (int a = 0; a < batch; a++) {
      chosen[a] = a;
      exact.add(a);
      sampled.add(a);
    }
    assertThat(exact.exact()).isTrue();
    assertThat(sampled.exact()).isFalse();
    assertThat(sampled.configurations()).isEqualTo(m);
    int[] others = java.util.stream.IntStream.range(batch, n).toArray();
    double[] h = exact.conditionalEntropies(others, backend());
    double[] estimate = sampled.conditionalEntropies(others, backend());
    JointEntropies brute = new JointEntropies(mc);
    double stated = Math.log(classes) / (2 * Math.sqrt(m));
    for (int k = 0; k < others.length; k++) {
      int[] with = Arrays.copyOf(chosen, batch + 1);
      with[batch] = others[k];
      assertThat(h[k]).as("exact H(Y_%d | Y_A)", others[k])
          .isCloseTo(brute.entropy(with) - brute.entropy(chosen), within(1e-6));
      assertThat(estimate[k]).as("sampled H(Y_%d | Y_A), standard error <= %s", others[k], stated)
          .isCloseTo(h[k], within(5 * stated));
    }
  }

  @Test
  void theEmptyBatchGivesTheEntropyOfTheMeanPrediction() {
    double[][][] mc = McPools.random(7, 20, 4, 3);
    McSamples samples = McSamples.of(McPools.stack(mc));
    int[] all = java.util.stream.IntStream.range(0, 20).toArray();
    double[] bald = new double[20];
    double[] expected = new double[20];
    samples.bald(all, bald, expected, backend());
    double[] h = new JointPosterior(samples, 1, 1, new SplittableRandom(0))
        .conditionalEntropies(all, backend());
    for (int i = 0; i < all.length; i++) {
      assertThat(h[i]).isCloseTo(bald[i] + expected[i], within(1e-6));
    }
  }

  @Test
  void aCopyOfAPickAddsNothingSoTheBatchTakesADifferentItem() {
    // [pass][item][class]. Items 0 and 1 are one and the same one-hot function of the pass; item 2
    // disagrees less (BALD ln 2 − H(0.9, 0.1)) but along another split of the passes; item 3 is
    // uniform in every pass.
    double[][][] mc = {
        {{1, 0}, {1, 0}, {0.9, 0.1}, {0.5, 0.5}},
        {{0, 1}, {0, 1}, {0.9, 0.1}, {0.5, 0.5}},
        {{1, 0}, {1, 0}, {0.1, 0.9}, {0.5, 0.5}},
        {{0, 1}, {0, 1}, {0.1, 0.9}, {0.5, 0.5}}};
    SelectionContext ctx = McPools.context(mc, 2).build();
    assertThat(McPools.select(new BaldProvider(), Map.of(), ctx).indices()).containsExactly(0, 1);
    Selection batch = McPools.select(PROVIDER, Map.of(), ctx);
    assertThat(batch.indices()).containsExactly(0, 2);
    assertThat(batch.score(0)).isCloseTo(Math.log(2), within(1e-9));
    double bald2 = Math.log(2) - McPools.entropy(new double[] {0.9, 0.1});
    assertThat(batch.score(1)).isCloseTo(bald2, within(1e-6));
    JointEntropies brute = new JointEntropies(mc);
    assertThat(brute.gain(new int[] {0}, 1)).isCloseTo(0, within(1e-12));
    assertThat(brute.gain(new int[] {0}, 2)).isCloseTo(bald2, within(1e-6));
  }

  @Test
  void theSampledRegimeIsDeterministicUnderASeed() {
    double[][][] mc = McPools.random(6, 60, 5, 11);
    Map<String, String> sampled = Map.of("max-configurations", "5", "samples", "300");
    Selection a = McPools.select(PROVIDER, sampled, McPools.context(mc, 6).seed(7).build());
    Selection b = McPools.select(PROVIDER, sampled, McPools.context(mc, 6).seed(7).build());
    assertThat(b).isEqualTo(a);
    assertThat(a.parameters()).containsEntry("samples", "300").containsEntry("max-configurations", "5");
  }

  @Test
  void optionsOutOfRangeAreRejectedNamingTheKeyAndTheValue() {
    assertThatThrownBy(() -> McPools.select(PROVIDER, Map.of("samples", "0"),
        McPools.context(McPools.random(2, 3, 2, 1), 1).build()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("option 'samples' = 0").hasMessageContaining("1 <= samples <= 1000000");
    assertThatThrownBy(() -> McPools.select(PROVIDER, Map.of("max-configurations", "2000000"),
        McPools.context(McPools.random(2, 3, 2, 1), 1).build()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("option 'max-configurations' = 2000000");
  }

  private static org.alkit.api.ComputeBackend backend() {
    return Fixtures.javaBackend().orElseThrow();
  }
}
