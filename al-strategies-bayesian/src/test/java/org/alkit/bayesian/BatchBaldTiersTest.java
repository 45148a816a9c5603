package org.alkit.bayesian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.alkit.api.ComputeBackend;
import org.alkit.api.Selection;
import org.alkit.testkit.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * BatchBALD's lazy tiers on batches large enough to group the configurations
 * ({@link JointPosterior#MIN_CONFIGURATIONS}), over pools of alike items (so that lazy
 * evaluation cannot skip its bounds): replaying the strategy's joint posterior, an exact step
 * takes the best gain, a sampled step a gain within its tolerance of the best estimate (the best
 * itself at tolerance 0), each reported gain is the pick's; the coarse bounds are upper bounds;
 * and the batch is the same on any number of threads. {@link JointPosterior}'s exact values are
 * checked against brute force in {@link BatchBaldTest}.
 */
class BatchBaldTiersTest {
  private static final BatchBaldProvider PROVIDER = new BatchBaldProvider();
  private static final int N = 200;

  @Property(tries = 2)
  void exactGroupedStepsTakeTheBestGain(@ForAll long seed) {
    // 3⁷ ≥ MIN_CONFIGURATIONS exact configurations from step 8 on
    double[][][] mc = McPools.gaussian(30, N, 3, seed);
    JointPosterior joint = replay(mc, 9, Map.of("max-configurations", "1000000"), 1_000_000, 1, 0, seed);
    assertThat(joint.exact()).isTrue();
  }

  @Property(tries = 6)
  void aSampledStepTakesAGainWithinItsToleranceOfTheBestEstimate(@ForAll @IntRange(min = 0, max = 4) int tolerance,
      @ForAll long seed) {
    int samples = 2 * JointPosterior.MIN_CONFIGURATIONS;
    double[][][] mc = McPools.gaussian(30, N, 4, seed);
    JointPosterior joint = replay(mc, 6, Map.of("max-configurations", "16", "samples", Integer.toString(samples),
        "tolerance", Integer.toString(tolerance)), 16, samples, tolerance, seed);
    assertThat(joint.exact()).isFalse();
  }

  @Test
  void theBatchIsTheSameOnAnyNumberOfThreads() throws Exception {
    double[][][] mc = McPools.gaussian(10, 80, 5, 5);
    Map<String, String> options = Map.of("max-configurations", "25", "samples",
        Integer.toString(JointPosterior.MIN_CONFIGURATIONS + 100));
    try (ComputeBackend one = Fixtures.javaBackend(1).orElseThrow();
        ComputeBackend three = Fixtures.javaBackend(3).orElseThrow()) {
      Selection a = McPools.select(PROVIDER, options, McPools.context(mc, 8).seed(3).backend(one).build());
      Selection b = McPools.select(PROVIDER, options, McPools.context(mc, 8).seed(3).backend(three).build());
      assertThat(b).isEqualTo(a);
    }
  }

  /**
   * Selects {@code budget} items, then replays the strategy's joint posterior (the same draws in
   * the same order) and checks every step's pick against every candidate's estimate; returns the
   * replayed posterior of the last step.
   */
  private static JointPosterior replay(double[][][] mc, int budget, Map<String, String> options,
      int maxConfigurations, int samples, int tolerance, long seed) {
    int n = mc[0].length;
    int classes = mc[0][0].length;
    Selection s = McPools.select(PROVIDER, options, McPools.context(mc, budget).seed(seed).build());
    McSamples passes = McSamples.of(McPools.stack(mc));
    int[] all = IntStream.range(0, n).toArray();
    double[] expected = new double[n];
    passes.bald(all, new double[n], expected, backend());
    JointPosterior joint = new JointPosterior(passes, maxConfigurations, samples, new SplittableRandom(seed));
    double standardError = Math.log(classes) / (2 * Math.sqrt(samples));
    boolean grouped = false;
    for (int step = 0; step < budget; step++) {
      int[] prefix = Arrays.copyOf(s.indices(), step);
      double[] h = joint.conditionalEntropies(all, backend());
      double best = IntStream.range(0, n).filter(x -> Arrays.stream(prefix).noneMatch(p -> p == x))
          .mapToDouble(x -> h[x] - expected[x]).max().orElseThrow();
      int pick = s.index(step);
      double slack = joint.exact() ? 0 : tolerance * standardError;
      // step 0 reports BALD, computed apart from the joint kernel
      assertThat(s.score(step)).as("step %d: reported gain is the pick's", step)
          .isCloseTo(h[pick] - expected[pick], within(step == 0 ? 1e-6 : 1e-12));
      assertThat(s.score(step)).as("step %d: within %s of the best %s", step, slack, best)
          .isGreaterThanOrEqualTo(best - slack - BatchBald.ROUNDING);
      double[] bounds = joint.upperBounds(all, backend());
      if (bounds != null) {
        grouped = true;
        for (int x = 0; x < n; x++) {
          assertThat(bounds[x]).as("step %d, item %d: coarse bound", step, x)
              .isGreaterThanOrEqualTo(h[x] - BatchBald.ROUNDING);
        }
      }
      if (step < budget - 1) {
        joint.add(pick);
      }
    }
    assertThat(grouped).as("some step grouped its configurations").isTrue();
    return joint;
  }

  private static ComputeBackend backend() {
    return Fixtures.javaBackend().orElseThrow();
  }
}
