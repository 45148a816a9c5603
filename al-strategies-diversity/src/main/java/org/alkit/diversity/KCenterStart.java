package org.alkit.diversity;

import org.alkit.api.CentreTracker;
import org.alkit.api.ComputeBackend;
import org.alkit.api.Matrix;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;

/**
 * The starting state shared by {@code coreset} and {@code coreset-doubt}: the unlabeled
 * embeddings are the tracked points, in ascending pool order, and the labeled embeddings the
 * initial centres of the backend's {@link ComputeBackend#centreTracker} (Sener &amp; Savarese
 * 2018, Algorithm 3: each unlabeled item's nearest labeled item, found in blocks). With no labeled
 * item the first centre is the unlabeled item farthest from the unlabeled mean.
 */
final class KCenterStart {
  private KCenterStart() {}

  /** The tracker over the unlabeled embeddings with every labeled item as a centre. */
  static CentreTracker fromLabeled(SelectionContext ctx, int[] unlabeled) {
    return ctx.backend().centreTracker(ctx.matrix(Signal.EMBEDDINGS), unlabeled, ctx.labeled());
  }

  /**
   * ‖x − mean‖ for every unlabeled x, the mean taken over the unlabeled embeddings (summed in
   * double, in pool order), the distances by the backend.
   */
  static double[] distancesToMean(SelectionContext ctx, int[] unlabeled) {
    Matrix embeddings = ctx.matrix(Signal.EMBEDDINGS);
    int d = embeddings.cols();
    double[] sum = new double[d];
    float[] row = new float[d];
    for (int x : unlabeled) {
      embeddings.copyRow(x, row);
      for (int k = 0; k < d; k++) {
        sum[k] += row[k];
      }
    }
    float[] mean = new float[d];
    for (int k = 0; k < d; k++) {
      mean[k] = (float) (sum[k] / unlabeled.length);
    }
    float[] squared = ctx.backend()
        .nearest(embeddings.select(unlabeled), Matrix.wrap(1, d, mean)).squaredDistance();
    double[] out = new double[unlabeled.length];
    for (int x = 0; x < out.length; x++) {
      out[x] = Math.sqrt(squared[x]);
    }
    return out;
  }
}
