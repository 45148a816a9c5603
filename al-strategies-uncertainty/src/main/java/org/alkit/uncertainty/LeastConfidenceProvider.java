package org.alkit.uncertainty;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * {@code least-confidence}: the items whose most likely class is least likely,
 *
 * <pre>  score(x) = 1 − max_c p(c | x)</pre>
 *
 * highest first (Lewis and Gale, "A sequential algorithm for training text classifiers", 1994).
 * Matches modAL's {@code classifier_uncertainty}; DISTIL's {@code LeastConfidenceSampling} ranks
 * by −max p, the same order. Requires {@code probabilities}; no options. Found through
 * {@link java.util.ServiceLoader} under its name; the class itself is not API.
 */
@API(status = INTERNAL, since = "0.1")
public final class LeastConfidenceProvider extends MeasureProvider {
  /** The provider, as ServiceLoader creates it. */
  public LeastConfidenceProvider() {
    super(Measure.LEAST_CONFIDENCE, "1 - max p, highest first (Lewis & Gale 1994)");
  }
}
