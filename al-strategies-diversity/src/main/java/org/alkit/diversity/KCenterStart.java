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
 * The unlabeled rows are then stored grouped by nearest labeled item ({@link DenseRows#cluster}):
 * the greedy updates read a group's members together, and contiguous rows stream from memory
 * about twice as fast as scattered ones at this size. Positions and values do not change.
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

  /** Whether there are labeled items to start from. */
  boolean hasLabeled() {
    return labeledCount > 0;
  }

  /** The state with every labeled item as a centre, updated on {@code workers}. */
  NearestCentres fromLabeled(ComputeBackend backend, Workers workers) {
    int nu = unlabeledCount;
    int[] nearest =
        backend.nearest(points.matrix(0, nu), points.matrix(nu, nu + labeledCount)).index();
    int[] centres = new int[labeledCount];
    for (int j = 0; j < labeledCount; j++) {
      centres[j] = nu + j;
    }
    int[] order = byNearest(nearest, labeledCount);
    points.cluster(order);
    double[] squaredDistances = new double[nu];
    for (int x : order) {
      squaredDistances[x] = points.squaredDistance(x, nu + nearest[x]);
    }
    return NearestCentres.assigned(points, nu, centres, nearest, squaredDistances, workers);
  }

  /**
   * The unlabeled positions ordered by their nearest labeled item (stable counting sort), so
   * that the members of one group, which the pruned updates read together, are stored together.
   */
  private static int[] byNearest(int[] nearest, int labeled) {
    int[] start = new int[labeled + 1];
    for (int c : nearest) {
      start[c + 1]++;
    }
    for (int j = 0; j < labeled; j++) {
      start[j + 1] += start[j];
    }
    int[] order = new int[nearest.length];
    for (int x = 0; x < nearest.length; x++) {
      order[start[nearest[x]]++] = x;
    }
    return order;
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

  /** The state with the single centre {@code first} (an unlabeled position), on {@code workers}. */
  NearestCentres fromFirst(int first, Workers workers) {
    return NearestCentres.startingAt(points, unlabeledCount, first, workers);
  }
}
