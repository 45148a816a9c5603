package org.alkit.submodular.functions;

import org.alkit.api.ComputeBackend;
import org.alkit.api.Matrix;
import org.alkit.api.Similarity;

/**
 * The n × n data kernel K as log-det reads it: its diagonal K_jj and the rows K_a· of the items
 * it picks. Greedy log-det with the incremental Cholesky memo ({@link CholeskyMemo}) gains
 *
 * <pre>
 *   f(j | A) = log(K_jj + λ − Σ_t e_t[j]²),   e_t = (K_{a_t}· − Σ_{s&lt;t} e_s[a_t] e_s) / √d_{a_t}
 * </pre>
 *
 * over the picks a_1, …, a_t of A, so it touches the diagonal and the rows of its picks only. Rows are symmetric
 * reads, K_ax = K_xa.
 */
public interface KernelRows {
  /** Items per backend call when {@link #onDemand} computes the diagonal. */
  int DIAGONAL_BLOCK = 64;

  /** n. */
  int size();

  /** K_jj. */
  float diagonal(int j);

  /** K_a·, a fresh array of n entries. */
  float[] row(int a);

  /**
   * A dense K, read in its upper triangle (K_ax = K[min(a, x)][max(a, x)]) as submodlib does.
   */
  static KernelRows dense(Matrix k) {
    return new KernelRows() {
      @Override
      public int size() {
        return k.rows();
      }

      @Override
      public float diagonal(int j) {
        return k.get(j, j);
      }

      @Override
      public float[] row(int a) {
        float[] r = new float[k.cols()];
        for (int x = 0; x < r.length; x++) {
          r[x] = x < a ? k.get(x, a) : k.get(a, x);
        }
        return r;
      }
    };
  }

  /**
   * K[i][j] = s(x_i, x_j) computed from the features on demand: the diagonal up front as s(x_j, x_j)
   * (from the {@value #DIAGONAL_BLOCK} × {@value #DIAGONAL_BLOCK} diagonal blocks, O(n·d·
   * {@value #DIAGONAL_BLOCK}) in n / {@value #DIAGONAL_BLOCK} backend calls), each row when read as
   * {@code backend.similarity(x_a, X)} (O(n·d)). Both equal the entries of the dense kernel built
   * from the same backend, whose entries are computed independently of each other; nothing is
   * cached, so a row read twice is computed twice.
   *
   * @param data the features X, n × d, finite
   */
  static KernelRows onDemand(Matrix data, Similarity metric, ComputeBackend backend) {
    float[] diagonal = new float[data.rows()];
    for (int from = 0; from < diagonal.length; from += DIAGONAL_BLOCK) {
      Matrix x = data.rows(from, Math.min(diagonal.length, from + DIAGONAL_BLOCK));
      Matrix block = backend.similarity(x, x, metric);
      for (int j = 0; j < x.rows(); j++) {
        diagonal[from + j] = block.get(j, j);
      }
    }
    return new KernelRows() {
      @Override
      public int size() {
        return diagonal.length;
      }

      @Override
      public float diagonal(int j) {
        return diagonal[j];
      }

      @Override
      public float[] row(int a) {
        return backend.similarity(data.rows(a, a + 1), data, metric).toArray();
      }
    };
  }
}
