package org.alkit.uncertainty;

import java.util.List;
import java.util.Set;
import org.alkit.api.Parameter;
import org.alkit.api.Signal;

/**
 * What {@code alamp} and {@code alamp-div} share: they require {@code probabilities}, read
 * {@code previous-probabilities} when the previous round left them, and take option {@code base}.
 */
abstract class AlampFamilyProvider extends UncertaintyProvider {
  AlampFamilyProvider(String name, String description) {
    super(name, description, Set.of(Signal.PROBABILITIES));
  }

  /** {@code previous-probabilities}, absent in the first round. */
  @Override
  public final Set<Signal> uses() {
    return Set.of(Signal.PREVIOUS_PROBABILITIES);
  }

  /** {@code base}. */
  @Override
  public final List<Parameter> parameters() {
    return List.of(AlampOptions.BASE);
  }
}
