package org.alkit.uncertainty;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * {@code vote-entropy}: query by committee with hard votes. Each of the M members votes for its
 * most likely class (the first on ties); with v_c the fraction of votes for class c,
 *
 * <pre>  score(x) = −Σ_c v_c ln v_c</pre>
 *
 * highest first (Dagan and Engelson, "Committee-based sampling for training probabilistic
 * classifiers", 1995). Matches modAL's {@code vote_entropy}. Requires
 * {@code committee-probabilities}; no options. Found through {@link java.util.ServiceLoader}
 * under its name; the class itself is not API.
 */
@API(status = INTERNAL, since = "0.1")
public final class VoteEntropyProvider extends CommitteeProvider {
  /** The provider, as ServiceLoader creates it. */
  public VoteEntropyProvider() {
    super(CommitteeMeasure.VOTE_ENTROPY, "entropy of the committee's argmax votes (Dagan & Engelson 1995)");
  }
}
