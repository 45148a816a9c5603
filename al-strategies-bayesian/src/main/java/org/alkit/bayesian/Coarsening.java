package org.alkit.bayesian;

import java.util.Arrays;
import org.alkit.api.ComputeBackend;

/**
 * A coarser mixture whose conditional entropies bound those of a finer one from above. Group the
 * rows m (configurations y_m, weights w_m, posteriors π_m = P(· | y_m)) into groups g with
 * weights W_g = Σ_{m∈g} w_m and mean posteriors π̄_g = Σ_{m∈g} w_m π_m / W_g. Entropy is concave
 * and the predictive {@code p_m = Σ_t π_{m,t} q_{x,t}} is linear in π_m, so for every item x
 *
 * <pre>  Σ_m w_m H[p_m] ≤ Σ_g W_g H[Σ_t π̄_{g,t} q_{x,t}]</pre>
 *
 * (Jensen; it is H(Y_x | Y_A) ≤ H(Y_x | g(Y_A)), conditioning on a function of Y_A), exactly, for
 * any grouping; the closer the posteriors within a group, the tighter. The groups come from
 * {@value #ITERATIONS} rounds of weighted k-means (Lloyd 1982) on the posteriors, started from
 * evenly spaced rows, so the grouping is deterministic. Each round's assignment is a
 * {@code rows × T} by {@code T × groups} product ({@link JointKernel#products}) on the
 * backend's workers, blocks of {@value #BLOCK} rows per task.
 */
final class Coarsening {
  /** Lloyd rounds. */
  static final int ITERATIONS = 4;
  /** Rows per parallel task of the assignment. */
  static final int BLOCK = 256;

  private Coarsening() {}

  /**
   * The {@code rows} rows of {@code posterior} ({@code rows × passes}) with {@code weights},
   * grouped into at most {@code groups} non-empty groups; each group's mean posterior and weight.
   */
  static JointPosterior.Mixture of(float[] posterior, double[] weights, int rows, int passes, int groups,
      ComputeBackend backend) {
    float[] centroids = new float[groups * passes];
    for (int g = 0; g < groups; g++) {
      int m = (int) ((long) g * rows / groups);
      System.arraycopy(posterior, m * passes, centroids, g * passes, passes);
    }
    int[] assignment = new int[rows];
    double[] mass = new double[groups];
    for (int round = 0; round < ITERATIONS; round++) {
      assign(posterior, rows, passes, centroids, groups, assignment, backend);
      double[] sums = new double[groups * passes];
      Arrays.fill(mass, 0);
      for (int m = 0; m < rows; m++) {
        int g = assignment[m];
        mass[g] += weights[m];
        for (int t = 0; t < passes; t++) {
          sums[g * passes + t] += weights[m] * posterior[m * passes + t];
        }
      }
      for (int g = 0; g < groups; g++) {
        if (mass[g] > 0) {
          for (int t = 0; t < passes; t++) {
            centroids[g * passes + t] = (float) (sums[g * passes + t] / mass[g]);
          }
        }
      }
    }
    int kept = 0;
    float[] means = new float[groups * passes];
    double[] groupWeights = new double[groups];
    for (int g = 0; g < groups; g++) {
      if (mass[g] > 0) {
        System.arraycopy(centroids, g * passes, means, kept * passes, passes);
        groupWeights[kept++] = mass[g];
      }
    }
    return new JointPosterior.Mixture(Arrays.copyOf(means, kept * passes), Arrays.copyOf(groupWeights, kept), kept);
  }

  /** Each row's nearest centroid (squared euclidean; ties to the lower group). */
  private static void assign(float[] posterior, int rows, int passes, float[] centroids, int groups,
      int[] assignment, ComputeBackend backend) {
    float[][] right = new float[passes][groups];
    double[] norms = new double[groups];
    for (int g = 0; g < groups; g++) {
      for (int t = 0; t < passes; t++) {
        float v = centroids[g * passes + t];
        right[t][g] = v;
        norms[g] += (double) v * v;
      }
    }
    int tasks = (rows + BLOCK - 1) / BLOCK;
    backend.parallelFor(tasks, task -> {
      float[][] acc = JointKernel.accumulators(groups);
      int end = Math.min(rows, (task + 1) * BLOCK);
      for (int m = task * BLOCK; m < end; m += JointKernel.ROWS) {
        int count = Math.min(JointKernel.ROWS, end - m);
        JointKernel.products(posterior, m, count, passes, right, groups, acc);
        for (int k = 0; k < count; k++) {
          int best = 0;
          double nearest = Double.POSITIVE_INFINITY;
          for (int g = 0; g < groups; g++) {
            double d = norms[g] - 2.0 * acc[k][g];
            if (d < nearest) {
              nearest = d;
              best = g;
            }
          }
          assignment[m + k] = best;
        }
      }
    });
  }
}
