package org.alkit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Map;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.junit.jupiter.api.Test;

/** alamp and alamp-div on hand-computed cases. */
class AlampTest {
  private static final double EPS = 1e-6;

  private static SelectionContext round2(double[][] previous, double[][] now, int budget) {
    return Strategies.context(now, budget).round(2)
        .signal(Signal.PREVIOUS_PROBABILITIES, Matrix.of(previous)).build();
  }

  @Test
  void scoresTheRelativeDropOfTheMargin() {
    // margins before 0.8, 0.2, 0, 0.6 and now 0.2, 0.8, 0, 0.6
    double[][] before = {{0.9, 0.1}, {0.6, 0.4}, {0.5, 0.5}, {0.8, 0.2}};
    double[][] now = {{0.6, 0.4}, {0.9, 0.1}, {0.5, 0.5}, {0.8, 0.2}};
    Selection s = Strategies.select(new AlampProvider(), round2(before, now, 4));
    // (0.8-0.2)/1 = 0.6; 0/0 := 0; (0.6-0.6)/1.2 = 0 ties with it and goes after; (0.2-0.8)/1 = -0.6
    assertThat(s.indices()).containsExactly(0, 2, 3, 1);
    assertThat(s.scores()).containsExactly(new double[] {0.6, 0, 0, -0.6}, offset(EPS));
    assertThat(s.score(1)).as("both margins 0 (0/0)").isZero();
    assertThat(s.parameters()).containsEntry("base", "margin");
  }

  @Test
  void firstRoundFallsBackToMarginSampling() {
    double[][] now = {{0.6, 0.4}, {0.9, 0.1}, {0.5, 0.5}, {0.7, 0.3}};
    SelectionContext ctx = Strategies.context(now, 3).build();
    Selection alamp = Strategies.select(new AlampProvider(), ctx);
    Selection margin = Strategies.select(new MarginProvider(), ctx);
    assertThat(alamp.indices()).containsExactly(2, 0, 3).containsExactly(margin.indices());
    assertThat(alamp.scores()).containsExactly(new double[] {1, 0.8, 0.6}, offset(EPS))
        .containsExactly(margin.scores());
  }

  @Test
  void otherBasesCompareTheirCertainty() {
    double[][] before = {{0.9, 0.1}, {0.5, 0.5}, {0.5, 0.5}};
    double[][] now = {{0.6, 0.4}, {1, 0}, {0.5, 0.5}};
    SelectionContext ctx = round2(before, now, 3);
    // margin: (0.8-0.2)/1, (0-1)/1, 0/0
    assertThat(Strategies.scores(new AlampProvider(), ctx))
        .containsExactly(new double[] {0.6, -1, 0}, offset(EPS));
    // least confidence: certainty max p -> (0.9-0.6)/1.5, (0.5-1)/1.5, 0
    assertThat(scores(Map.of("base", "least-confidence"), ctx))
        .containsExactly(new double[] {0.2, -1.0 / 3, 0}, offset(EPS));
    // entropy: certainty 1 - H/ln 2; uniform rows have certainty 0, so the third item is 0/0
    double c = 1 - entropy(0.9, 0.1) / Math.log(2);
    double d = 1 - entropy(0.6, 0.4) / Math.log(2);
    assertThat(scores(Map.of("base", "entropy"), ctx))
        .containsExactly(new double[] {(c - d) / (c + d), -1, 0}, offset(EPS));
  }

  @Test
  void previousProbabilitiesOfAnotherClassCountAreRejectedNamingBothShapes() {
    double[][] before = {{0.5, 0.25, 0.25}, {0.2, 0.3, 0.5}};
    double[][] now = {{0.6, 0.4}, {0.9, 0.1}};
    assertThatThrownBy(() -> Strategies.select(new AlampProvider(), round2(before, now, 1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("previous-probabilities is 2 × 3")
        .hasMessageContaining("probabilities is 2 × 2");
  }

  /** Previous predictions A A A B C B with prev margin 0.5; alamp order 0..5 by construction. */
  private static SelectionContext sweepCase(boolean withPrevious) {
    double[] a = {0.7, 0.2, 0.1};
    double[] b = {0.2, 0.7, 0.1};
    double[] c = {0.1, 0.2, 0.7};
    double[][] before = {a, a, a, b, c, b};
    // current margins 0, 0.1, 0.2, 0.3, 0.4, 0.45: scores (0.5-m)/(0.5+m) strictly decreasing
    double[][] now = {{0.4, 0.4, 0.2}, {0.45, 0.35, 0.2}, {0.5, 0.3, 0.2}, {0.55, 0.25, 0.2},
        {0.6, 0.2, 0.2}, {0.625, 0.175, 0.2}};
    SelectionContext.Builder ctx = Strategies.context(now, 5);
    return (withPrevious ? ctx.signal(Signal.PREVIOUS_PROBABILITIES, Matrix.of(before)) : ctx).build();
  }

  @Test
  void alampDivTakesOnePreviousClassPerSweepBeforeRepeating() {
    SelectionContext ctx = sweepCase(true);
    assertThat(Strategies.select(new AlampProvider(), ctx).indices()).containsExactly(0, 1, 2, 3, 4);
    Selection div = Strategies.select(new AlampDivProvider(), ctx);
    // sweep 1: best of A (0), B (3), C (4); sweep 2: next A (1), next B (5)
    assertThat(div.indices()).containsExactly(0, 3, 4, 1, 5);
    double[] alamp = Strategies.scores(new AlampProvider(), ctx);
    assertThat(div.scores()).containsExactly(alamp[0], alamp[3], alamp[4], alamp[1], alamp[5]);
  }

  @Test
  void alampDivUsesTheCurrentPredictionInTheFirstRound() {
    // every current row predicts class 0 (item 0 by the first-max rule): one pseudo-class, plain margin order
    SelectionContext ctx = sweepCase(false);
    assertThat(Strategies.select(new AlampDivProvider(), ctx).indices())
        .containsExactly(Strategies.select(new MarginProvider(), ctx).indices())
        .containsExactly(0, 1, 2, 3, 4);
  }

  private static double[] scores(Map<String, String> options, SelectionContext ctx) {
    Selection all = Strategies.select(new AlampProvider(), options, ctx.toBuilder().budget(ctx.poolSize()).build());
    double[] out = new double[ctx.poolSize()];
    for (int r = 0; r < all.size(); r++) {
      out[all.index(r)] = all.score(r);
    }
    return out;
  }

  private static double entropy(double p, double q) {
    return -p * Math.log(p) - q * Math.log(q);
  }
}
