package org.alkit.bayesian;

import java.util.Arrays;
import java.util.List;
import org.alkit.api.ComputeBackend;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;

/**
 * The {@code T} stochastic forward passes of {@link Signal#MC_PROBABILITIES}, each an
 * {@code n × C} matrix, and the per-item statistics computed from them. Every pass's row is read
 * renormalised, {@code q_t = p_t / Σ_c p_t,c}, so the float rounding of a row's sum (the context
 * accepts sums within 10⁻³ of 1) biases no entropy and the joint distributions of BatchBALD are
 * consistent with the single-item ones.
 */
final class McSamples {
  /**
   * Candidates per task of {@link #bald(int[], double[], double[], ComputeBackend)}: fixed, so the
   * split never depends on the thread count; small enough that two workers share 50 000 items
   * evenly (49 chunks).
   */
  static final int CHUNK = 1_024;

  private final Matrix[] passes;
  private final int classes;

  private McSamples(List<Matrix> passes) {
    this.passes = passes.toArray(Matrix[]::new);
    this.classes = this.passes[0].cols();
  }

  /** The context's Monte-Carlo passes, validated by the context on first access. */
  static McSamples of(SelectionContext ctx) {
    return new McSamples(ctx.stack(Signal.MC_PROBABILITIES));
  }

  /**
   * The context's passes of {@code signal}: Monte-Carlo passes, or a committee's members, of which
   * there must be at least two.
   *
   * @param strategy the reading strategy's name, for the message
   * @throws InvalidInputException for a committee of one member
   */
  static McSamples of(SelectionContext ctx, Signal signal, String strategy) {
    List<Matrix> passes = ctx.stack(signal);
    if (signal == Signal.COMMITTEE_PROBABILITIES && passes.size() < 2) {
      throw new InvalidInputException("strategy '" + strategy + "': " + signal.key() + " holds "
          + passes.size() + " member; expected a committee of at least 2 (one member always agrees with itself)");
    }
    return new McSamples(passes);
  }

  /** The passes themselves, for tests and benchmarks. */
  static McSamples of(List<Matrix> passes) {
    return new McSamples(passes);
  }

  /** T, the number of stochastic passes. */
  int passes() {
    return passes.length;
  }

  /** C, the number of classes. */
  int classes() {
    return classes;
  }

  /** Copies q_t(· | x_i), the renormalised row of item {@code i} in pass {@code t}, into {@code dst}. */
  void normalisedRow(int t, int i, float[] dst, int offset) {
    Matrix p = passes[t];
    double sum = 0;
    for (int c = 0; c < classes; c++) {
      sum += p.get(i, c);
    }
    for (int c = 0; c < classes; c++) {
      dst[offset + c] = (float) (p.get(i, c) / sum);
    }
  }

  /**
   * BALD's two terms for every candidate (Houlsby et al. 2011, "Bayesian Active Learning for
   * Classification and Preference Learning"; Gal, Islam and Ghahramani 2017):
   *
   * <pre>  expectedEntropy(x) = (1/T) Σ_t H[q_t(·|x)]
   *  bald(x) = H[(1/T) Σ_t q_t(·|x)] − expectedEntropy(x)     (nats)</pre>
   *
   * the mutual information between the label and the model parameters, ≥ 0 by Jensen's inequality
   * (up to rounding, about 10⁻¹²) and 0 when every pass agrees. The candidates are scored in
   * chunks of {@value #CHUNK} on the backend's workers, {@value BaldKernel#LANES} items at a time
   * by {@link BaldKernel}; each item's terms are computed alone, by the same operations with or
   * without the Vector API, so the result is the same on any number of threads.
   *
   * @param bald receives one score per candidate, position by position
   * @param expectedEntropy receives one mean per-pass entropy per candidate
   */
  void bald(int[] candidates, double[] bald, double[] expectedEntropy, ComputeBackend backend) {
    int chunks = (candidates.length + CHUNK - 1) / CHUNK;
    backend.parallelFor(chunks, t -> bald(candidates, t * CHUNK, Math.min(candidates.length, (t + 1) * CHUNK),
        bald, expectedEntropy));
  }

  /** {@link #bald(int[], double[], double[], ComputeBackend)} of the candidates at positions {@code [from, to)}. */
  void bald(int[] candidates, int from, int to, double[] bald, double[] expectedEntropy) {
    BaldKernel kernel = BaldKernel.create(passes.length, classes);
    kernel.score(passes, candidates, from, to, bald, expectedEntropy);
    BaldKernel.scored(kernel, to - from);
  }

  /**
   * The variation ratio of item {@code i} (Freeman 1965; Gal, Islam and Ghahramani 2017):
   * {@code 1 − f_m / T}, with {@code f_m} the number of passes whose predicted class (the first
   * maximum of the row) is the modal one. 0 when every pass predicts the same class.
   *
   * @param counts scratch of {@code C} entries
   */
  double variationRatio(int i, int[] counts) {
    Arrays.fill(counts, 0);
    int mode = 0;
    for (Matrix p : passes) {
      int best = 0;
      for (int c = 1; c < classes; c++) {
        if (p.get(i, c) > p.get(i, best)) {
          best = c;
        }
      }
      mode = Math.max(mode, ++counts[best]);
    }
    return 1 - (double) mode / passes.length;
  }

  /**
   * The mean standard deviation of item {@code i} (Kampffmeyer, Salberg and Jenssen 2016):
   * {@code (1/C) Σ_c σ_c}, with {@code σ_c = sqrt((1/T) Σ_t (q_t,c − q̄_c)²)} the population
   * standard deviation over the passes of the renormalised class-c probability.
   *
   * @param scratch {@code T · C} entries for the renormalised rows
   * @param mean scratch of {@code C} entries
   */
  double meanStd(int i, float[] scratch, double[] mean) {
    Arrays.fill(mean, 0);
    for (int t = 0; t < passes.length; t++) {
      normalisedRow(t, i, scratch, t * classes);
      for (int c = 0; c < classes; c++) {
        mean[c] += scratch[t * classes + c];
      }
    }
    double stds = 0;
    for (int c = 0; c < classes; c++) {
      double m = mean[c] / passes.length;
      double squares = 0;
      for (int t = 0; t < passes.length; t++) {
        double d = scratch[t * classes + c] - m;
        squares += d * d;
      }
      stds += Math.sqrt(squares / passes.length);
    }
    return stds / classes;
  }
}
