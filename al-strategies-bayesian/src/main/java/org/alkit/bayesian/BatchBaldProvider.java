package org.alkit.bayesian;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.Strategy;
import org.apiguardian.api.API;

/**
 * {@code batch-bald}: the batch maximising the joint mutual information between its labels and
 * the model parameters (Kirsch, van Amersfoort and Gal, "BatchBALD: Efficient and Diverse Batch
 * Acquisition for Deep Bayesian Active Learning", NeurIPS 2019),
 *
 * <pre>  a(x_1..x_b) = H(Y_1, …, Y_b) − Σ_i (1/T) Σ_t H[q_t(·|x_i)],</pre>
 *
 * built greedily: each step adds the item of largest marginal gain
 * {@code H(Y_x | Y_A) − (1/T) Σ_t H[q_t(·|x)]}, a conditional mutual information ≥ 0. The first
 * pick is BALD's, and with b = 1 the strategy is BALD. Each pick is reported with its gain, so
 * the scores' prefix sums are the batch's joint mutual information.
 *
 * <p>The joint entropy is exact while the C^|A| label configurations of the batch so far number
 * at most {@code max-configurations} (default 10 000) and estimated from {@code samples}
 * (default 10 000) configurations drawn with {@code ctx.random()} beyond; see
 * {@link JointPosterior} for the estimator and its error. The function is submodular (ibid.,
 * appendix), so gains only shrink as the batch grows: a candidate is re-evaluated only while its
 * last gain (at first its BALD score) could still beat the best fresh one (lazy greedy, Minoux
 * 1978), which with exact entropies picks exactly what the plain greedy picks (ties to the lower
 * pool index). The products over the passes run on the compute backend, in chunks of bounded
 * size. Requires {@code mc-probabilities} and, for b ≥ 2, a compute backend. Found through
 * {@link java.util.ServiceLoader} under its name; the class itself is not API.
 */
@API(status = INTERNAL, since = "0.1")
public final class BatchBaldProvider extends BayesianProvider {
  /** The provider, as ServiceLoader creates it. */
  public BatchBaldProvider() {
    super("batch-bald",
        "greedy batch of maximal joint mutual information with the parameters (Kirsch et al. 2019)");
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.integer("max-configurations", 10_000,
            "exact joint entropy while the batch's C^|A| label configurations are at most this many"),
        Parameter.integer("samples", 10_000,
            "label configurations sampled (seeded) to estimate the joint entropy beyond that"),
        Parameter.real("tolerance", 1,
            "in sampled steps, take a candidate whose estimated gain is within this many standard errors "
                + "(ln C / (2 sqrt(samples))) of every other's upper bound; 0: the plain greedy on the estimate"));
  }

  @Override
  public Strategy create(Options options) {
    return new BatchBald(name(), options, BatchBaldOptions.from(options));
  }
}
