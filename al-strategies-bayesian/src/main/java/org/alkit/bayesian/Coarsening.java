package org.alkit.bayesian;

import java.util.Arrays;
import org.alkit.api.ComputeBackend;
import org.alkit.api.Matrix;

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
 * evenly spaced rows, so the grouping is deterministic. Each round assigns every row to its
 * nearest centroid with {@link ComputeBackend#nearest} (squared euclidean, ties to the lower group).
 */
final class Coarsening {
  /** Lloyd rounds. */
  static final int ITERATIONS = 4;

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
    Matrix points = Matrix.wrap(rows, passes, posterior);
    double[] mass = new double[groups];
    for (int round = 0; round < ITERATIONS; round++) {
      int[] assignment = backend.nearest(points, Matrix.wrap(groups, passes, centroids)).index();
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
}
