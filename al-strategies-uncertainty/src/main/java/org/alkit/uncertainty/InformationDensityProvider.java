package org.alkit.uncertainty;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Set;
import org.alkit.api.Matrix;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.apiguardian.api.API;

/**
 * {@code information-density}: uncertainty weighted by representativeness (Settles &amp; Craven,
 * "An analysis of active learning strategies for sequence labeling tasks", EMNLP 2008, eq. 5),
 *
 * <pre>  score(x) = φ(x) · max(0, (1/|U|) Σ_{u ∈ U} cos(e_x, e_u))^β</pre>
 *
 * highest first, ties to the lower pool index. φ is the uncertainty measure {@code base}
 * (default {@code entropy}; {@code margin}, {@code least-confidence} or {@code ratio}), e the
 * embeddings, U the unlabeled items (x among them), β = {@code beta} (default 1). The mean
 * similarity is x̂ · m̄ with x̂ = e_x / ‖e_x‖ and m̄ the mean of the unit vectors û, so it costs
 * {@code O(|U|·d)}, not a pair matrix; a zero embedding has similarity 0 with everything. A
 * negative mean similarity (an item pointing away from the pool) counts as 0, so that every
 * β gives a real score. Requires {@code probabilities} and {@code embeddings}. Found through
 * {@link java.util.ServiceLoader} under its name; the class itself is not API.
 */
@API(status = INTERNAL, since = "0.3")
public final class InformationDensityProvider extends UncertaintyProvider {
  /** The largest β accepted. */
  static final double MAX_BETA = 100;

  /** The provider, as ServiceLoader creates it. */
  public InformationDensityProvider() {
    super("information-density", "uncertainty x (mean cosine similarity to the unlabeled pool)^beta (Settles & Craven 2008)",
        Set.of(Signal.PROBABILITIES, Signal.EMBEDDINGS));
  }

  /** {@code base} and {@code beta}. */
  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.choice("base", Measure.ENTROPY.key(), "uncertainty measure phi", Measure.keys()),
        Parameter.real("beta", 1, "exponent of the density").atLeast(0).atMost(MAX_BETA));
  }

  @Override
  public Strategy create(Options options) {
    Measure base = Measure.byKey("base", options.getString("base"));
    double beta = options.getDouble("beta");
    Scorer uncertainty = base.scorer();
    return new ScoredStrategy(name(), options, (ctx, candidates) -> {
      double[] scores = uncertainty.score(ctx, candidates);
      double[] density = density(ctx, candidates);
      for (int i = 0; i < scores.length; i++) {
        scores[i] *= Math.pow(density[i], beta);
      }
      return scores;
    }, false); // the density is a mean over every candidate: a part of the pool would score differently
  }

  /**
   * max(0, x̂ · m̄) of each candidate, m̄ the mean unit embedding over the candidates. Two passes
   * over the rows on the backend's workers, in chunks of {@value Rows#CHUNK_ROWS} candidates: the
   * first keeps each row's 1/‖e‖ and sums its chunk's unit rows in double, the chunks' sums are
   * then added in chunk order (so m̄ does not depend on the thread count); the second
   * ({@link Rows#map}) takes the dot products. A one-shot process spends most of this in the JIT's
   * warm-up, which two workers share (cold {@code alkit select} on 50 000 × 128: see
   * docs/benchmarks.md).
   */
  private static double[] density(SelectionContext ctx, int[] candidates) {
    Matrix e = ctx.matrix(Signal.EMBEDDINGS);
    int d = e.cols();
    int n = candidates.length;
    int chunks = (n + Rows.CHUNK_ROWS - 1) / Rows.CHUNK_ROWS;
    double[] inverseNorm = new double[e.rows()]; // by pool index, 0 for a zero row
    double[][] sums = new double[chunks][d];
    ctx.backend().parallelFor(chunks, c -> {
      float[] row = new float[d];
      for (int k = c * Rows.CHUNK_ROWS, end = Math.min(n, (c + 1) * Rows.CHUNK_ROWS); k < end; k++) {
        e.copyRow(candidates[k], row);
        double norm = norm(row);
        if (norm > 0) {
          inverseNorm[candidates[k]] = 1 / norm;
          addScaled(sums[c], row, 1 / norm);
        }
      }
    });
    double[] mean = new double[d];
    for (double[] sum : sums) {
      for (int j = 0; j < d; j++) {
        mean[j] += sum[j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    return Rows.map(ctx.backend(), candidates, d, () -> new float[d],
        (row, x) -> Math.max(0, dot(e.copyRow(x, row), mean) * inverseNorm[x]));
  }

  /** {@code sum += scale · row}, element by element. */
  private static void addScaled(double[] sum, float[] row, double scale) {
    for (int j = 0; j < row.length; j++) {
      sum[j] += row[j] * scale;
    }
  }

  private static double dot(float[] row, double[] v) {
    double dot = 0;
    for (int j = 0; j < row.length; j++) {
      dot += row[j] * v[j];
    }
    return dot;
  }

  private static double norm(float[] row) {
    double sum = 0;
    for (float v : row) {
      sum += (double) v * v;
    }
    return Math.sqrt(sum);
  }
}
