package org.alkit.submodular;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.alkit.api.ComputeBackend;
import org.alkit.api.Matrix;
import org.alkit.api.Similarity;
import org.apiguardian.api.API;

/**
 * One maximization (what {@code alkit maximize} runs): a function by name, an optimizer, a
 * budget, the function's options, and its inputs either as raw features (kernels built through
 * {@code backend} with {@code metric}) or as precomputed kernels in submodlib's orientation
 * (query kernel n × q, private n × p, query–private q × p). The {@code backend} is required
 * either way: the optimizer evaluates batches of gains on its workers.
 *
 * <p>Experimental: a request of sixteen components keeps gaining options, a record cannot grow
 * compatibly, and its {@link org.alkit.api.Similarity} is experimental.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record MaximizeRequest(
    String function,
    String optimizer,
    int budget,
    Map<String, String> options,
    Optional<Matrix> data,
    Optional<Matrix> queryData,
    Optional<Matrix> privateData,
    Similarity metric,
    Optional<Matrix> kernel,
    Optional<Matrix> queryKernel,
    Optional<Matrix> privateKernel,
    Optional<Matrix> queryQueryKernel,
    Optional<Matrix> privatePrivateKernel,
    Optional<Matrix> queryPrivateKernel,
    ComputeBackend backend,
    long seed) {

  /** Copies the options; nulls are not allowed. */
  public MaximizeRequest {
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(optimizer, "optimizer");
    options = Map.copyOf(options);
    Objects.requireNonNull(metric, "metric");
  }
}
