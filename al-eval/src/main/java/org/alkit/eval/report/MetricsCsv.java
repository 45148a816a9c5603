package org.alkit.eval.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.alkit.eval.matrix.EvalResults;
import org.alkit.eval.matrix.Quality;
import org.alkit.eval.matrix.RoundMetrics;
import org.alkit.eval.matrix.RunKey;
import org.alkit.eval.matrix.RunRecord;

/**
 * {@code metrics.csv}: every number of every run, one row per learning-curve point (round 1 … R,
 * then {@code final}), with the run's AUBC, labels to the target and final accuracy on each of its
 * rows, then the round's selection fit time and the run's models. Picks per class are
 * {@code ;}-separated; values without meaning are empty. A round's {@code fit_ms} times the fit of
 * its model, {@code selection_fit_ms} the fit whose signals the strategy read (a selection
 * model's, else the model's); {@code pseudo_labels} and {@code pseudo_precision} count the CEAL
 * pseudo-labels the round's fit trained on and the share of them that were right (empty without
 * any).
 */
final class MetricsCsv {
  static final List<String> HEADER = List.of("dataset", "scenario", "strategy", "seed", "round", "labeled",
      "accuracy", "balanced_accuracy", "rare_accuracy", "ood_pick_fraction", "unique_pick_fraction", "select_ms",
      "select_allocated_bytes", "fit_ms", "pseudo_labels", "pseudo_precision", "picks_per_class", "run_aubc",
      "run_labels_to_target", "run_final_accuracy", "selection_fit_ms", "model", "selection_model");

  private MetricsCsv() {}

  static String csv(EvalResults results) {
    StringBuilder out = new StringBuilder(String.join(",", HEADER)).append('\n');
    double target = results.matrix().targetAccuracy();
    for (RunRecord run : results.runs()) {
      RunKey k = run.key();
      String prefix = String.join(",", quote(k.dataset()), quote(k.scenario()), quote(k.strategy()),
          Long.toString(k.seed()));
      String suffix = String.join(",", number(run.aubc()), number(run.labelsToReach(target)),
          number(run.last().accuracy()));
      String models = String.join(",", quote(run.model()), quote(run.selectionModel()));
      for (RoundMetrics r : run.rounds()) {
        out.append(String.join(",", prefix, Integer.toString(r.round()), quality(r.quality()),
            number(r.oodPickFraction()), number(r.uniquePickFraction()), Long.toString(r.selectMillis()),
            r.selectAllocatedBytes() < 0 ? "" : Long.toString(r.selectAllocatedBytes()),
            Long.toString(r.fitMillis()), Integer.toString(r.pseudoLabels()),
            number(r.pseudoLabels() == 0 ? Double.NaN : 1 - (double) r.pseudoWrong() / r.pseudoLabels()),
            Arrays.stream(r.picksPerClass()).mapToObj(Integer::toString).collect(Collectors.joining(";")), suffix,
            Long.toString(r.selectionFitMillis()), models)).append('\n');
      }
      out.append(String.join(",", prefix, "final", quality(run.last()), "", "", "", "", "", "", "", "", suffix, "",
          models)).append('\n');
    }
    return out.toString();
  }

  private static String quality(Quality q) {
    return String.join(",", Integer.toString(q.labeled()), number(q.accuracy()), number(q.balancedAccuracy()),
        number(q.rareAccuracy()));
  }

  static String number(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
  }

  /** RFC 4180: a field with a comma, quote or line break goes in quotes, its quotes doubled. */
  static String quote(String field) {
    return field.contains(",") || field.contains("\"") || field.contains("\n")
        ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
  }
}
