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
 * bound could still beat the best fresh gain (lazy greedy, Minoux 1978). Its bound is first its
 * last gain (at first its BALD score), then, while it still heads the queue, a coarse bound of
 * this step: the same conditional entropy over the configurations grouped into 256 groups of
 * similar posterior, which by Jensen's inequality is never below the full one, at about 1/40 of
 * its cost (see {@link Coarsening}); only then the full evaluation. In exact steps this picks
 * exactly what the plain greedy picks (ties to the lower pool index). In sampled steps, where
 * the estimate itself has a standard error of up to {@code ln C / (2√samples)} (0.0115 nats at
 * C = 10 and the default 10 000 samples), a candidate is taken once its estimated gain is within
 * {@code tolerance} (default 1) such standard errors of every other candidate's bound; its
 * reported gain is its estimate. {@code tolerance = 0} is the plain greedy on the estimate. The
 * products over the passes run in a fused product-and-entropy kernel on the backend's workers,
 * blocks of 16 candidates a task, in memory bounded by the configurations, not by their number
 * times the candidates'.
 * Requires {@code mc-probabilities} and, for b ≥ 2, a compute backend. Found through
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
            "exact joint entropy while the batch's C^|A| label configurations are at most this many")
            .atLeast(1).atMost(BatchBaldOptions.MAX),
        Parameter.integer("samples", 10_000,
            "label configurations sampled (seeded) to estimate the joint entropy beyond that")
            .atLeast(1).atMost(BatchBaldOptions.MAX),
        Parameter.real("tolerance", 1,
            "in sampled steps, take a candidate whose estimated gain is within this many standard errors "
                + "(ln C / (2 sqrt(samples))) of every other's upper bound; 0: the plain greedy on the estimate")
            .atLeast(0).atMost(BatchBaldOptions.MAX_TOLERANCE));
  }

  @Override
  public Strategy create(Options options) {
    return new BatchBald(name(), options, BatchBaldOptions.from(options));
  }
}
