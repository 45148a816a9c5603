package org.alkit.bayesian;

/**
 * The BatchBALD quantities by brute force, independently of {@link JointPosterior}: the joint
 * predictive of a set S enumerated over all C^|S| label configurations,
 * {@code p(y_S) = (1/T) Σ_t Π_{a∈S} q_{a,t}(y_a)}, in double precision with {@link Math#log}.
 */
final class JointEntropies {
  private final double[][][] rows;
  private final int passes;
  private final int classes;

  /** @param passes {@code [pass][item][class]} */
  JointEntropies(double[][][] passes) {
    this.passes = passes.length;
    this.classes = passes[0][0].length;
    this.rows = new double[passes[0].length][][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = McPools.rowsOf(passes, i);
    }
  }

  /** H(Y_S) in nats. */
  double entropy(int... set) {
    int configurations = (int) Math.pow(classes, set.length);
    double h = 0;
    for (int code = 0; code < configurations; code++) {
      double p = 0;
      for (int t = 0; t < passes; t++) {
        double product = 1;
        int rest = code;
        for (int a : set) {
          product *= rows[a][t][rest % classes];
          rest /= classes;
        }
        p += product / passes;
      }
      if (p > 0) {
        h -= p * Math.log(p);
      }
    }
    return h;
  }

  /** (1/T) Σ_t H[q_t(·|x)]. */
  double expectedEntropy(int x) {
    double h = 0;
    for (double[] row : rows[x]) {
      h += McPools.entropy(row) / passes;
    }
    return h;
  }

  /** BALD(x) = H(Y_x) − (1/T) Σ_t H[q_t(·|x)]. */
  double bald(int x) {
    return entropy(x) - expectedEntropy(x);
  }

  /** The joint mutual information a(S) = H(Y_S) − Σ_{x∈S} (1/T) Σ_t H[q_t(·|x)]. */
  double mutualInformation(int... set) {
    double a = entropy(set);
    for (int x : set) {
      a -= expectedEntropy(x);
    }
    return a;
  }

  /** The marginal gain a(A ∪ {x}) − a(A). */
  double gain(int[] batch, int x) {
    int[] with = java.util.Arrays.copyOf(batch, batch.length + 1);
    with[batch.length] = x;
    return mutualInformation(with) - mutualInformation(batch);
  }
}
