package org.alkit.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alkit.eval.matrix.CellSummary;
import org.alkit.eval.matrix.EvalMatrix;
import org.alkit.eval.matrix.EvalResults;
import org.alkit.eval.matrix.PairedTest;
import org.alkit.eval.matrix.Quality;
import org.alkit.eval.matrix.RoundMetrics;
import org.alkit.eval.matrix.RunKey;
import org.alkit.eval.matrix.RunRecord;
import org.alkit.eval.matrix.Stat;
import org.junit.jupiter.api.Test;

class MetricsTest {
  static RoundMetrics round(int round, int labeled, double accuracy) {
    return new RoundMetrics(round, new Quality(labeled, accuracy, accuracy, Double.NaN), new int[] {1, 2},
        new int[] {1, 1}, 0, 1, 3, 100);
  }

  static RunRecord run(String strategy, long seed, double... accuracies) {
    List<RoundMetrics> rounds = new java.util.ArrayList<>();
    for (int k = 0; k < accuracies.length - 1; k++) {
      rounds.add(round(k + 1, 10 + 10 * k, accuracies[k]));
    }
    Quality last = new Quality(10 + 10 * (accuracies.length - 1), accuracies[accuracies.length - 1],
        accuracies[accuracies.length - 1], Double.NaN);
    return new RunRecord(new RunKey("d", "balanced", strategy, seed), rounds, last);
  }

  @Test
  void aubcIsTheTrapezoidAreaOverTheLabelSpan() {
    // points (10, 0.5), (20, 0.7), (40, 0.9): areas 10·0.6 + 20·0.8 = 22 over a span of 30
    RunRecord r = new RunRecord(new RunKey("d", "s", "x", 1),
        List.of(round(1, 10, 0.5), round(2, 20, 0.7)), new Quality(40, 0.9, 0.9, Double.NaN));
    assertThat(r.aubc()).isCloseTo(22.0 / 30, within(1e-12));
    assertThat(r.curve()).extracting(Quality::labeled).containsExactly(10, 20, 40);
  }

  @Test
  void aubcOfAFlatCurveIsItsAccuracyAndOfOnePointThatPoint() {
    assertThat(run("x", 1, 0.8, 0.8, 0.8).aubc()).isCloseTo(0.8, within(1e-12));
    assertThat(new RunRecord(new RunKey("d", "s", "x", 1), List.of(), new Quality(10, 0.6, 0.6, Double.NaN)).aubc())
        .isEqualTo(0.6);
  }

  @Test
  void labelsToReachIsTheFirstPointAtOrAboveTheTarget() {
    RunRecord r = run("x", 1, 0.5, 0.85, 0.8, 0.95);
    assertThat(r.labelsToReach(0.85)).isEqualTo(20);
    assertThat(r.labelsToReach(0.9)).isEqualTo(40);
    assertThat(r.labelsToReach(0.99)).isNaN();
  }

  @Test
  void qualityCountsAccuracyBalancedAccuracyAndRareClassAccuracy() {
    int[] truth = {0, 0, 0, 0, 0, 0, 1, 1, 2, 2};
    int[] predicted = {0, 0, 0, 0, 0, 1, 1, 0, 2, 0};
    Quality q = Quality.of(25, predicted, truth, 4, Set.of(1, 2));
    assertThat(q.labeled()).isEqualTo(25);
    assertThat(q.accuracy()).isCloseTo(0.7, within(1e-12));
    // recalls 5/6, 1/2, 1/2 over the three classes present (class 3 has no test item)
    assertThat(q.balancedAccuracy()).isCloseTo((5.0 / 6 + 0.5 + 0.5) / 3, within(1e-12));
    assertThat(q.rareAccuracy()).isCloseTo(0.5, within(1e-12));
    assertThat(Quality.of(25, predicted, truth, 4, Set.of()).rareAccuracy()).isNaN();
  }

  @Test
  void statLeavesNanOutAndUsesTheSampleDeviation() {
    Stat s = Stat.of(1, 2, 3, Double.NaN);
    assertThat(s.n()).isEqualTo(3);
    assertThat(s.mean()).isEqualTo(2);
    assertThat(s.std()).isCloseTo(1, within(1e-12));
    assertThat(s.format(2)).isEqualTo("2.00 ± 1.00");
    assertThat(Stat.of(Double.NaN).format(2)).isEqualTo("—");
  }

  @Test
  void wilcoxonMatchesRsExactTwoSidedPValue() {
    // R: wilcox.test(x, y, paired = TRUE) on Hollander & Wolfe's depression data: V = 40, p-value = 0.03906
    double[] x = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
    double[] y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};
    PairedTest t = PairedTest.of("d", "s", "x", "y", x, y, 0.05);
    assertThat(t.p()).isCloseTo(0.0390625, within(1e-9));
    assertThat(t.pairs()).isEqualTo(9);
    assertThat(t.outcome()).isEqualTo(PairedTest.Outcome.WIN);
    assertThat(PairedTest.of("d", "s", "y", "x", y, x, 0.05).outcome()).isEqualTo(PairedTest.Outcome.LOSS);
    assertThat(PairedTest.of("d", "s", "x", "y", x, y, 0.01).outcome()).isEqualTo(PairedTest.Outcome.TIE);
  }

  @Test
  void zeroDifferencesAreDroppedSoEqualRunsTie() {
    double[] a = {0.8, 0.7, 0.9, 0.6, 0.75, 0.85};
    PairedTest same = PairedTest.of("d", "s", "a", "b", a, a.clone(), 0.05);
    assertThat(same.outcome()).isEqualTo(PairedTest.Outcome.TIE);
    assertThat(same.p()).isEqualTo(1);
    assertThat(same.pairs()).isZero();
    // six strictly better seeds: exact two-sided p = 2 / 2^6
    double[] better = {0.81, 0.72, 0.93, 0.64, 0.8, 0.91};
    assertThat(PairedTest.of("d", "s", "b", "a", better, a, 0.05).p()).isCloseTo(2.0 / 64, within(1e-12));
    // one tie among seven: the six others decide
    double[] withTie = {0.81, 0.72, 0.93, 0.64, 0.8, 0.91, 0.5};
    double[] base = {0.8, 0.7, 0.9, 0.6, 0.75, 0.85, 0.5};
    assertThat(PairedTest.of("d", "s", "b", "a", withTie, base, 0.05).pairs()).isEqualTo(6);
  }

  @Test
  void resultsSummariseCellsAndCountWinsInThePenaltyMatrix() {
    EvalMatrix m = EvalMatrix.parse("""
        datasets: [d]
        scenarios: [balanced]
        strategies: [random, good]
        seeds: 6
        """, "m");
    List<RunRecord> runs = new java.util.ArrayList<>();
    for (long s = 1; s <= 6; s++) {
      runs.add(run("random", s, 0.5, 0.6 + s / 100.0));
      runs.add(run("good", s, 0.5, 0.7 + s / 100.0));
    }
    EvalResults r = new EvalResults(m, runs, Map.of());
    assertThat(r.cells()).hasSize(2);
    CellSummary good = r.cells().get(1);
    assertThat(good.seeds()).isEqualTo(6);
    assertThat(good.finalAccuracy().mean()).isCloseTo(0.735, within(1e-12));
    assertThat(good.curve()).hasSize(2);
    assertThat(good.picksPerClass()).containsExactly(1, 1);
    assertThat(r.penalty()).isDeepEqualTo(new int[][] {{0, 0}, {1, 0}});
    assertThat(SummaryTable.versusRandom(r, good.cell())).isEqualTo("W (p 0.0313)");
  }
}
