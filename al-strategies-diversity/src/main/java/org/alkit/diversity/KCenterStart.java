package org.alkit.diversity;

import org.alkit.api.ComputeBackend;
import org.alkit.api.Matrix;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;

/**
 * The starting state shared by {@code coreset} and {@code coreset-doubt}: the unlabeled
 * embeddings are the tracked points {@code [0, n_u)}, the labeled embeddings follow as centres,
 * and each unlabeled item's nearest labeled item is found by the compute backend's blocked
 * {@link ComputeBackend#nearest} (Sener &amp; Savarese 2018, Algorithm 3); its distance is then
 * recomputed with {@link DenseRows#squaredDistance}, the measure the incremental updates use.
 */
final class KCenterStart {
  private final DenseRows points;
  private final int unlabeledCount;
  private final int labeledCount;

  private KCenterStart(DenseRows points, int unlabeledCount, int labeledCount) {
    this.points = points;
    this.unlabeledCount = unlabeledCount;
    this.labeledCount = labeledCount;
  }

  /** Copies the unlabeled rows, then the labeled rows, of the embeddings. */
  static KCenterStart of(SelectionContext ctx, int[] unlabeled) {
    Matrix embeddings = ctx.matrix(Signal.EMBEDDINGS);
    int[] labeled = ctx.labeled();
    return new KCenterStart(DenseRows.concat(embeddings, unlabeled, labeled), unlabeled.length,
        labeled.length);
  }

  /** The embedding rows: unlabeled first, labeled after. */
  DenseRows points() {
    return points;
  }

  /** Whether there are labeled items to start from. */
  boolean hasLabeled() {
    return labeledCount > 0;
  }

  /** The state with every labeled item as a centre. */
  NearestCentres fromLabeled(ComputeBackend backend) {
    int nu = unlabeledCount;
    int[] nearest = backend.nearest(points.matrix(0, nu), points.matrix(nu, nu + labeledCount)).index();
    int[] centres = new int[labeledCount];
    for (int j = 0; j < labeledCount; j++) {
      centres[j] = nu + j;
    }
    double[] squaredDistances = new double[nu];
    for (int x = 0; x < nu; x++) {
      squaredDistances[x] = points.squaredDistance(x, nu + nearest[x]);
    }
    return NearestCentres.assigned(points, nu, centres, nearest, squaredDistances);
  }

  /** ‖x − mean‖ for every unlabeled x, the mean taken over the unlabeled embeddings. */
  double[] distancesToMean() {
    int nu = unlabeledCount;
    float[] mean = points.mean(0, nu);
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
