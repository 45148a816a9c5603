package org.alkit.uncertainty;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * {@code margin}: the items whose two most likely classes are closest. With p(1) ≥ p(2) the two
 * largest probabilities, the reported score is
 *
 * <pre>  score(x) = 1 − (p(1) − p(2))</pre>
 *
 * highest first, i.e. smallest margin first, in [0, 1] and 0 for a one-hot row (Scheffer,
 * Decomain and Wrobel, "Active hidden Markov models for information extraction", 2001). modAL's
 * {@code classifier_margin} is p(1) − p(2) = 1 − score; DISTIL's {@code MarginSampling} ranks by
 * p(2) − p(1) = score − 1. A single class has p(2) = 0. Requires {@code probabilities}; no
 * options. Found through {@link java.util.ServiceLoader} under its name; the class itself is not
 * API.
 */
@API(status = INTERNAL, since = "0.1")
public final class MarginProvider extends MeasureProvider {
  /** The provider, as ServiceLoader creates it. */
  public MarginProvider() {
    super(Measure.MARGIN, "1 - (p(1) - p(2)): smallest top-two margin first (Scheffer et al. 2001)");
  }
}
