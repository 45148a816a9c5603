package org.alkit.eval.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alkit.eval.matrix.EvalMatrix;
import org.alkit.eval.matrix.EvalResults;
import org.alkit.eval.matrix.Quality;
import org.alkit.eval.matrix.RoundMetrics;
import org.alkit.eval.matrix.RunKey;
import org.alkit.eval.matrix.RunRecord;

/** Results of a matrix whose every run has a chosen AUBC: a flat curve at that accuracy. */
final class Synthetic {
  /** The AUBC of each seed of a strategy in a scenario. */
  interface Aubc {
    double[] of(String scenario, String strategy);
  }

  private Synthetic() {}

  static EvalResults results(String matrixYaml, Aubc aubc) {
    EvalMatrix m = EvalMatrix.parse(matrixYaml, "synthetic");
    List<RunRecord> runs = new ArrayList<>();
    for (EvalMatrix.Run run : m.runs()) {
      RunKey key = run.key();
      double v = aubc.of(key.scenario(), key.strategy())[m.seeds().indexOf(key.seed())];
      runs.add(new RunRecord(key, List.of(new RoundMetrics(1, new Quality(20, v, v, Double.NaN), new int[] {0},
          new int[] {1, 0}, 0, 1, 3, 1000, 0, 40, 0, 0)), new Quality(30, v, v, Double.NaN)));
    }
    return new EvalResults(m, runs, Map.of());
  }
}
