package org.alkit.eval.matrix;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.apiguardian.api.API;

/**
 * Every run of a matrix, summarised per cell over the seeds, and the paired comparisons of the
 * strategies in each (data set, scenario): against {@code random} and against each other, which
 * add up to a penalty matrix (as in Ash et al., "Deep Batch Active Learning by Diverse, Uncertain
 * Gradient Lower Bounds", ICLR 2020, here on whole-run AUBC): entry (i, j) counts the (data set,
 * scenario) pairs in which strategy i beat strategy j significantly.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class EvalResults {
  private final EvalMatrix matrix;
  private final List<RunRecord> runs;
  private final Map<RunKey.Cell, CellSummary> cells = new LinkedHashMap<>();
  private final List<PairedTest> tests = new ArrayList<>();
  private final Map<String, List<String>> classNames;

  /**
   * The results of {@code runs} of {@code matrix}, summarised per cell (a report can be made from
   * any runs of a matrix, e.g. read back from its journal).
   *
   * @param classNames each data set's class names, for those loaded while the matrix ran (a data
   *     set whose runs all came from the journal has none: its classes go by number)
   */
  public EvalResults(EvalMatrix matrix, List<RunRecord> runs, Map<String, List<String>> classNames) {
    this.matrix = Objects.requireNonNull(matrix, "matrix");
    this.runs = List.copyOf(runs);
    this.classNames = Map.copyOf(classNames);
    Map<RunKey.Cell, List<RunRecord>> byCell = new LinkedHashMap<>();
    runs.forEach(r -> byCell.computeIfAbsent(r.key().cell(), c -> new ArrayList<>()).add(r));
    byCell.forEach((cell, records) -> cells.put(cell, summarise(cell, records, matrix.targetAccuracy())));
    compare(byCell);
  }

  /** The matrix. */
  public EvalMatrix matrix() {
    return matrix;
  }

  /** Every run, in the matrix's order. */
  public List<RunRecord> runs() {
    return runs;
  }

  /**
   * The name of class {@code c} of {@code dataset}: the data set's own name for it when it was
   * loaded while the matrix ran, else the number.
   */
  public String className(String dataset, int c) {
    List<String> names = classNames.getOrDefault(dataset, List.of());
    return c < names.size() ? names.get(c) : Integer.toString(c);
  }

  /** Every cell, in the matrix's order. */
  public List<CellSummary> cells() {
    return List.copyOf(cells.values());
  }

  /** The strategy labels, in the matrix's order. */
  public List<String> strategies() {
    return matrix.strategies().stream().map(EvalMatrix.StrategySpec::label).toList();
  }

  /**
   * Every paired comparison: for each (data set, scenario), each ordered pair of distinct
   * strategies that both ran there.
   */
  public List<PairedTest> tests() {
    return List.copyOf(tests);
  }

  /**
   * The penalty matrix over {@link #strategies()}: entry (i, j) counts the (data set, scenario)
   * pairs in which strategy i beat strategy j significantly.
   */
  public int[][] penalty() {
    List<String> labels = strategies();
    int[][] wins = new int[labels.size()][labels.size()];
    for (PairedTest t : tests) {
      if (t.outcome() == PairedTest.Outcome.WIN) {
        wins[labels.indexOf(t.strategy())][labels.indexOf(t.other())]++;
      }
    }
    return wins;
  }

  private void compare(Map<RunKey.Cell, List<RunRecord>> byCell) {
    Map<List<String>, Map<String, List<RunRecord>>> groups = new LinkedHashMap<>();
    byCell.forEach((cell, records) -> groups
        .computeIfAbsent(List.of(cell.dataset(), cell.scenario()), g -> new LinkedHashMap<>())
        .put(cell.strategy(), records));
    groups.forEach((group, byStrategy) -> byStrategy.forEach((a, runsA) -> byStrategy.forEach((b, runsB) -> {
      if (!a.equals(b)) {
        tests.add(PairedTest.of(group.get(0), group.get(1), a, b, aubcBySeed(runsA), aubcBySeed(runsB),
            matrix.alpha()));
      }
    })));
  }

  /** AUBC in the matrix's seed order (NaN for a seed without a run). */
  private double[] aubcBySeed(List<RunRecord> records) {
    Map<Long, Double> bySeed = new LinkedHashMap<>();
    records.forEach(r -> bySeed.put(r.key().seed(), r.aubc()));
    return matrix.seeds().stream().mapToDouble(s -> bySeed.getOrDefault(s, Double.NaN)).toArray();
  }

  private static CellSummary summarise(RunKey.Cell cell, List<RunRecord> records, double target) {
    List<RoundMetrics> allRounds = records.stream().flatMap(r -> r.rounds().stream()).toList();
    int points = records.stream().mapToInt(r -> r.curve().size()).max().orElse(0);
    List<CellSummary.CurvePoint> curve = new ArrayList<>();
    for (int k = 0; k < points; k++) {
      int at = k;
      List<Quality> q = records.stream().filter(r -> r.curve().size() > at).map(r -> r.curve().get(at)).toList();
      curve.add(new CellSummary.CurvePoint(q.stream().mapToInt(Quality::labeled).average().orElse(Double.NaN),
          stat(q, Quality::accuracy), stat(q, Quality::balancedAccuracy), stat(q, Quality::rareAccuracy)));
    }
    int classes = allRounds.stream().mapToInt(r -> r.picksPerClass().length).max().orElse(0);
    long[] totals = new long[classes];
    for (RoundMetrics r : allRounds) {
      int[] counts = r.picksPerClass();
      for (int c = 0; c < counts.length; c++) {
        totals[c] += counts[c];
      }
    }
    double[] picks = Arrays.stream(totals).mapToDouble(t -> (double) t / records.size()).toArray();
    double[] toTarget = records.stream().mapToDouble(r -> r.labelsToReach(target)).toArray();
    return new CellSummary(cell, records.size(),
        Stat.of(records.stream().mapToDouble(RunRecord::aubc).toArray()),
        stat(records.stream().map(RunRecord::last).toList(), Quality::accuracy),
        stat(records.stream().map(RunRecord::last).toList(), Quality::balancedAccuracy),
        stat(records.stream().map(RunRecord::last).toList(), Quality::rareAccuracy),
        Stat.of(toTarget), (int) Arrays.stream(toTarget).filter(v -> !Double.isNaN(v)).count(),
        stat(allRounds, RoundMetrics::oodPickFraction),
        stat(allRounds, RoundMetrics::uniquePickFraction),
        stat(allRounds, r -> r.selectMillis()),
        stat(allRounds, r -> r.selectAllocatedBytes() < 0 ? Double.NaN : r.selectAllocatedBytes() / 1048576.0),
        stat(allRounds, r -> r.fitMillis()), stat(records, EvalResults::pseudoPrecision),
        curve, picks);
  }

  /** The share of right pseudo-labels over a run's rounds; NaN for a run that had none. */
  private static double pseudoPrecision(RunRecord run) {
    long used = run.rounds().stream().mapToLong(RoundMetrics::pseudoLabels).sum();
    long wrong = run.rounds().stream().mapToLong(RoundMetrics::pseudoWrong).sum();
    return used == 0 ? Double.NaN : 1 - (double) wrong / used;
  }

  private static <T> Stat stat(List<T> values, ToDoubleFunction<T> f) {
    return Stat.of(values.stream().mapToDouble(f).toArray());
  }
}
