package org.alkit.diversity;

import java.util.Arrays;

/**
 * D² to the nearest centre over BADGE's gradient embeddings ({@link FactorisedGradients}), for
 * k-means++ seeding. Each new centre c costs one full pass of {@code O(n·(C + d))} over the
 * row-major signals,
 * <pre>  D²(x) ← min(D²(x), ‖g_x‖²‖h_x‖² + ‖g_c‖²‖h_c‖² − 2 (g_c·g_x)(h_c·h_x)).</pre>
 * Items whose Cauchy–Schwarz bound ({@link FactorisedGradients#squaredDistanceBelow}) shows the
 * new centre cannot come closer are skipped after reading their C gradient values, without
 * reading their d features: with many classes, most items predict another class than the centre,
 * so g_x·g_c is small and the bound decides. Runs of {@link FactorisedGradients#CHUNK}
 * items are tasks on the given {@link Workers}; each item's D² is written by one task, so the
 * result does not depend on the thread count.
 */
final class GradientMinDistances implements MinDistances {
  private final FactorisedGradients points;
  private final Workers workers;
  private final double[] dist2;
  private final boolean[] isCentre;

  private GradientMinDistances(FactorisedGradients points, Workers workers) {
    this.points = points;
    this.workers = workers;
    this.dist2 = new double[points.size()];
    this.isCentre = new boolean[points.size()];
    Arrays.fill(dist2, Double.POSITIVE_INFINITY);
  }

  /** The state with the single centre {@code first}. */
  static GradientMinDistances startingAt(FactorisedGradients points, int first, Workers workers) {
    GradientMinDistances state = new GradientMinDistances(points, workers);
    state.add(first);
    return state;
  }

  @Override
  public int tracked() {
    return dist2.length;
  }

  @Override
  public double squaredDistance(int x) {
    return dist2[x];
  }

  @Override
  public boolean isCentre(int x) {
    return isCentre[x];
  }

  @Override
  public void add(int c) {
    isCentre[c] = true;
    float[] gc = points.gradient(c);
    float[] hc = points.features(c);
    double gcNorm2 = points.gradientNorm2(c);
    double hcNorm2 = points.featureNorm2(c);
    int n = dist2.length;
    workers.forEach(FactorisedGradients.chunks(n), t -> {
      FactorisedGradients.Cursor cur = points.cursor();
      int to = Math.min(n, (t + 1) * FactorisedGradients.CHUNK);
      for (int x = t * FactorisedGradients.CHUNK; x < to; x++) {
        dist2[x] = Math.min(dist2[x], points.squaredDistanceBelow(x, gc, hc, gcNorm2, hcNorm2, dist2[x], cur));
      }
    });
    dist2[c] = 0;
  }
}
