package org.alkit.runtime;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.commons.Probabilities;
import org.apiguardian.api.API;

/**
 * CEAL's pseudo-labels (Wang, Zhang, Li, Zhang and Lin, "Cost-Effective Active Learning for Deep
 * Image Classification", IEEE TCSVT 2016), a loop option of {@code run} and of eval cells:
 *
 * <pre>{@code
 * pseudo-labels: {threshold: 0.05, decay: 0.0033}
 * }</pre>
 *
 * Before the fit of round r (and before the final fit, r one past the last round), every item
 * still unlabeled whose class distribution under the previous fit has an entropy below
 *
 * <pre>  δ_r = δ₀ − d·r        (nats; threshold δ₀, decay d)</pre>
 *
 * joins that fit with its most probable class as its label, weight 1 (the model's
 * {@link org.alkit.api.FitPlan.Hook#EXTRA_ITEMS}). Round 1 has no previous fit, so none. The
 * items never count as labeled, never reach the oracle or the strategy's labeled set, and are
 * chosen afresh for every fit, as CEAL's high-confidence set is. A run with them needs a model that
 * trains on extra items ({@code mlp}, {@code cnn}, {@code logistic}); it is refused before round 1
 * otherwise.
 *
 * @param threshold δ₀, the entropy below which a prediction becomes a pseudo-label, finite and ≥ 0
 * @param decay d, by which the threshold falls each round, finite and ≥ 0
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record PseudoLabels(double threshold, double decay) {
  /** The configuration key. */
  public static final String KEY = "pseudo-labels";

  private static final List<String> KEYS = List.of("threshold", "decay");
  private static final String FORM = "{threshold: δ₀, decay: d}";

  /**
   * Checks both values.
   *
   * @throws InvalidInputException naming the key and the bad value
   */
  public PseudoLabels {
    nonNegative(KEY + ".threshold", "threshold", threshold);
    nonNegative(KEY + ".decay", "decay", decay);
  }

  /** {@code value}, checked to be finite and ≥ 0; {@code path} names it in the message. */
  private static double nonNegative(String path, String name, double value) {
    if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
      throw new InvalidInputException(path + " = " + value + "; expected a finite " + name + " >= 0");
    }
    return value;
  }

  /** δ_r = δ₀ − d·r, the entropy threshold of the fit of round {@code round}. */
  public double threshold(int round) {
    return threshold - decay * round;
  }

  /**
   * The items of {@code candidates} whose row of {@code probabilities} has an entropy below
   * {@link #threshold(int)}, ascending, with their most probable class (the first among equals).
   */
  public Chosen choose(Matrix probabilities, int[] candidates, int round) {
    double delta = threshold(round);
    int[] items = Arrays.stream(candidates).filter(i -> Probabilities.entropy(probabilities, i) < delta).toArray();
    int[] labels = Arrays.stream(items).map(i -> Probabilities.argmax(probabilities, i)).toArray();
    return new Chosen(items, labels);
  }

  /**
   * The pseudo-labelled items of one fit.
   *
   * @param items pool items, ascending
   * @param labels their predicted classes, position by position
   */
  public record Chosen(int[] items, int[] labels) {
    /** Copies the arrays. */
    public Chosen {
      items = items.clone();
      labels = labels.clone();
    }

    /** The items (a copy). */
    @Override
    public int[] items() {
      return items.clone();
    }

    /** Their classes (a copy). */
    @Override
    public int[] labels() {
      return labels.clone();
    }

    /** How many of them {@code truth} (the pool's true labels) contradicts. */
    public int wrong(int[] truth) {
      int wrong = 0;
      for (int k = 0; k < items.length; k++) {
        wrong += truth[items[k]] == labels[k] ? 0 : 1;
      }
      return wrong;
    }
  }

  /**
   * The option under {@link #KEY} of {@code parent} (a run configuration, or an evaluation
   * matrix's strategy entry) as YAML gives it, {@code {threshold: δ₀, decay: d}} ({@code decay}
   * defaults to 0), or empty when the key is absent.
   *
   * @throws InvalidInputException naming the key path, the bad value and what was expected
   */
  public static Optional<PseudoLabels> read(YamlTree parent) {
    if (!parent.has(KEY)) {
      return Optional.empty();
    }
    Object value = parent.get(KEY);
    if (!(value instanceof Map)) {
      throw parent.bad(KEY, value, FORM);
    }
    YamlTree tree = YamlTree.of(value, parent.path(KEY), parent.path(KEY) + ".", KEYS);
    if (!tree.has("threshold")) {
      throw new InvalidInputException(tree.what() + " has no 'threshold'; expected " + FORM);
    }
    return Optional.of(new PseudoLabels(nonNegative(tree.path("threshold"), "threshold", tree.real("threshold", 0)),
        nonNegative(tree.path("decay"), "decay", tree.real("decay", 0))));
  }

  /** As {@link #read} reads it back. */
  public Map<String, Object> toTree() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("threshold", threshold);
    out.put("decay", decay);
    return out;
  }
}
