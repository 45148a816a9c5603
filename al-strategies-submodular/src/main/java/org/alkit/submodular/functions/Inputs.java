package org.alkit.submodular.functions;

import java.util.Set;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.Options;
import org.alkit.submodular.Kernels;
import org.alkit.submodular.Kernels.Block;

/**
 * The checked inputs of one function: its resolved options and the kernel blocks it reads, each
 * present and of the shape its neighbours imply (K n × n, KQ n × q, KP n × p, KQQ q × q, KPP p × p,
 * KQP q × p). Messages name the function, the block, the shape found and the shape expected.
 */
final class Inputs {
  private final String function;
  private final Options options;
  private final Kernels kernels;
  private final KernelRows rows;
  private final boolean symmetricKernel;
  private final int n;

  /**
   * @param rows the data kernel K as rows, standing in for the DATA block, or {@code null}
   * @param symmetricKernel whether the dense K is exactly symmetric, K[i][j] = K[j][i] bit for bit
   */
  Inputs(String function, Options options, Kernels kernels, KernelRows rows,
      boolean symmetricKernel, Set<Block> required) {
    this.function = function;
    this.options = options;
    this.kernels = kernels;
    this.rows = rows;
    this.symmetricKernel = symmetricKernel;
    for (Block b : required) {
      if (!kernels.has(b) && !(b == Block.DATA && rows != null)) {
        throw new InvalidInputException("function '" + function + "' needs the " + b.description()
            + ", none was given");
      }
    }
    if (rows != null) {
      n = rows.size();
    } else if (required.contains(Block.DATA)) {
      n = kernels.kernel() != null ? kernels.kernel().rows() : kernels.sparseKernel().rows();
      int cols = kernels.kernel() != null ? kernels.kernel().cols() : kernels.sparseKernel().cols();
      expect(Block.DATA, n, cols, n, n);
    } else {
      n = kernels.queryKernel().rows();
    }
    int q = kernels.queryKernel() == null ? 0 : kernels.queryKernel().cols();
    int p = kernels.privateKernel() == null ? 0 : kernels.privateKernel().cols();
    if (required.contains(Block.QUERY)) {
      expect(Block.QUERY, kernels.queryKernel(), n, q);
    }
    if (required.contains(Block.PRIVATE)) {
      expect(Block.PRIVATE, kernels.privateKernel(), n, p);
    }
    if (required.contains(Block.QUERY_QUERY)) {
      expect(Block.QUERY_QUERY, kernels.queryQueryKernel(), q, q);
    }
    if (required.contains(Block.PRIVATE_PRIVATE)) {
      expect(Block.PRIVATE_PRIVATE, kernels.privatePrivateKernel(), p, p);
    }
    if (required.contains(Block.QUERY_PRIVATE)) {
      expect(Block.QUERY_PRIVATE, kernels.queryPrivateKernel(), q, p);
    }
  }

  private void expect(Block b, Matrix m, int rows, int cols) {
    expect(b, m.rows(), m.cols(), rows, cols);
  }

  private void expect(Block b, int rows, int cols, int wantRows, int wantCols) {
    if (rows != wantRows || cols != wantCols) {
      throw new InvalidInputException("function '" + function + "': the " + b.description() + " is "
          + rows + " × " + cols + ", expected " + wantRows + " × " + wantCols);
    }
  }

  /** n, the ground-set size. */
  int groundSize() {
    return n;
  }

  Kernels kernels() {
    return kernels;
  }

  /** The data kernel as candidate columns, dense or sparse. */
  Columns kernelColumns() {
    return kernels.kernel() != null ? denseKernelColumns()
        : Columns.ofSparseColumns(kernels.sparseKernel());
  }

  /**
   * The dense data kernel as candidate columns: a symmetric K is read in place, its rows being its
   * columns; any other is transposed into a copy.
   */
  Columns denseKernelColumns() {
    return symmetricKernel ? Columns.ofRows(denseKernel()) : Columns.ofColumns(denseKernel());
  }

  /** The data kernel as rows: those given, else the dense kernel's. */
  KernelRows kernelRows() {
    return rows != null ? rows : KernelRows.dense(denseKernel());
  }

  /** The dense data kernel; functions that cannot read the sparse form call this. */
  Matrix denseKernel() {
    if (kernels.kernel() == null) {
      throw new InvalidInputException("function '" + function + "' needs the dense "
          + Block.DATA.description() + "; a sparse k-NN kernel is accepted only by facility-location");
    }
    return kernels.kernel();
  }

  /** A real option; the function's declared parameters bound it (λ, η, ν: ≥ 0). */
  double real(String option) {
    return options.getDouble(option);
  }

  /** A non-negative option as the float32 that submodlib's C++ side stores (η, ν, graph-cut's λ). */
  float scale(String option) {
    return (float) real(option);
  }

  String choice(String option) {
    return options.getString(option);
  }

  /** {@code factor · m} element-wise in float32, or {@code m} itself when the factor is 1. */
  static Matrix scaled(Matrix m, float factor) {
    if (factor == 1f) {
      return m;
    }
    float[] a = m.toArray();
    for (int i = 0; i < a.length; i++) {
      a[i] *= factor;
    }
    return Matrix.wrap(m.rows(), m.cols(), a);
  }
}
