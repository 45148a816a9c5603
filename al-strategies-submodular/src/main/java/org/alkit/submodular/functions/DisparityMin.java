package org.alkit.submodular.functions;

import java.util.Arrays;
import org.alkit.api.Matrix;
import org.alkit.submodular.SetFunction;

/**
 * Disparity min (submodlib's DisparityMinFunction; Iyer et al. submodlib), with distances
 * 1 − K_ij:
 *
 * <pre>
 *   f(A) = 0 for |A| ≤ 1, else min(1, min_{i≠j∈A} (1 − K_ij))
 *   f(j | A) = 0 for A = ∅;  min(1, d_j) for |A| = 1;  min(f(A), d_j) − f(A) otherwise,
 *   with d_j = min_{a∈A} (1 − K_aj)
 * </pre>
 *
 * The memo is d_j per candidate and f(A), in double. Not submodular.
 */
final class DisparityMin implements SetFunction {
  private final Matrix kernel;
  private final double[] nearest;
  private int size;
  private double value;

  DisparityMin(Matrix kernel) {
    this.kernel = kernel;
    this.nearest = new double[kernel.rows()];
    clear();
  }

  @Override
  public int groundSize() {
    return nearest.length;
  }

  @Override
  public double evaluate(int[] set) {
    if (set.length <= 1) {
      return 0;
    }
    double min = 1;
    for (int i : set) {
      for (int j : set) {
        if (i != j) {
          min = Math.min(min, 1.0 - kernel.get(i, j));
        }
      }
    }
    return min;
  }

  @Override
  public double gain(int j) {
    return size == 0 ? 0 : valueWith(j) - value;
  }

  /** f(A ∪ {j}) for |A| ≥ 1. */
  private double valueWith(int j) {
    return Math.min(size == 1 ? 1 : value, nearest[j]);
  }

  @Override
  public void add(int a) {
    value = size == 0 ? 0 : valueWith(a);
    size++;
    for (int j = 0; j < nearest.length; j++) {
      nearest[j] = Math.min(nearest[j], 1.0 - kernel.get(a, j));
    }
  }

  @Override
  public void clear() {
    Arrays.fill(nearest, Double.POSITIVE_INFINITY);
    size = 0;
    value = 0;
  }

  @Override
  public boolean isSubmodular() {
    return false;
  }
}
