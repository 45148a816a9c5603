package org.alkit.submodular.similar;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Set;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;
import org.apiguardian.api.API;

/**
 * {@code facility-location}: the k unlabeled items that greedily maximize facility location over
 * the unlabeled pool U,
 * <pre>  f(A) = Σ_{i ∈ U} max_{a ∈ A} s(i, a)</pre>
 * with s the kernel similarity of the embeddings ({@code metric}; euclidean exp(−‖x − y‖/d) by
 * default): the most representative batch (Wei, Iyer &amp; Bilmes, "Submodularity in Data Subset
 * Selection and Active Learning", ICML 2015; submodlib's {@code FacilityLocationFunction}). Lazy
 * greedy is within 1 − 1/e of the optimum. Each pick is scored by its marginal gain.
 *
 * <p>The same machinery as {@code similar} (its kernels, optimizers and options {@code optimizer},
 * {@code embedding}, {@code metric}, {@code epsilon}), without a query or private set. Cost: a
 * dense |U| × |U| kernel, as {@code similar}; the Spark engine distributes it with GreeDi.
 *
 * <p>Requires {@link Signal#EMBEDDINGS}.
 */
@API(status = EXPERIMENTAL, since = "0.3")
public final class FacilityLocationProvider implements StrategyProvider {
  private static final String FUNCTION = "facility-location";

  @Override
  public String name() {
    return FUNCTION;
  }

  @Override
  public String family() {
    return "submodular";
  }

  @Override
  public String description() {
    return "greedy facility location over the unlabeled pool: the most representative batch (Wei et al. 2015)";
  }

  @Override
  public Set<Signal> requires() {
    return Set.of(Signal.EMBEDDINGS);
  }

  @Override
  public Set<Signal> uses() {
    return Set.of(Signal.GRADIENT_EMBEDDINGS);
  }

  @Override
  public List<Parameter> parameters() {
    return SimilarProvider.GREEDY_PARAMETERS;
  }

  @Override
  public Strategy create(Options options) {
    return new SimilarStrategy(name(), FUNCTION, options);
  }
}
