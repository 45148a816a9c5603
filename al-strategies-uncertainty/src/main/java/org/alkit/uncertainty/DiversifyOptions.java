package org.alkit.uncertainty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Options;
import org.alkit.api.Parameter;

/**
 * The options of {@code diversify}.
 *
 * @param base the order to diversify: {@value #RANDOM} or one of {@link Measure#keys()}
 */
record DiversifyOptions(String base) {
  /** The base that scores every candidate uniformly at random (the paper's rand-div). */
  static final String RANDOM = "random";
  /** The {@code base} option as the provider declares it. */
  static final Parameter BASE = Parameter.choice("base", Measure.MARGIN.key(),
      "order to diversify", choices());

  /**
   * Checks that {@code base} is {@value #RANDOM} or a measure.
   *
   * @throws InvalidInputException naming the option, the value and the choices
   */
  DiversifyOptions {
    if (!Arrays.asList(choices()).contains(base)) {
      throw new InvalidInputException("option '" + BASE.name() + "' = '" + base
          + "': expected one of " + String.join(", ", choices()));
    }
  }

  /** Reads the resolved options. */
  static DiversifyOptions from(Options options) {
    return new DiversifyOptions(options.getString(BASE.name()));
  }

  /** The scorer {@link #base()} names; {@value #RANDOM} draws from {@code ctx.random()}. */
  Scorer scorer() {
    if (base.equals(RANDOM)) {
      return (ctx, candidates) -> {
        var rng = ctx.random();
        double[] scores = new double[candidates.length];
        for (int k = 0; k < scores.length; k++) {
          scores[k] = rng.nextDouble();
        }
        return scores;
      };
    }
    return Measure.byKey(BASE.name(), base).scorer();
  }

  private static String[] choices() {
    List<String> choices = new ArrayList<>(List.of(Measure.keys()));
    choices.add(RANDOM);
    return choices.toArray(String[]::new);
  }
}
