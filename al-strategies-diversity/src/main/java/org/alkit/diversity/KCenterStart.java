package org.alkit.diversity;

import org.alkit.api.ComputeBackend;
import org.alkit.api.Matrix;
import org.alkit.api.Neighbors;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;

/**
 * The starting state shared by {@code coreset} and {@code coreset-doubt}: the unlabeled
 * embeddings are the tracked points {@code [0, n_u)}, the labeled embeddings follow as centres,
 * and each unlabeled item's nearest labeled item comes from {@link
 * org.alkit.api.ComputeBackend#nearest} in blocks (Sener &amp; Savarese 2018, Algorithm 3).
 */
final class KCenterStart {
  private final DenseRows points;
  private final int unlabeledCount;
  private final int labeledCount;
  private final ComputeBackend backend;

  private KCenterStart(DenseRows points, int unlabeledCount, int labeledCount,
      ComputeBackend backend) {
    this.points = points;
    this.unlabeledCount = unlabeledCount;
    this.labeledCount = labeledCount;
    this.backend = backend;
  }

  /** Copies the unlabeled rows, then the labeled rows, of the embeddings. */
  static KCenterStart of(SelectionContext ctx, int[] unlabeled) {
    Matrix embeddings = ctx.matrix(Signal.EMBEDDINGS);
    int[] labeled = ctx.labeled();
    ComputeBackend backend = labeled.length == 0 ? null : ctx.backend();
    return new KCenterStart(DenseRows.concat(embeddings, unlabeled, labeled), unlabeled.length,
        labeled.length, backend);
  }

  /** The embedding rows: unlabeled first, labeled after. */
  DenseRows points() {
    return points;
  }

  /** Whether there are labeled items to start from. */
  boolean hasLabeled() {
    return labeledCount > 0;
  }

  /**
   * The state with every labeled item as a centre. Distances to the nearest labeled item found
   * by the backend are recomputed here in one pass, so all D² share one rounding.
   */
  NearestCentres fromLabeled() {
    int nu = unlabeledCount;
    Neighbors nb = backend.nearest(points.matrix(0, nu), points.matrix(nu, nu + labeledCount));
    int[] centres = new int[labeledCount];
    for (int j = 0; j < labeledCount; j++) {
      centres[j] = nu + j;
    }
    int[] nearest = nb.index();
    double[] d2 = new double[nu];
    for (int x = 0; x < nu; x++) {
      d2[x] = points.squaredDistance(x, nu + nearest[x]);
    }
    return NearestCentres.assigned(points, nu, centres, nearest, d2);
  }

  /** ‖x − mean‖ for every unlabeled x, the mean taken over the unlabeled embeddings. */
  double[] distancesToMean() {
    int nu = unlabeledCount;
    double[] sum = new double[points.dim()];
    for (int x = 0; x < nu; x++) {
      points.addRowTo(x, sum);
    }
    float[] mean = new float[sum.length];
    for (int k = 0; k < sum.length; k++) {
      mean[k] = (float) (sum[k] / nu);
    }
    double[] out = new double[nu];
    for (int x = 0; x < nu; x++) {
      out[x] = Math.sqrt(points.squaredDistanceTo(x, mean, 0));
    }
    return out;
  }

  /** The state with the single centre {@code first} (an unlabeled position). */
  NearestCentres fromFirst(int first) {
    return NearestCentres.startingAt(points, unlabeledCount, first);
  }
}
