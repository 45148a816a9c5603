package org.alkit.submodular;

import java.util.Optional;
import java.util.stream.Stream;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.submodular.Kernels.Block;

/**
 * Boundary checks of a {@link MaximizeRequest}, with messages in terms of the CLI flags: features
 * ({@code --data}) or precomputed kernels, not both; no flag of the other source; precomputed
 * kernels square or n × q / n × p / q × q / p × p / q × p as their names say, finite, symmetric
 * for a log-determinant, and present when the function needs them (only those: {@code flvmi},
 * {@code gcmi} and {@code com} read KQ alone, so n comes from it); 1 ≤ budget ≤ n.
 */
final class RequestChecks {
  private RequestChecks() {}

  /** Throws {@link InvalidInputException} unless the request is consistent. */
  static void check(MaximizeRequest r) {
    if (r.data().isPresent() && r.kernel().isPresent()) {
      throw new InvalidInputException("--data and --kernel were both given; expected exactly one: features"
          + " to build kernels from, or a precomputed n × n kernel");
    }
    if (r.data().isEmpty() && !hasKernel(r)) {
      throw new InvalidInputException("neither --data nor a kernel was given; expected --data (features),"
          + " or the precomputed kernels the function reads (--kernel, --query-kernel, ...)");
    }
    int n;
    if (r.data().isPresent()) {
      forbid(r.queryKernel(), "--query-kernel", "--query-data");
      forbid(r.privateKernel(), "--private-kernel", "--private-data");
      forbid(r.queryQueryKernel(), "--query-query-kernel", "--query-data");
      forbid(r.privatePrivateKernel(), "--private-private-kernel", "--private-data");
      forbid(r.queryPrivateKernel(), "--query-private-kernel", "--query-data and --private-data");
      if (r.backend() == null) {
        throw new InvalidInputException("--data needs a compute backend to build kernels; none was given");
      }
      n = r.data().get().rows();
    } else {
      n = checkKernels(r);
    }
    if (r.budget() < 1 || r.budget() > n) {
      throw new InvalidInputException("--budget = " + r.budget() + ": expected 1 <= budget <= n = " + n
          + " (the ground-set size)");
    }
  }

  private static void forbid(Optional<Matrix> kernel, String flag, String instead) {
    if (kernel.isPresent()) {
      throw new InvalidInputException(flag + " was given with --data; expected " + instead
          + " (kernels are built from features), or --kernel instead of --data");
    }
  }

  private static int checkKernels(MaximizeRequest r) {
    if (r.queryData().isPresent() || r.privateData().isPresent()) {
      throw new InvalidInputException((r.queryData().isPresent() ? "--query-data" : "--private-data")
          + " was given with --kernel; expected --query-kernel / --private-kernel (precomputed),"
          + " or --data instead of --kernel");
    }
    int n = r.kernel().map(Matrix::rows).orElse(r.queryKernel().map(Matrix::rows)
        .orElse(r.privateKernel().map(Matrix::rows).orElse(-1)));
    for (Block block : SetFunctions.requiredKernels(r.function())) {
      if (block(r, block).isEmpty()) {
        throw new InvalidInputException("function '" + r.function() + "' needs the "
            + block.description() + ": give " + flag(block));
      }
    }
    if (n < 0) {
      throw new InvalidInputException("the ground-set size n is unknown; expected --kernel (n × n),"
          + " --query-kernel (n × q) or --private-kernel (n × p)");
    }
    String nFrom = r.kernel().isPresent() ? "--kernel" : r.queryKernel().isPresent() ? "--query-kernel"
        : "--private-kernel";
    r.kernel().ifPresent(k -> shape(k, "--kernel", n, n, "n × n", nFrom));
    int q = r.queryKernel().map(Matrix::cols)
        .orElse(r.queryQueryKernel().map(Matrix::rows).orElse(-1));
    int p = r.privateKernel().map(Matrix::cols)
        .orElse(r.privatePrivateKernel().map(Matrix::rows).orElse(-1));
    r.queryKernel().ifPresent(m -> shape(m, "--query-kernel", n, q, "n × q", nFrom));
    r.privateKernel().ifPresent(m -> shape(m, "--private-kernel", n, p, "n × p", nFrom));
    r.queryQueryKernel().ifPresent(m -> shape(m, "--query-query-kernel", q, q, "q × q", nFrom));
    r.privatePrivateKernel().ifPresent(m -> shape(m, "--private-private-kernel", p, p, "p × p", nFrom));
    r.queryPrivateKernel().ifPresent(m -> shape(m, "--query-private-kernel",
        q >= 0 ? q : m.rows(), p >= 0 ? p : m.cols(), "q × p", nFrom));
    if (r.function().startsWith("logdet") || r.function().equals("log-det")) {
      r.kernel().ifPresent(k -> requireSymmetric(k, "--kernel", r.function()));
      r.queryQueryKernel().ifPresent(k -> requireSymmetric(k, "--query-query-kernel", r.function()));
      r.privatePrivateKernel().ifPresent(k -> requireSymmetric(k, "--private-private-kernel", r.function()));
    }
    return n;
  }

