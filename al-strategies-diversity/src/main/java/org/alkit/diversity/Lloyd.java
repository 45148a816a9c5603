package org.alkit.diversity;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.alkit.api.CentreTracker;
import org.alkit.api.ComputeBackend;
import org.alkit.api.Matrix;
import org.alkit.api.Neighbors;

/**
 * k-means (Lloyd, "Least squares quantization in PCM", 1982) after k-means++ seeding
 * ({@link KMeansPlusPlus}), shared by {@code kmeans}, {@code typiclust} and ProbCover's purity
 * rule: the first centre is row {@code rng.nextInt(m)}, the rest ∝ D², all drawn with
 * {@code rng}; then up to {@code iterations} steps assign each row to its nearest centre (the
 * compute backend's {@code nearest}, ties to the lower centre) and move each centre to its
 * cluster's mean (summed in double; an empty cluster keeps its centre), stopping early when no
 * assignment changes. Cost per step {@code O(m·k·d)} in the backend.
 */
final class Lloyd {
  private Lloyd() {}

  /**
   * @param centres the k × d centres
   * @param assignment each row's nearest centre and its squared distance, for these centres
   */
  record Clusters(Matrix centres, Neighbors assignment) {}

  /**
   * Clusters rows {@code rows} of {@code data} into {@code k ≤ rows.length} clusters.
   */
  static Clusters cluster(ComputeBackend backend, Matrix data, int[] rows, int k, int iterations,
      SplittableRandom rng) {
    int first = rng.nextInt(rows.length);
    KMeansPlusPlus.Seeds seeds;
    try (CentreTracker state = backend.centreTracker(data, rows, new int[0])) {
      seeds = KMeansPlusPlus.seed(state, k, first, rng);
    }
    Matrix points = data.select(rows);
    int d = points.cols();
    float[] centres = new float[k * d];
    for (int c = 0; c < k; c++) {
      System.arraycopy(points.row(seeds.centres()[c]), 0, centres, c * d, d);
    }
    // the assignment always belongs to the current centres, so its distances are the members'
    Neighbors assignment = backend.nearest(points, Matrix.wrap(k, d, centres.clone()));
    for (int it = 0; it < iterations; it++) {
      moveCentres(points, assignment.index(), centres, k);
      Neighbors next = backend.nearest(points, Matrix.wrap(k, d, centres.clone()));
      boolean changed = !Arrays.equals(next.index(), assignment.index());
      assignment = next;
      if (!changed) {
        break;
      }
    }
    return new Clusters(Matrix.wrap(k, d, centres), assignment);
  }

  /** Moves each centre to the mean of its cluster (summed in double); an empty cluster keeps its centre. */
  private static void moveCentres(Matrix points, int[] assignment, float[] centres, int k) {
    int d = points.cols();
    double[][] sums = new double[k][d];
    int[] counts = new int[k];
    float[] row = new float[d];
    for (int x = 0; x < assignment.length; x++) {
      points.copyRow(x, row);
      double[] sum = sums[assignment[x]];
      for (int j = 0; j < d; j++) {
        sum[j] += row[j];
      }
      counts[assignment[x]]++;
    }
    for (int c = 0; c < k; c++) {
      if (counts[c] > 0) {
        for (int j = 0; j < d; j++) {
          centres[c * d + j] = (float) (sums[c][j] / counts[c]);
        }
      }
    }
  }
}
