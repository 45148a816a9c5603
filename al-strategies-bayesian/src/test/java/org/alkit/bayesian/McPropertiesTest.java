package org.alkit.bayesian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.alkit.api.SelectionContext;

/**
 * Properties of the per-item measures on random passes: BALD is the brute-force mutual
 * information, never negative, and 0 exactly when the passes agree; variation ratio and mean STD
 * stay in their ranges and vanish on agreeing passes.
 */
class McPropertiesTest {
  @Property(tries = 80)
  void baldIsTheMutualInformationAndNeverNegative(@ForAll @IntRange(min = 1, max = 10) int passes,
      @ForAll @IntRange(min = 1, max = 30) int n, @ForAll @IntRange(min = 2, max = 12) int classes,
      @ForAll long seed) {
    double[][][] mc = McPools.random(passes, n, classes, seed);
    double[] bald = McPools.scores(new BaldProvider(), McPools.context(mc, 1).build());
    JointEntropies brute = new JointEntropies(mc);
    for (int i = 0; i < n; i++) {
      assertThat(bald[i]).as("BALD of item %d", i).isGreaterThanOrEqualTo(-1e-12)
          .isCloseTo(brute.bald(i), within(1e-9));
    }
  }

  @Property(tries = 80)
  void agreeingPassesScoreZeroOnEveryMeasure(@ForAll @IntRange(min = 1, max = 10) int passes,
      @ForAll @IntRange(min = 1, max = 30) int n, @ForAll @IntRange(min = 2, max = 12) int classes,
      @ForAll long seed) {
    double[][][] mc = McPools.random(passes, n, classes, seed);
    for (int t = 1; t < passes; t++) {
      mc[t] = mc[0];
    }
    SelectionContext ctx = McPools.context(mc, 1).build();
    double[] bald = McPools.scores(new BaldProvider(), ctx);
    double[] ratio = McPools.scores(new VariationRatioProvider(), ctx);
    double[] std = McPools.scores(new MeanStdProvider(), ctx);
    for (int i = 0; i < n; i++) {
      assertThat(bald[i]).as("BALD of item %d", i).isCloseTo(0, within(1e-12));
      assertThat(ratio[i]).as("variation ratio of item %d", i).isZero();
      assertThat(std[i]).as("mean STD of item %d", i).isCloseTo(0, within(1e-7));
    }
  }

  @Property(tries = 80)
  void variationRatioAndMeanStdStayInTheirRanges(@ForAll @IntRange(min = 1, max = 10) int passes,
      @ForAll @IntRange(min = 1, max = 30) int n, @ForAll @IntRange(min = 2, max = 12) int classes,
      @ForAll long seed) {
    double[][][] mc = McPools.random(passes, n, classes, seed);
    SelectionContext ctx = McPools.context(mc, 1).build();
    double[] ratio = McPools.scores(new VariationRatioProvider(), ctx);
    double[] std = McPools.scores(new MeanStdProvider(), ctx);
    for (int i = 0; i < n; i++) {
      // the modal class is predicted by at least ⌈T / C⌉ passes
      double most = 1 - Math.ceil((double) passes / classes) / passes;
      assertThat(ratio[i]).as("variation ratio of item %d", i).isBetween(0.0, most + 1e-12);
      // a probability's standard deviation is at most 1/2
      assertThat(std[i]).as("mean STD of item %d", i).isBetween(0.0, 0.5);
    }
  }
}
