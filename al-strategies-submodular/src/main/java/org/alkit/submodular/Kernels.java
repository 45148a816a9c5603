package org.alkit.submodular;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import org.alkit.api.Matrix;
import org.alkit.api.SparseMatrix;
import org.apiguardian.api.API;

/**
 * The similarity kernels a set function reads, in submodlib's orientation and <em>before</em> the
 * query/private blocks are scaled by η or ν (the functions scale them). Every component is
 * optional ({@code null} when absent); {@link SetFunctions#requiredKernels} says which ones a
 * function needs. n is the ground-set size, q the number of query items, p the number of private
 * items.
 *
 * <pre>{@code
 * Kernels k = Kernels.none().withKernel(K).withQueryKernel(KQ);
 * SetFunction f = SetFunctions.create("flmi", Map.of("eta", "2"), k);
 * }</pre>
 *
 * @param kernel data kernel K, n × n; {@code K[i][j]} is the similarity of represented item i to
 *     candidate j
 * @param sparseKernel a k-nearest-neighbour form of K (row i holds i's neighbours, absent entries
 *     are 0); only {@code facility-location} reads it, and only when {@code kernel} is absent
 * @param queryKernel KQ, n × q: {@code KQ[i][t]} = s(item i, query t)
 * @param privateKernel KP, n × p: {@code KP[i][r]} = s(item i, private item r)
 * @param queryQueryKernel KQQ, q × q
 * @param privatePrivateKernel KPP, p × p
 * @param queryPrivateKernel KQP, q × p: {@code KQP[t][r]} = s(query t, private item r)
 */
@API(status = STABLE, since = "0.1")
public record Kernels(
    Matrix kernel,
    @API(status = EXPERIMENTAL, since = "0.1") SparseMatrix sparseKernel,
    Matrix queryKernel,
    Matrix privateKernel,
    Matrix queryQueryKernel,
    Matrix privatePrivateKernel,
    Matrix queryPrivateKernel) {

  /** The kernels as given; experimental, as the {@link SparseMatrix} it takes. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public Kernels {}

  /** The kernel blocks a function may need, as named in error messages. */
  public enum Block {
    /** K, n × n (dense, or sparse for facility location). */
    DATA("data kernel K (n × n)"),
    /** KQ, n × q. */
    QUERY("query kernel KQ (n × q)"),
    /** KP, n × p. */
    PRIVATE("private kernel KP (n × p)"),
    /** KQQ, q × q. */
    QUERY_QUERY("query-query kernel KQQ (q × q)"),
    /** KPP, p × p. */
    PRIVATE_PRIVATE("private-private kernel KPP (p × p)"),
    /** KQP, q × p. */
    QUERY_PRIVATE("query-private kernel KQP (q × p)");

    private final String description;

    Block(String description) {
      this.description = description;
    }

    /** The block's name and shape, e.g. {@code "query kernel KQ (n × q)"}. */
    public String description() {
      return description;
    }
  }

  /** No kernels at all; add them with the {@code with…} methods. */
  public static Kernels none() {
    return new Kernels(null, null, null, null, null, null, null);
  }

  /** A copy with the dense data kernel K. */
  public Kernels withKernel(Matrix k) {
    return new Kernels(k, sparseKernel, queryKernel, privateKernel, queryQueryKernel,
        privatePrivateKernel, queryPrivateKernel);
  }

  /** A copy with the sparse k-NN data kernel. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public Kernels withSparseKernel(SparseMatrix k) {
    return new Kernels(kernel, k, queryKernel, privateKernel, queryQueryKernel,
        privatePrivateKernel, queryPrivateKernel);
  }

  /** A copy with KQ (n × q). */
  public Kernels withQueryKernel(Matrix kq) {
    return new Kernels(kernel, sparseKernel, kq, privateKernel, queryQueryKernel,
        privatePrivateKernel, queryPrivateKernel);
  }

  /** A copy with KP (n × p). */
  public Kernels withPrivateKernel(Matrix kp) {
    return new Kernels(kernel, sparseKernel, queryKernel, kp, queryQueryKernel,
        privatePrivateKernel, queryPrivateKernel);
  }

  /** A copy with KQQ (q × q). */
  public Kernels withQueryQueryKernel(Matrix kqq) {
    return new Kernels(kernel, sparseKernel, queryKernel, privateKernel, kqq,
        privatePrivateKernel, queryPrivateKernel);
  }

  /** A copy with KPP (p × p). */
  public Kernels withPrivatePrivateKernel(Matrix kpp) {
    return new Kernels(kernel, sparseKernel, queryKernel, privateKernel, queryQueryKernel, kpp,
        queryPrivateKernel);
  }

  /** A copy with KQP (q × p). */
  public Kernels withQueryPrivateKernel(Matrix kqp) {
    return new Kernels(kernel, sparseKernel, queryKernel, privateKernel, queryQueryKernel,
        privatePrivateKernel, kqp);
  }

  /** Whether the block is present (DATA counts a sparse kernel too). */
  public boolean has(Block block) {
    return switch (block) {
      case DATA -> kernel != null || sparseKernel != null;
      case QUERY -> queryKernel != null;
      case PRIVATE -> privateKernel != null;
      case QUERY_QUERY -> queryQueryKernel != null;
      case PRIVATE_PRIVATE -> privatePrivateKernel != null;
      case QUERY_PRIVATE -> queryPrivateKernel != null;
    };
  }
}
