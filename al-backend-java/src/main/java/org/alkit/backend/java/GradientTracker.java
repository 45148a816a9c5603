package org.alkit.backend.java;

import java.util.Arrays;

/**
 * The {@code java} backend's {@link org.alkit.api.CentreTracker} over BADGE's gradient embeddings
 * ({@link FactorisedGradients}), for k-means++ seeding. Each new centre c costs one full pass of
 * {@code O(n·(C + d))} over the row-major signals,
 * <pre>  D²(x) ← min(D²(x), ‖g_x‖²‖h_x‖² + ‖g_c‖²‖h_c‖² − 2 (g_c·g_x)(h_c·h_x)).</pre>
 * Items whose Cauchy–Schwarz bound ({@link FactorisedGradients#squaredDistanceBelow}) shows the
 * new centre cannot come closer are skipped after reading their C gradient values, without
 * reading their d features: with many classes, most items predict another class than the centre,
 * so g_x·g_c is small and the bound decides. Runs of {@link FactorisedGradients#CHUNK} items are
 * tasks on the backend's {@link JavaBackend#parallelFor}; each item's D² is written by one task, so
 * the result does not depend on the thread count.
 */
final class GradientTracker extends Tracker {
  private final FactorisedGradients points;

  GradientTracker(JavaBackend backend, FactorisedGradients points) {
    super(backend, points.size());
    this.points = points;
  }

  private GradientTracker(GradientTracker o) {
    super(o);
    this.points = o.points;
  }

  @Override
  public void add(int c) {
    checkPosition(c);
    isCentre[c] = true;
    float[] gc = points.gradient(c);
    float[] hc = points.features(c);
    double gcNorm2 = points.gradientNorm2(c);
    double hcNorm2 = points.featureNorm2(c);
    int n = dist2.length;
    backend.parallelFor(FactorisedGradients.chunks(n), t -> {
      FactorisedGradients.Cursor cur = points.cursor();
      int to = Math.min(n, (t + 1) * FactorisedGradients.CHUNK);
      for (int x = t * FactorisedGradients.CHUNK; x < to; x++) {
        dist2[x] = Math.min(dist2[x], points.squaredDistanceBelow(x, gc, hc, gcNorm2, hcNorm2, dist2[x], cur));
      }
    });
    dist2[c] = 0;
  }

  @Override
  public double[] squaredNorms() {
    double[] out = new double[dist2.length];
    for (int x = 0; x < out.length; x++) {
      out[x] = points.squaredNorm(x);
    }
    return out;
  }

  @Override
  public GradientTracker copy() {
    return new GradientTracker(this);
  }
}
