package org.alkit.uncertainty;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Set;
import org.alkit.api.Matrix;
import org.alkit.api.Options;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.apiguardian.api.API;

/**
 * {@code egl}: expected gradient length (Settles, Craven and Ray, "Multiple-Instance Active
 * Learning", NIPS 2008; Settles, "Active Learning Literature Survey", 2009, §4.1), the expected
 * norm of the gradient the item's label would add to the last layer. For a softmax output
 * p = softmax(W h) trained with cross-entropy, the gradient with respect to W (C × d, no bias term)
 * for label y is (p − e_y) hᵀ, whose norm is ‖p − e_y‖·‖h‖; taking the expectation over the model's
 * own p,
 *
 * <pre>  EGL(x) = ‖h(x)‖ · Σ_y p_y(x) · ‖p(x) − e_y‖,   ‖p − e_y‖ = sqrt(‖p‖² − 2 p_y + 1)</pre>
 *
 * with p the {@code probabilities} row as given and h the {@code embeddings} row (the penultimate
 * layer), in double precision. Highest first, ties to the lower pool index; large pools are scored
 * in parallel row by row, so the result does not depend on the thread count. No options. Found
 * through {@link java.util.ServiceLoader} under its name; the class itself is not API.
 */
@API(status = INTERNAL, since = "0.2")
public final class EglProvider extends UncertaintyProvider {
  /** The provider, as ServiceLoader creates it. */
  public EglProvider() {
    super("egl", "training-effects",
        "expected gradient length ||h|| sum_y p_y ||p - e_y|| of the last layer (Settles et al. 2008)",
        Set.of(Signal.PROBABILITIES, Signal.EMBEDDINGS));
  }

  @Override
  public Strategy create(Options options) {
    return new ScoredStrategy(name(), options, (ctx, candidates) -> {
      Matrix p = ctx.matrix(Signal.PROBABILITIES);
      Matrix h = ctx.matrix(Signal.EMBEDDINGS);
      return Rows.map(ctx.backend(), candidates, p.cols() + h.cols(), () -> new float[h.cols()],
          (row, i) -> egl(p, h, i, row));
    });
  }

  /** EGL of row {@code i}; {@code row} is scratch for h_i. */
  static double egl(Matrix p, Matrix h, int i, float[] row) {
    double squares = 0;
    for (int c = 0; c < p.cols(); c++) {
      double v = p.get(i, c);
      squares += v * v;
    }
    double expected = 0;
    for (int y = 0; y < p.cols(); y++) {
      double py = p.get(i, y);
      // ‖p − e_y‖² = ‖p‖² − 2 p_y + 1 ≥ (1 − p_y)² ≥ 0 up to rounding
      expected += py * Math.sqrt(Math.max(0, squares - 2 * py + 1));
    }
    return Math.sqrt(squaredNorm(h.copyRow(i, row))) * expected;
  }

  /**
   * ‖v‖² in double, over four interleaved partial sums (entries j ≡ 0, 1, 2, 3 mod 4) added last,
   * so the additions do not wait on each other: the same order on every thread.
   */
  static double squaredNorm(float[] v) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int j = 0;
    for (; j + 3 < v.length; j += 4) {
      s0 += (double) v[j] * v[j];
      s1 += (double) v[j + 1] * v[j + 1];
      s2 += (double) v[j + 2] * v[j + 2];
      s3 += (double) v[j + 3] * v[j + 3];
    }
    for (; j < v.length; j++) {
      s0 += (double) v[j] * v[j];
    }
    return (s0 + s1) + (s2 + s3);
  }
}
