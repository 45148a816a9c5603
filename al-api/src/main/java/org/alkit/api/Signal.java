package org.alkit.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * What a model adapter computes for a strategy. Each signal covers the whole pool: row {@code i}
 * belongs to pool item {@code i}, labeled or not.
 *
 * <p>Signals of {@link Shape#MATRIX} shape are read with {@link SelectionContext#matrix(Signal)};
 * those of {@link Shape#STACK} shape (a list of {@code n × C} matrices) with
 * {@link SelectionContext#stack(Signal)}.
 */
@API(status = STABLE, since = "0.1")
public enum Signal {
  /** Class probabilities p(y | x), {@code n × C}, rows sum to 1. */
  PROBABILITIES(Shape.MATRIX),
  /** Feature embeddings (for BADGE: the penultimate layer), {@code n × d}. */
  EMBEDDINGS(Shape.MATRIX),
  /** Last-layer gradient embeddings (p − onehot(ŷ)) ⊗ h, {@code n × (C·d)}. */
  GRADIENT_EMBEDDINGS(Shape.MATRIX),
  /** Monte-Carlo dropout probabilities: {@code T} matrices of {@code n × C}. */
  MC_PROBABILITIES(Shape.STACK),
  /** Committee probabilities: one {@code n × C} matrix per member. */
  COMMITTEE_PROBABILITIES(Shape.STACK),
  /** The class probabilities of the previous round's model, {@code n × C}. */
  PREVIOUS_PROBABILITIES(Shape.MATRIX);

  /** How a signal's values are laid out. */
  public enum Shape {
    /** One {@code n × k} matrix. */
    MATRIX,
    /** A list of {@code n × C} matrices (samples or members). */
    STACK
  }

  private final Shape shape;

  Signal(Shape shape) {
    this.shape = shape;
  }

  /** The layout of this signal's values. */
  public Shape shape() {
    return shape;
  }

  /** The lower-case, dash-separated name used in messages and configuration, e.g. {@code mc-probabilities}. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
