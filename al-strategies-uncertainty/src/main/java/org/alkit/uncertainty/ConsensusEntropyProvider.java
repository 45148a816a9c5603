package org.alkit.uncertainty;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * {@code consensus-entropy}: query by committee with soft votes, the entropy of the members'
 * mean probabilities p̄ = (1/M) Σ_m p_m,
 *
 * <pre>  score(x) = −Σ_c p̄_c ln p̄_c</pre>
 *
 * highest first (McCallum and Nigam, "Employing EM and pool-based active learning for text
 * classification", 1998). Matches modAL's {@code consensus_entropy}. Requires
 * {@code committee-probabilities}; no options. Found through {@link java.util.ServiceLoader}
 * under its name; the class itself is not API.
 */
@API(status = INTERNAL, since = "0.1")
public final class ConsensusEntropyProvider extends CommitteeProvider {
  /** The provider, as ServiceLoader creates it. */
  public ConsensusEntropyProvider() {
    super(CommitteeMeasure.CONSENSUS_ENTROPY, "entropy of the committee's mean probabilities (McCallum & Nigam 1998)");
  }
}
