package org.alkit.submodular.functions;

import java.util.Arrays;
import org.alkit.api.Matrix;
import org.alkit.submodular.SetFunction;

/**
 * Concave over modular (submodlib's ConcaveOverModularFunction; Kothawade et al. PRISM, COM):
 *
 * <pre>
 *   f(A) = η Σ_{j∈A} ψ(Σ_q KQ_jq) + Σ_q ψ(Σ_{j∈A} KQ_jq)
 * </pre>
 *
 * with ψ = log(1 + x), √x or 1 − 1/(1 + x). η weights the per-item relevance term; KQ is not
 * scaled. The memo is the double sum Σ_{j∈A} KQ_jq per query. Monotone and submodular for KQ ≥ 0.
 */
final class ConcaveOverModular implements SetFunction {
  /** The concave ψ, by its option value. */
  enum Concave {
    LOG("log") {
      @Override
      double apply(double x) {
        return Math.log1p(x);
      }
    },
    SQRT("sqrt") {
      @Override
      double apply(double x) {
        return Math.sqrt(x);
      }
    },
    INVERSE("inverse") {
      @Override
      double apply(double x) {
        return 1 - 1 / (1 + x);
      }
    };

    private final String key;

    Concave(String key) {
      this.key = key;
    }

    abstract double apply(double x);

    static String[] keys() {
      return Arrays.stream(values()).map(c -> c.key).toArray(String[]::new);
    }

    static Concave of(String key) {
      return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst().orElseThrow();
    }
  }

  private final Matrix queryKernel;
  private final Concave psi;
  private final double[] itemTerm;
  private final double[] sums;

  /**
   * @param queryKernel KQ, n × q, unscaled
   * @param eta the weight η of the per-item term, float32 as in submodlib
   */
  ConcaveOverModular(Matrix queryKernel, float eta, Concave psi) {
    this.queryKernel = queryKernel;
    this.psi = psi;
    this.itemTerm = GraphCutFamily.rowSums(queryKernel);
    for (int j = 0; j < itemTerm.length; j++) {
      itemTerm[j] = eta * psi.apply(itemTerm[j]);
    }
    this.sums = new double[queryKernel.cols()];
  }

  @Override
  public int groundSize() {
    return queryKernel.rows();
  }

  @Override
  public double evaluate(int[] set) {
    double[] s = new double[sums.length];
    double value = 0;
    for (int j : set) {
      value += itemTerm[j];
      accumulate(s, j);
    }
    for (double x : s) {
      value += psi.apply(x);
    }
    return value;
  }

  @Override
  public double gain(int j) {
    double g = itemTerm[j];
    for (int q = 0; q < sums.length; q++) {
      g += psi.apply(sums[q] + queryKernel.get(j, q)) - psi.apply(sums[q]);
    }
    return g;
  }

  @Override
  public void add(int j) {
    accumulate(sums, j);
  }

  private void accumulate(double[] s, int j) {
    for (int q = 0; q < s.length; q++) {
      s[q] += queryKernel.get(j, q);
    }
  }

  @Override
  public void clear() {
    Arrays.fill(sums, 0);
  }

  @Override
  public boolean isSubmodular() {
    return true;
  }
}
