package org.alkit.uncertainty;

import org.alkit.api.InvalidInputException;
import org.alkit.api.Options;
import org.alkit.api.Parameter;

/**
 * The options of {@code alamp} and {@code alamp-div}.
 *
 * @param base the measure whose certainty alamp compares across rounds: one of
 *     {@link Measure#keys()}
 */
record AlampOptions(String base) {
  /** The {@code base} option as providers declare it. */
  static final Parameter BASE = Parameter.choice("base", Measure.MARGIN.key(),
      "certainty compared between rounds", Measure.keys());

  /**
   * Checks that {@code base} names a measure.
   *
   * @throws InvalidInputException naming the option, the value and the measures
   */
  AlampOptions {
    Measure.byKey(BASE.name(), base);
  }

  /** Reads the resolved options. */
  static AlampOptions from(Options options) {
    return new AlampOptions(options.getString(BASE.name()));
  }

  /** The measure {@link #base()} names. */
  Measure measure() {
    return Measure.byKey(BASE.name(), base);
  }
}
