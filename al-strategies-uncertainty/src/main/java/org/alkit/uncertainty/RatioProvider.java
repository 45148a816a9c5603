package org.alkit.uncertainty;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * {@code ratio}: ratio of confidence, the second most likely class's probability over the most
 * likely one's,
 *
 * <pre>  score(x) = p(2) / p(1)</pre>
 *
 * highest first, in [0, 1] (Monarch, "Human-in-the-Loop Machine Learning", 2021, ch. 3). A single
 * class has p(2) = 0. Requires {@code probabilities}; no options. Found through
 * {@link java.util.ServiceLoader} under its name; the class itself is not API.
 */
@API(status = INTERNAL, since = "0.1")
public final class RatioProvider extends MeasureProvider {
  /** The provider, as ServiceLoader creates it. */
  public RatioProvider() {
    super(Measure.RATIO, "p(2) / p(1), highest first (ratio of confidence)");
  }
}
