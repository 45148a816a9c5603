package org.alkit.uncertainty;

import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;
import org.alkit.api.Matrix;

/**
 * Per-row computations on probability rows, each in exactly one place: the sorted top two, the
 * argmax (first maximum wins), the Shannon entropy (nats, 0·ln 0 = 0) and the Kullback–Leibler
 * divergence. Rows are renormalised to sum to 1 before entropy and divergence, as
 * {@code scipy.stats.entropy} does, so float32 rounding of the sum does not bias the result.
 */
final class Rows {
  /** Below this many matrix cells a scoring pass runs on the calling thread. */
  private static final long PARALLEL_CELLS = 1L << 16;
  /** Rows per parallel task. */
  private static final int CHUNK_ROWS = 4096;

  private Rows() {}

  /**
   * {@code f} applied to every candidate, position by position. Large pools are split into
   * chunks scored in parallel; each value depends on its row alone, so the result does not depend
   * on the thread count.
   *
   * @param cols the row width, to judge the work per row
   */
  static double[] map(int[] candidates, int cols, IntToDoubleFunction f) {
    double[] out = new double[candidates.length];
    if ((long) candidates.length * Math.max(cols, 1) < PARALLEL_CELLS) {
      fill(out, candidates, 0, candidates.length, f);
    } else {
      int chunks = (candidates.length + CHUNK_ROWS - 1) / CHUNK_ROWS;
      IntStream.range(0, chunks).parallel().forEach(c -> fill(out, candidates, c * CHUNK_ROWS,
          Math.min(candidates.length, (c + 1) * CHUNK_ROWS), f));
    }
    return out;
  }

  private static void fill(double[] out, int[] candidates, int from, int to, IntToDoubleFunction f) {
    for (int k = from; k < to; k++) {
      out[k] = f.applyAsDouble(candidates[k]);
    }
  }

  /**
   * The largest and second-largest value of row {@code i}, {@code {p(1), p(2)}}; with a single
   * column {@code p(2) = 0}.
   */
  static double[] top2(Matrix p, int i) {
    double first = Double.NEGATIVE_INFINITY;
    double second = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < p.cols(); j++) {
      double v = p.get(i, j);
      if (v > first) {
        second = first;
        first = v;
      } else if (v > second) {
        second = v;
      }
    }
    return new double[] {first, p.cols() == 1 ? 0 : second};
  }

  /** The column of row {@code i}'s largest value; the first one on ties. */
  static int argmax(Matrix p, int i) {
    int arg = 0;
    for (int j = 1; j < p.cols(); j++) {
      if (p.get(i, j) > p.get(i, arg)) {
        arg = j;
      }
    }
    return arg;
  }

  /**
   * The entropy −Σ q ln q of row {@code i} renormalised to q = p / Σp, in nats, in one pass over
   * the row. The logarithms of the float entries come from {@link FloatLog}, whose relative error
   * (below 10⁻¹¹) carries over to −Σ p ln p because its terms share a sign.
   */
  static double entropy(Matrix p, int i) {
    double sum = 0;
    double plogp = 0;
    for (int j = 0; j < p.cols(); j++) {
      float v = p.get(i, j);
      sum += v;
      if (v > 0) {
        plogp += v * FloatLog.ln(v);
      }
    }
    return normalisedEntropy(sum, plogp);
  }

  /** The entropy −Σ q ln q of {@code v} renormalised to q = v / Σv, in nats. */
  static double entropy(double[] v) {
    double sum = 0;
    double plogp = 0;
    for (double x : v) {
      sum += x;
      plogp += plogp(x);
    }
    return normalisedEntropy(sum, plogp);
  }

  /**
   * KL(p ‖ q) = Σ p ln(p / q) of row {@code i} of {@code p} against {@code q}, both renormalised
   * to sum to 1, in nats; terms with p = 0 are 0. {@code q} must be positive wherever p is.
   */
  static double klDivergence(Matrix p, int i, double[] q) {
    double sumP = 0;
    double sumQ = 0;
    double acc = 0;
    for (int j = 0; j < q.length; j++) {
      double v = p.get(i, j);
      sumP += v;
      sumQ += q[j];
      if (v > 0) {
        acc += v * Math.log(v / q[j]);
      }
    }
    return sumP == 0 ? 0 : acc / sumP - Math.log(sumP) + Math.log(sumQ);
  }

  /** p ln p with 0 ln 0 = 0. */
  private static double plogp(double v) {
    return v > 0 ? v * Math.log(v) : 0;
  }

  /** −Σ (p/s) ln(p/s) = ln s − (Σ p ln p) / s; an all-zero row has entropy 0. */
  private static double normalisedEntropy(double sum, double plogp) {
    return sum > 0 ? Math.log(sum) - plogp / sum : 0;
  }
}
