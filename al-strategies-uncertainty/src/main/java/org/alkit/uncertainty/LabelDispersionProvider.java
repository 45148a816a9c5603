package org.alkit.uncertainty;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Arrays;
import java.util.Set;
import org.alkit.api.Matrix;
import org.alkit.api.Options;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.apiguardian.api.API;

/**
 * {@code label-dispersion}: how often the model changed its mind about an item while it trained
 * (Bengar, van de Weijer, Fuentes and Raducanu, "Reducing Label Effort: Self-Supervised meets
 * Active Learning", ICCV workshops 2021; after the forgetting events of Toneva et al., "An
 * Empirical Study of Example Forgetting during Deep Neural Network Learning", ICLR 2019). From the
 * {@code prediction-history} (the predicted class of every pool item after each of the T epochs of
 * the last fit),
 *
 * <pre>  dispersion(x) = 1 − f(x) / T,   f(x) = max_c |{e : ŷ_e(x) = c}|</pre>
 *
 * the fraction of epochs that did not predict x's most frequent class: 0 for an item the model
 * always labelled alike, at most 1 − 1/T. Highest first, ties to the lower pool index; large
 * pools are scored in parallel row by row, so the result does not depend on the thread count. No
 * options. Found through {@link java.util.ServiceLoader} under its name; the class itself is not
 * API.
 */
@API(status = INTERNAL, since = "0.2")
public final class LabelDispersionProvider extends UncertaintyProvider {
  /** Above this class id a row's votes are counted by sorting, not in an array of counts. */
  private static final int MAX_COUNTED_CLASS = 1 << 16;

  /** The provider, as ServiceLoader creates it. */
  public LabelDispersionProvider() {
    super("label-dispersion", "training-effects",
        "1 - (epochs predicting the modal class) / T over the last fit's epochs (Bengar et al. 2021)",
        Set.of(Signal.PREDICTION_HISTORY));
  }

  @Override
  public Strategy create(Options options) {
    return new ScoredStrategy(name(), options, (ctx, candidates) -> {
      Matrix history = ctx.matrix(Signal.PREDICTION_HISTORY);
      return Rows.map(ctx.backend(), candidates, history.cols(), Counts::new,
          (counts, i) -> dispersion(history, i, counts));
    });
  }

  /** A task's votes per class id: all zero between rows, grown to the largest id met. */
  static final class Counts {
    private int[] count = new int[0];

    int[] atLeast(int size) {
      if (count.length < size) {
        count = new int[size];
      }
      return count;
    }
  }

  /** 1 − f / T of row {@code i}, counting its votes in {@code counts} (left all zero). */
  static double dispersion(Matrix history, int i, Counts counts) {
    int epochs = history.cols();
    int largest = 0;
    for (int e = 0; e < epochs; e++) {
      largest = Math.max(largest, (int) history.get(i, e));
    }
    int modal;
    if (largest < MAX_COUNTED_CLASS) {
      int[] count = counts.atLeast(largest + 1);
      modal = 0;
      for (int e = 0; e < epochs; e++) {
        modal = Math.max(modal, ++count[(int) history.get(i, e)]);
      }
      for (int e = 0; e < epochs; e++) {
        count[(int) history.get(i, e)] = 0;
      }
    } else {
      float[] row = history.copyRow(i, new float[epochs]);
      Arrays.sort(row);
      modal = 0;
      for (int from = 0, to; from < epochs; from = to) {
        to = from;
        while (to < epochs && row[to] == row[from]) {
          to++;
        }
        modal = Math.max(modal, to - from);
      }
    }
    return 1 - (double) modal / epochs;
  }
}
