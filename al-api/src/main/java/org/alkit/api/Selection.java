package org.alkit.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a strategy picked: pool indices in pick order, with the score (or marginal gain) of each
 * pick, the strategy's name and the option values it ran with.
 */
@API(status = STABLE, since = "0.1")
public final class Selection {
  private final String strategy;
  private final Map<String, String> parameters;
  private final int[] indices;
  private final double[] scores;

  /**
   * @param strategy the strategy's name
   * @param parameters option values, in declaration order
   * @param indices picked pool indices in pick order (copied)
   * @param scores the score or gain of each pick (copied), same length as {@code indices}
   */
  public Selection(String strategy, Map<String, String> parameters, int[] indices, double[] scores) {
    this.strategy = Objects.requireNonNull(strategy, "strategy");
    this.parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    if (indices.length != scores.length) {
      throw new IllegalArgumentException("indices.length = " + indices.length
          + " but scores.length = " + scores.length + "; expected one score per pick");
    }
    this.indices = indices.clone();
    this.scores = scores.clone();
  }

  /** A selection by a strategy configured with {@code options}. */
  public static Selection of(String strategy, Options options, int[] indices, double[] scores) {
    return new Selection(strategy, options.asText(), indices, scores);
  }

  /** The strategy's name. */
  public String strategy() {
    return strategy;
  }

  /** The option values the strategy ran with. */
  public Map<String, String> parameters() {
    return parameters;
  }

  /** Picked pool indices in pick order (a copy). */
  public int[] indices() {
    return indices.clone();
  }

  /** Score or marginal gain of each pick (a copy). */
  public double[] scores() {
    return scores.clone();
  }

  /** Number of picks. */
  public int size() {
    return indices.length;
  }

  /** The {@code k}-th pick. */
  public int index(int k) {
    return indices[k];
  }

  /** The score of the {@code k}-th pick. */
  public double score(int k) {
    return scores[k];
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Selection)) {
      return false;
    }
    Selection s = (Selection) o;
    return strategy.equals(s.strategy) && parameters.equals(s.parameters)
        && Arrays.equals(indices, s.indices) && Arrays.equals(scores, s.scores);
  }

  @Override
  public int hashCode() {
    return Objects.hash(strategy, parameters, Arrays.hashCode(indices), Arrays.hashCode(scores));
  }

  @Override
  public String toString() {
    return strategy + parameters + " " + Arrays.toString(indices);
  }
}
