package org.alkit.commons;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.alkit.api.CentreTracker;
import org.alkit.api.ComputeBackend;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.apiguardian.api.API;

/**
 * A {@link CentreTracker} over BADGE's last-layer gradient embeddings (Ash et al., "Deep Batch
 * Active Learning by Diverse, Uncertain Gradient Lower Bounds", ICLR 2020), for k-means++ seeding,
 * never materialised: tracked point x is row {@code points[x]} of both signals, with
 * g_x = p_x − onehot(argmax p_x) (first maximum) and h_x its features ({@link FactorisedGradients}).
 * Each new centre c costs one full pass of {@code O(n·(C + d))} over the row-major signals,
 * <pre>  D²(x) ← min(D²(x), ‖g_x‖²‖h_x‖² + ‖g_c‖²‖h_c‖² − 2 (g_c·g_x)(h_c·h_x)),</pre>
 * clamped at 0; memory is {@code O(n)} beyond the signals. It starts with no centre (D² = +∞);
 * {@link #squaredNorms()} gives ‖g_x⊗h_x‖² for choosing the first.
 *
 * <p>Items whose Cauchy–Schwarz bound ({@link FactorisedGradients#squaredDistanceBelow}) shows the
 * new centre cannot come closer are skipped after reading their C gradient values, without
 * reading their d features: with many classes, most items predict another class than the centre,
 * so g_x·g_c is small and the bound decides. Runs of {@link FactorisedGradients#CHUNK} items are
 * tasks on the backend's {@link ComputeBackend#parallelFor}; each item's D² is written by one
 * task, so the result does not depend on the backend or its thread count.
 *
 * <p>Not a backend primitive: one update a pick is small, and a device call a pick loses to this
 * pruned pass, so every backend would run the same Java code; BADGE builds it on whatever backend
 * its context holds.
 */
@API(status = INTERNAL, since = "0.2")
public final class GradientCentreTracker extends AbstractCentreTracker {
  private final FactorisedGradients points;

  private GradientCentreTracker(ComputeBackend backend, FactorisedGradients points) {
    super(backend, points.size());
    this.points = points;
  }

  private GradientCentreTracker(GradientCentreTracker o) {
    super(o);
    this.points = o.points;
  }

  /**
   * The tracker over rows {@code points} of {@code probabilities} (n × C) and {@code features}
   * (n × d), whose setup pass (argmax, ‖g‖², ‖h‖²) and updates run on {@code backend}'s workers.
   *
   * @throws InvalidInputException if the row counts differ or an index is out of range
   */
  public static GradientCentreTracker of(ComputeBackend backend, Matrix probabilities, Matrix features,
      int[] points) {
    if (probabilities.rows() != features.rows()) {
      throw new InvalidInputException("probabilities have " + probabilities.rows()
          + " rows but features have " + features.rows() + "; expected one row per item in both");
    }
    checkRows("points", points, probabilities.rows());
    return new GradientCentreTracker(backend, FactorisedGradients.of(probabilities, features, points, backend));
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
  public GradientCentreTracker copy() {
    return new GradientCentreTracker(this);
  }
}
