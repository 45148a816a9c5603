package org.alkit.eval.matrix;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One finished run of a matrix, as the journal stores it.
 *
 * @param key the run
 * @param rounds every round, in order
 * @param last the model fitted after the last round's labels arrived
 * @param model the model whose accuracy was measured, with its options, e.g. {@code mlp {hidden=128}}
 *     (empty in a journal written before it was recorded)
 * @param selectionModel the model whose signals the strategy read when it was not {@code model}
 *     (selection via proxy), with its options; empty otherwise
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RunRecord(RunKey key, List<RoundMetrics> rounds, Quality last, String model, String selectionModel) {
  /** Copies the list. */
  public RunRecord {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(last, "last");
    rounds = List.copyOf(rounds);
    model = model == null ? "" : model;
    selectionModel = selectionModel == null ? "" : selectionModel;
  }

  /** A run whose models are not recorded. */
  public RunRecord(RunKey key, List<RoundMetrics> rounds, Quality last) {
    this(key, rounds, last, "", "");
  }

  /** The learning curve: each round's model, then the last one. */
  public List<Quality> curve() {
    List<Quality> out = new ArrayList<>();
    rounds.forEach(r -> out.add(r.quality()));
    out.add(last);
    return out;
  }

  /**
   * The normalised area under the budget curve (AUBC; Zhan et al., "A Comparative Survey of Deep
   * Active Learning", 2022): the trapezoid area under accuracy over labeled items, divided by the
   * span of labeled items — the mean accuracy over the budget, in [0, 1]. A one-point curve gives
   * its accuracy.
   */
  public double aubc() {
    List<Quality> curve = curve();
    Quality first = curve.get(0);
    Quality end = curve.get(curve.size() - 1);
    if (end.labeled() == first.labeled()) {
      return end.accuracy();
    }
    double area = 0;
    for (int k = 1; k < curve.size(); k++) {
      Quality a = curve.get(k - 1);
      Quality b = curve.get(k);
      area += (b.labeled() - a.labeled()) * (a.accuracy() + b.accuracy()) / 2;
    }
    return area / (end.labeled() - first.labeled());
  }

  /** The fewest labeled items at which the curve reaches {@code target} accuracy; NaN if it never does. */
  public double labelsToReach(double target) {
    for (Quality q : curve()) {
      if (q.accuracy() >= target) {
        return q.labeled();
      }
    }
    return Double.NaN;
  }

  /** This run without timing and memory figures, to compare runs for identical results. */
  public RunRecord withoutTiming() {
    return new RunRecord(key, rounds.stream().map(RoundMetrics::withoutTiming).toList(), last, model,
        selectionModel);
  }
}