  private static boolean hasKernel(MaximizeRequest r) {
    return Stream.of(r.kernel(), r.queryKernel(), r.privateKernel(), r.queryQueryKernel(),
        r.privatePrivateKernel(), r.queryPrivateKernel()).anyMatch(Optional::isPresent);
  }

  /**
   * A log-determinant needs a symmetric positive semi-definite kernel; an asymmetric one would be
   * read by half and give a determinant of another matrix.
   */
  private static void requireSymmetric(Matrix k, String flag, String function) {
    for (int i = 0; i < k.rows(); i++) {
      for (int j = i + 1; j < k.cols(); j++) {
        float a = k.get(i, j);
        float b = k.get(j, i);
        if (Math.abs(a - b) > 1e-5f * Math.max(1f, Math.max(Math.abs(a), Math.abs(b)))) {
          throw new InvalidInputException(flag + " is not symmetric: [" + i + "][" + j + "] = " + a + " but ["
              + j + "][" + i + "] = " + b + "; function '" + function
              + "' needs a symmetric positive semi-definite kernel");
        }
      }
    }
  }

  /** The precomputed kernels of a checked request. */
  static Kernels kernels(MaximizeRequest r) {
    return new Kernels(r.kernel().orElse(null), null, r.queryKernel().orElse(null),
        r.privateKernel().orElse(null), r.queryQueryKernel().orElse(null),
        r.privatePrivateKernel().orElse(null), r.queryPrivateKernel().orElse(null));
  }

  private static Optional<Matrix> block(MaximizeRequest r, Block block) {
    switch (block) {
      case DATA:
        return r.kernel();
      case QUERY:
        return r.queryKernel();
      case PRIVATE:
        return r.privateKernel();
      case QUERY_QUERY:
        return r.queryQueryKernel();
      case PRIVATE_PRIVATE:
        return r.privatePrivateKernel();
      default:
        return r.queryPrivateKernel();
    }
  }

  private static String flag(Block block) {
    switch (block) {
      case DATA:
        return "--kernel";
      case QUERY:
        return "--query-kernel";
      case PRIVATE:
        return "--private-kernel";
      case QUERY_QUERY:
        return "--query-query-kernel";
      case PRIVATE_PRIVATE:
        return "--private-private-kernel";
      default:
        return "--query-private-kernel";
    }
  }

  private static void shape(Matrix m, String flag, int rows, int cols, String expected, String nFrom) {
    if (m.rows() != rows || m.cols() != cols) {
      throw new InvalidInputException(flag + " is " + m.rows() + " × " + m.cols() + ": expected "
          + expected + " = " + rows + " × " + cols + " (n from " + nFrom + ", q and p from the query"
          + " and private kernels)");
    }
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        if (!Float.isFinite(m.get(i, j))) {
          throw new InvalidInputException(flag + "[" + i + "][" + j + "] = " + m.get(i, j)
              + ": expected a finite number");
        }
      }
    }
  }
}
