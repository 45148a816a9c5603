package org.alkit.uncertainty;

import java.util.Arrays;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.Signal;
import org.alkit.commons.Probabilities;

/**
 * The single-model uncertainty measures over a probability row p, with p(1) ≥ p(2) its two
 * largest values. Each has an uncertainty (higher = more worth labeling, 0 on a one-hot row,
 * largest on the uniform row) and a certainty in [0, 1] for alamp's relative change.
 */
enum Measure {
  /** Uncertainty 1 − p(1); certainty p(1). */
  LEAST_CONFIDENCE("least-confidence") {
    @Override
    double certainty(Matrix p, int i) {
      return Probabilities.top2(p, i)[0];
    }
  },
  /** Uncertainty 1 − (p(1) − p(2)); certainty the margin p(1) − p(2). */
  MARGIN("margin") {
    @Override
    double certainty(Matrix p, int i) {
      double[] top = Probabilities.top2(p, i);
      return top[0] - top[1];
    }
  },
  /** Uncertainty p(2) / p(1); certainty 1 − p(2) / p(1). */
  RATIO("ratio") {
    @Override
    double certainty(Matrix p, int i) {
      double[] top = Probabilities.top2(p, i);
      return top[0] > 0 ? 1 - top[1] / top[0] : 0;
    }
  },
  /** Uncertainty H(p) = −Σ p ln p (nats); certainty 1 − H(p) / ln C (1 when C = 1). */
  ENTROPY("entropy") {
    @Override
    double uncertainty(Matrix p, int i) {
      return Probabilities.entropy(p, i);
    }

    @Override
    double certainty(Matrix p, int i) {
      // clamped: rounding may put H a hair above ln C
      return p.cols() > 1 ? Math.max(0, 1 - Probabilities.entropy(p, i) / Math.log(p.cols())) : 1;
    }
  };

  private final String key;

  Measure(String key) {
    this.key = key;
  }

  /** The name used as strategy name and option value, e.g. {@code least-confidence}. */
  String key() {
    return key;
  }

  /** How confident the model is about row {@code i}, in [0, 1]. */
  abstract double certainty(Matrix p, int i);

  /** How uncertain the model is about row {@code i}: 1 − certainty unless a measure says otherwise. */
  double uncertainty(Matrix p, int i) {
    return 1 - certainty(p, i);
  }

  /** Scores candidates by their uncertainty under {@link Signal#PROBABILITIES}. */
  Scorer scorer() {
    return (ctx, candidates) -> {
      Matrix p = ctx.matrix(Signal.PROBABILITIES);
      return Rows.map(ctx.backend(), candidates, p.cols(), i -> uncertainty(p, i));
    };
  }

  /** Every measure's key, in declaration order. */
  static String[] keys() {
    return Arrays.stream(values()).map(Measure::key).toArray(String[]::new);
  }

  /**
   * The measure named {@code value}.
   *
   * @param option the option that carried it, for the message
   * @throws InvalidInputException naming the option, the value and the known measures
   */
  static Measure byKey(String option, String value) {
    for (Measure m : values()) {
      if (m.key.equals(value)) {
        return m;
      }
    }
    throw new InvalidInputException("option '" + option + "' = '" + value + "': expected one of "
        + String.join(", ", keys()));
  }
}
