package org.alkit.commons;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.alkit.api.Matrix;
import org.apiguardian.api.API;

/**
 * Per-row summaries of class-probability rows, each in exactly one place: the argmax (first
 * maximum, as numpy and torch), the top two values, the Shannon entropy and the Kullback–Leibler
 * divergence, all in nats.
 *
 * <p><b>Zeros and rounding.</b> Entropy and divergence renormalise their rows to sum to 1 first,
 * as {@code scipy.stats.entropy} does, so float32 rounding of a row's sum does not bias them; an
 * all-zero row has entropy 0 and divergence 0. A term with p_c = 0 is 0 (the limit of p ln p).
 * In the divergence, a q_c below {@value #MIN_PROBABILITY} (after renormalising) counts as
 * {@value #MIN_PROBABILITY}, so a zero where p is positive gives a large finite value instead
 * of +∞.
 */
@API(status = INTERNAL, since = "0.1")
public final class Probabilities {
  /** The floor of a renormalised q_c in {@link #klDivergence}. */
  public static final double MIN_PROBABILITY = 1e-12;

  private Probabilities() {}

  /** The first column holding the row's largest value (first max wins). */
  public static int argmax(Matrix p, int row) {
    int best = 0;
    for (int c = 1; c < p.cols(); c++) {
      if (p.get(row, c) > p.get(row, best)) {
        best = c;
      }
    }
    return best;
  }

  /**
   * The largest and second-largest value of the row, {@code {p(1), p(2)}}; with a single column
   * {@code p(2) = 0}.
   */
  public static double[] top2(Matrix p, int row) {
    double first = Double.NEGATIVE_INFINITY;
    double second = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < p.cols(); c++) {
      double v = p.get(row, c);
      if (v > first) {
        second = first;
        first = v;
      } else if (v > second) {
        second = v;
      }
    }
    return new double[] {first, p.cols() == 1 ? 0 : second};
  }

  /**
   * The entropy −Σ q ln q of the row renormalised to q = p / Σp, in one pass. The logarithms of
   * the float entries come from {@link FloatLog}, whose relative error (below 10⁻¹¹) carries over
   * to −Σ p ln p because its terms share a sign.
   */
  public static double entropy(Matrix p, int row) {
    double sum = 0;
    double plogp = 0;
    for (int c = 0; c < p.cols(); c++) {
      float v = p.get(row, c);
      sum += v;
      if (v > 0) {
        plogp += v * FloatLog.ln(v);
      }
    }
    return normalisedEntropy(sum, plogp);
  }

  /** The entropy −Σ q ln q of {@code v} renormalised to q = v / Σv. */
  public static double entropy(double[] v) {
    double sum = 0;
    double plogp = 0;
    for (double x : v) {
      sum += x;
      if (x > 0) {
        plogp += x * Math.log(x);
      }
    }
    return normalisedEntropy(sum, plogp);
  }

  /**
   * KL(p̂ ‖ q̂) = Σ_c p̂_c ln(p̂_c / max(q̂_c, {@value #MIN_PROBABILITY})) of the row of {@code p}
   * against {@code q}, both renormalised (p̂ = p / Σp, q̂ = q / Σq); terms with p_c = 0 are 0. With
   * P = Σp and Q = Σq it is computed as (Σ p_c ln(p_c / max(q_c, ε·Q))) / P − ln P + ln Q.
   *
   * @param q one value per column of {@code p}
   */
  public static double klDivergence(Matrix p, int row, double[] q) {
    double sumP = 0;
    double sumQ = 0;
    for (int c = 0; c < q.length; c++) {
      sumP += p.get(row, c);
      sumQ += q[c];
    }
    if (sumP == 0) {
      return 0;
    }
    double floor = MIN_PROBABILITY * sumQ;
    double acc = 0;
    for (int c = 0; c < q.length; c++) {
      double v = p.get(row, c);
      if (v > 0) {
        acc += v * Math.log(v / Math.max(q[c], floor));
      }
    }
    return acc / sumP - Math.log(sumP) + Math.log(sumQ);
  }

  /** −Σ (p/s) ln(p/s) = ln s − (Σ p ln p) / s; an all-zero row has entropy 0. */
  private static double normalisedEntropy(double sum, double plogp) {
    return sum > 0 ? Math.log(sum) - plogp / sum : 0;
  }
}
