package org.alkit.uncertainty;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * {@code max-disagreement}: query by committee, the largest Kullback–Leibler divergence of a
 * member from the consensus p̄ = (1/M) Σ_m p_m,
 *
 * <pre>  score(x) = max_m Σ_c p_m,c ln(p_m,c / p̄_c)</pre>
 *
 * highest first, in nats, both distributions renormalised (McCallum and Nigam, 1998). Matches
 * modAL's {@code KL_max_disagreement}. Requires {@code committee-probabilities}; no options.
 * Found through {@link java.util.ServiceLoader} under its name; the class itself is not API.
 */
@API(status = INTERNAL, since = "0.1")
public final class MaxDisagreementProvider extends CommitteeProvider {
  /** The provider, as ServiceLoader creates it. */
  public MaxDisagreementProvider() {
    super(CommitteeMeasure.MAX_DISAGREEMENT, "max over members of KL(p_m || mean), nats (McCallum & Nigam 1998)");
  }
}
