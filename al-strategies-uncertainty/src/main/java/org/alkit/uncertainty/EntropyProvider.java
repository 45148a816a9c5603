package org.alkit.uncertainty;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * {@code entropy}: the Shannon entropy of the predicted class distribution, in nats,
 *
 * <pre>  score(x) = −Σ_c q_c ln q_c,   q = p(· | x) / Σ_c p(c | x),   0 · ln 0 = 0</pre>
 *
 * highest first (Shannon 1948; Settles, "Active learning literature survey", 2009). Rows are
 * renormalised as {@code scipy.stats.entropy} (modAL's {@code classifier_entropy}) does. Large
 * pools are scored in parallel, row by row, so the result does not depend on the thread count.
 * Requires {@code probabilities}; no options. Found through {@link java.util.ServiceLoader}
 * under its name; the class itself is not API.
 */
@API(status = INTERNAL, since = "0.1")
public final class EntropyProvider extends MeasureProvider {
  /** The provider, as ServiceLoader creates it. */
  public EntropyProvider() {
    super(Measure.ENTROPY, "-sum p ln p (nats), highest first (Shannon entropy)");
  }
}
