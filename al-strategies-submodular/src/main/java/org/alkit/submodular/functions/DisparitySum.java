package org.alkit.submodular.functions;

import java.util.Arrays;
import org.alkit.api.Matrix;
import org.alkit.submodular.SetFunction;

/**
 * Disparity sum (submodlib's DisparitySumFunction; Iyer et al. submodlib), with distances
 * 1 − K_ij:
 *
 * <pre>
 *   f(A) = ½ Σ_{i∈A} Σ_{j∈A} (1 − K_ij)        (ordered pairs, diagonal included, as submodlib evaluates it)
 *   f(j | A) = Σ_{a∈A} (1 − K_aj)             (0 for A = ∅)
 * </pre>
 *
 * The memo is that sum per candidate, in double. Not submodular (gains grow with A).
 */
final class DisparitySum implements SetFunction {
  private final Matrix kernel;
  private final double[] memo;

  DisparitySum(Matrix kernel) {
    this.kernel = kernel;
    this.memo = new double[kernel.rows()];
  }

  @Override
  public int groundSize() {
    return memo.length;
  }

  @Override
  public double evaluate(int[] set) {
    double sum = 0;
    for (int i : set) {
      for (int j : set) {
        sum += 1.0 - kernel.get(i, j);
      }
    }
    return sum / 2;
  }

  @Override
  public double gain(int j) {
    return memo[j];
  }

  @Override
  public void add(int a) {
    for (int j = 0; j < memo.length; j++) {
      memo[j] += 1.0 - kernel.get(a, j);
    }
  }

  @Override
  public void clear() {
    Arrays.fill(memo, 0);
  }

  @Override
  public boolean isSubmodular() {
    return false;
  }
}
