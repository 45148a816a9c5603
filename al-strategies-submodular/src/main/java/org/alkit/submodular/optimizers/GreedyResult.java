package org.alkit.submodular.optimizers;

/**
 * The picks of a greedy run in pick order and the marginal gain f(a_t | {a_0, …, a_{t−1}}) of each,
 * so f(A) = f(∅) + Σ_t gains[t].
 *
 * @param selected ground-set indices in pick order
 * @param gains the marginal gain of each pick
 */
public record GreedyResult(int[] selected, double[] gains) {
  /** Σ_t gains[t] = f(A) − f(∅). */
  public double totalGain() {
    double sum = 0;
    for (double g : gains) {
      sum += g;
    }
    return sum;
  }
}
