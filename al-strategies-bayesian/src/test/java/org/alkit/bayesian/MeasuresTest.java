package org.alkit.bayesian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.junit.jupiter.api.Test;

/** BALD, variation ratio and mean STD on pools small enough to compute by hand. */
class MeasuresTest {
  /**
   * Item 0: two passes certain of opposite classes. Item 1: both passes uniform. Item 2: passes
   * (3/4, 1/4) and (3/8, 5/8). Item 3: three-quarters certain, agreeing. Every value is exact in
   * float32.
   */
  private static final double[][][] PASSES = {
      {{1, 0}, {0.5, 0.5}, {0.75, 0.25}, {0.75, 0.25}},
      {{0, 1}, {0.5, 0.5}, {0.375, 0.625}, {0.75, 0.25}}};

  private static SelectionContext ctx() {
    return McPools.context(PASSES, 4).build();
  }

  private static double h(double... p) {
    return McPools.entropy(p);
  }

  @Test
  void baldIsTheMutualInformationInNats() {
    double[] bald = McPools.scores(new BaldProvider(), ctx());
    assertThat(bald[0]).isCloseTo(Math.log(2), within(1e-11));
    assertThat(bald[1]).isCloseTo(0, within(1e-11));
    assertThat(bald[2]).isCloseTo(h(0.5625, 0.4375) - (h(0.75, 0.25) + h(0.375, 0.625)) / 2, within(1e-11));
    assertThat(bald[3]).isCloseTo(0, within(1e-11));
  }

  @Test
  void variationRatioCountsThePassesOutsideTheModalClass() {
    double[] ratio = McPools.scores(new VariationRatioProvider(), ctx());
    // item 1: both passes tie, the first maximum (class 0) wins both; item 2: classes 0 and 1
    assertThat(ratio).containsExactly(0.5, 0, 0.5, 0);
  }

  @Test
  void meanStdAveragesThePopulationStandardDeviations() {
    double[] std = McPools.scores(new MeanStdProvider(), ctx());
    assertThat(std[0]).isCloseTo(0.5, within(1e-7));
    assertThat(std[1]).isCloseTo(0, within(1e-7));
    assertThat(std[2]).isCloseTo(0.1875, within(1e-7));
    assertThat(std[3]).isCloseTo(0, within(1e-7));
  }

  @Test
  void rowsAreRenormalisedBeforeTheEntropies() {
    // the context accepts sums within 1e-3 of 1; BALD of a pass and its rescaled copy is 0
    double[][][] scaled = {{{0.7005, 0.3}}, {{0.7, 0.2998}}};
    double[] bald = McPools.scores(new BaldProvider(), McPools.context(scaled, 1).build());
    assertThat(bald[0]).isCloseTo(0, within(1e-6));
  }

  @Test
  void topKIsBestFirstWithTiesToTheLowerIndex() {
    Selection s = McPools.select(new VariationRatioProvider(), Map.of(), ctx());
    assertThat(s.indices()).containsExactly(0, 2, 1, 3);
    assertThat(s.strategy()).isEqualTo("variation-ratio");
  }

  @Test
  void passesOfDifferentWidthsAreRejectedNamingTheSignal() {
    double[][][] ragged = {{{0.5, 0.5}}, {{0.2, 0.3, 0.5}}};
    SelectionContext ctx = McPools.context(ragged, 1).build();
    assertThatThrownBy(() -> McPools.select(new BaldProvider(), Map.of(), ctx))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("mc-probabilities[1]");
  }
}
