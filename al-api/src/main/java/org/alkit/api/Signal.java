package org.alkit.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * What a model adapter computes for a strategy. Each signal covers the whole pool: row {@code i}
 * belongs to pool item {@code i}, labeled or not.
 *
 * <p>Signals of {@link Shape#MATRIX} shape are read with {@link SelectionContext#matrix(Signal)};
 * those of {@link Shape#STACK} shape (a list of {@code n × C} matrices) with
 * {@link SelectionContext#stack(Signal)}.
 *
 * <p>Each signal declares the {@link Domain} its values must lie in; {@link SelectionContext}
 * checks it when the signal is first read. A new signal states its domain explicitly, so nothing
 * is validated as probabilities unless it says so.
 */
@API(status = STABLE, since = "0.1")
public enum Signal {
  /** Class probabilities p(y | x), {@code n × C}, rows sum to 1. */
  PROBABILITIES(Shape.MATRIX, Domain.PROBABILITY_ROWS),
  /** Feature embeddings (for BADGE: the penultimate layer), {@code n × d}. */
  EMBEDDINGS(Shape.MATRIX, Domain.FEATURES),
  /**
   * Last-layer gradient embeddings of BADGE (Ash et al., ICLR 2020), {@code n × (C·d)}: with
   * ŷ = argmax p (first maximum), g[c·d + j] = (p_c − [c = ŷ]) · h_j, i.e. (p − onehot(ŷ)) ⊗ h.
   */
  GRADIENT_EMBEDDINGS(Shape.MATRIX, Domain.FEATURES),
  /** Monte-Carlo dropout probabilities: {@code T} matrices of {@code n × C}. */
  MC_PROBABILITIES(Shape.STACK, Domain.PROBABILITY_ROWS),
  /** Committee probabilities: one {@code n × C} matrix per member. */
  COMMITTEE_PROBABILITIES(Shape.STACK, Domain.PROBABILITY_ROWS),
  /** The class probabilities of the previous round's model, {@code n × C}. */
  PREVIOUS_PROBABILITIES(Shape.MATRIX, Domain.PROBABILITY_ROWS),
  /**
   * The predicted class of every pool item after each epoch of the last fit, {@code n × T}: entry
   * (i, e) is argmax_c p_e(c | x_i) (the first maximum) of the model as it stood after epoch e + 1
   * of T, a class id stored as a float. What label dispersion (Bengar et al. 2021) and forgetting
   * events (Toneva et al., ICLR 2019) count from. The runtime records it through the model's
   * {@link FitPlan.Hook#EPOCH_PREDICTIONS} hook ({@link TrainingHooks}); {@code alkit select} reads
   * it from a {@code T × n} integer file.
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  PREDICTION_HISTORY(Shape.MATRIX, Domain.CLASS_IDS),
  /**
   * The pool items themselves, {@code n × d}: the rows the model is fitted on (an image's pixels,
   * flattened channel-major), whatever the model. Not computed by a model: the loop offers the
   * pool's rows with every model, and {@code alkit select} reads them from {@code --features}. For
   * strategies that learn a representation of the data apart from the classifier, such as VAAL's
   * VAE (Sinha et al., ICCV 2019) and MAL's encoder (Ebrahimi et al. 2021).
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  FEATURES(Shape.MATRIX, Domain.FEATURES);

  /** How a signal's values are laid out. */
  public enum Shape {
    /** One {@code n × k} matrix. */
    MATRIX,
    /** A list of {@code n × C} matrices (samples or members). */
    STACK
  }

  /** Where a signal's values must lie; checked on first read. */
  public enum Domain {
    /**
     * Features (embeddings): every value finite and, for d columns, |v| ≤ √(Float.MAX_VALUE / 4d)
     * ({@link Matrix#distanceSafeMagnitude}), so squared distances and dot products stay finite.
     */
    FEATURES,
    /**
     * Every value finite and non-negative, and every row summing to 1 within
     * {@link SelectionContext#PROBABILITY_TOLERANCE}.
     */
    PROBABILITY_ROWS,
    /**
     * Class ids: every value a whole number in [0, 2²⁴), so a float holds it exactly. Whether an id
     * is below the class count C is checked where C is known (e.g. {@code alkit select} with
     * probabilities).
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    CLASS_IDS
  }

  private final Shape shape;
  private final Domain domain;

  Signal(Shape shape, Domain domain) {
    this.shape = shape;
    this.domain = domain;
  }

  /** Where this signal's values must lie. */
  public Domain domain() {
    return domain;
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
