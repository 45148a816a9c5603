package org.alkit.submodular;

import java.util.Optional;
import java.util.stream.Stream;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.submodular.Kernels.Block;

/**
 * Boundary checks of a {@link MaximizeRequest}, with messages that name the request's parameters
 * as the caller calls them ({@link ParameterNames}): features ({@code data}) or precomputed
 * kernels, not both; no parameter of the other source; precomputed kernels square or n × q /
 * n × p / q × q / p × p / q × p as their names say, finite, symmetric for a log-determinant, and
 * present when the function needs them (only those: {@code flvmi}, {@code gcmi} and {@code com}
 * read KQ alone, so n comes from it); 1 ≤ budget ≤ n; a compute backend.
 */
final class RequestChecks {
  private final ParameterNames names;

  RequestChecks(ParameterNames names) {
    this.names = names;
  }

  /** Throws {@link InvalidInputException} unless the request is consistent. */
  void check(MaximizeRequest r) {
    String data = names.of("data");
    String kernel = names.of("kernel");
    if (r.data().isPresent() && r.kernel().isPresent()) {
      throw new InvalidInputException(data + " and " + kernel + " were both given; expected exactly"
          + " one: features to build kernels from, or a precomputed n × n kernel");
    }
    if (r.data().isEmpty() && !hasKernel(r)) {
      throw new InvalidInputException("neither " + data + " nor a kernel was given; expected " + data
          + " (features), or the precomputed kernels the function reads (" + kernel + ", "
          + names.of("queryKernel") + ", ...)");
    }
    if (r.backend() == null) {
      throw new InvalidInputException(names.of("backend") + " is missing; expected the compute"
          + " backend that builds kernels and runs the optimizer's parallel gains");
    }
    int n;
    if (r.data().isPresent()) {
      forbid(r.queryKernel(), "queryKernel", names.of("queryData"));
      forbid(r.privateKernel(), "privateKernel", names.of("privateData"));
      forbid(r.queryQueryKernel(), "queryQueryKernel", names.of("queryData"));
      forbid(r.privatePrivateKernel(), "privatePrivateKernel", names.of("privateData"));
      forbid(r.queryPrivateKernel(), "queryPrivateKernel",
          names.of("queryData") + " and " + names.of("privateData"));
      n = r.data().get().rows();
    } else {
      n = checkKernels(r);
    }
    if (r.budget() < 1 || r.budget() > n) {
      throw new InvalidInputException(names.of("budget") + " = " + r.budget()
          + ": expected 1 <= budget <= n = " + n + " (the ground-set size)");
    }
  }

  private void forbid(Optional<Matrix> kernel, String parameter, String instead) {
    if (kernel.isPresent()) {
      throw new InvalidInputException(names.of(parameter) + " was given with " + names.of("data")
          + "; expected " + instead + " (kernels are built from features), or " + names.of("kernel")
          + " instead of " + names.of("data"));
    }
  }

  private int checkKernels(MaximizeRequest r) {
    if (r.queryData().isPresent() || r.privateData().isPresent()) {
      throw new InvalidInputException(names.of(r.queryData().isPresent() ? "queryData" : "privateData")
          + " was given with " + names.of("kernel") + "; expected " + names.of("queryKernel") + " / "
          + names.of("privateKernel") + " (precomputed), or " + names.of("data") + " instead of "
          + names.of("kernel"));
    }
    int n = r.kernel().map(Matrix::rows).orElse(r.queryKernel().map(Matrix::rows)
        .orElse(r.privateKernel().map(Matrix::rows).orElse(-1)));
    for (Block block : SetFunctions.requiredKernels(r.function())) {
      if (block(r, block).isEmpty()) {
        throw new InvalidInputException("function '" + r.function() + "' needs the "
            + block.description() + ": give " + names.of(parameter(block)));
      }
    }
    if (n < 0) {
      throw new InvalidInputException("the ground-set size n is unknown; expected "
          + names.of("kernel") + " (n × n), " + names.of("queryKernel") + " (n × q) or "
          + names.of("privateKernel") + " (n × p)");
    }
    String nFrom = names.of(r.kernel().isPresent() ? "kernel"
        : r.queryKernel().isPresent() ? "queryKernel" : "privateKernel");
    r.kernel().ifPresent(k -> shape(k, "kernel", n, n, "n × n", nFrom));
    int q = r.queryKernel().map(Matrix::cols)
        .orElse(r.queryQueryKernel().map(Matrix::rows).orElse(-1));
    int p = r.privateKernel().map(Matrix::cols)
        .orElse(r.privatePrivateKernel().map(Matrix::rows).orElse(-1));
    r.queryKernel().ifPresent(m -> shape(m, "queryKernel", n, q, "n × q", nFrom));
    r.privateKernel().ifPresent(m -> shape(m, "privateKernel", n, p, "n × p", nFrom));
    r.queryQueryKernel().ifPresent(m -> shape(m, "queryQueryKernel", q, q, "q × q", nFrom));
    r.privatePrivateKernel().ifPresent(m -> shape(m, "privatePrivateKernel", p, p, "p × p", nFrom));
    r.queryPrivateKernel().ifPresent(m -> shape(m, "queryPrivateKernel",
        q >= 0 ? q : m.rows(), p >= 0 ? p : m.cols(), "q × p", nFrom));
    if (r.function().startsWith("logdet") || r.function().equals("log-det")) {
      r.kernel().ifPresent(k -> requireSymmetric(k, "kernel", r.function()));
      r.queryQueryKernel().ifPresent(k -> requireSymmetric(k, "queryQueryKernel", r.function()));
      r.privatePrivateKernel().ifPresent(k -> requireSymmetric(k, "privatePrivateKernel", r.function()));
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
  private void requireSymmetric(Matrix k, String parameter, String function) {
    for (int i = 0; i < k.rows(); i++) {
      for (int j = i + 1; j < k.cols(); j++) {
        float a = k.get(i, j);
        float b = k.get(j, i);
        if (Math.abs(a - b) > 1e-5f * Math.max(1f, Math.max(Math.abs(a), Math.abs(b)))) {
          throw new InvalidInputException(names.of(parameter) + " is not symmetric: [" + i + "][" + j
              + "] = " + a + " but [" + j + "][" + i + "] = " + b + "; function '" + function
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

  /** The request parameter that holds a kernel block. */
  private static String parameter(Block block) {
    switch (block) {
      case DATA:
        return "kernel";
      case QUERY:
        return "queryKernel";
      case PRIVATE:
        return "privateKernel";
      case QUERY_QUERY:
        return "queryQueryKernel";
      case PRIVATE_PRIVATE:
        return "privatePrivateKernel";
      default:
        return "queryPrivateKernel";
    }
  }

  private void shape(Matrix m, String parameter, int rows, int cols, String expected, String nFrom) {
    String name = names.of(parameter);
    if (m.rows() != rows || m.cols() != cols) {
      throw new InvalidInputException(name + " is " + m.rows() + " × " + m.cols() + ": expected "
          + expected + " = " + rows + " × " + cols + " (n from " + nFrom + ", q and p from the query"
          + " and private kernels)");
    }
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        if (!Float.isFinite(m.get(i, j))) {
          throw new InvalidInputException(name + "[" + i + "][" + j + "] = " + m.get(i, j)
              + ": expected a finite number");
        }
      }
    }
  }
}
