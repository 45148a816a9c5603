package org.alkit.runtime.model;

import java.util.Arrays;
import java.util.List;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Options;
import org.alkit.api.Parameter;

/**
 * The training options of the svm model.
 *
 * @param c the penalty C of the hinge losses, &gt; 0, or 0 to choose it by cross-validation over
 *     {@code grid}
 * @param grid the candidate values of C, each &gt; 0, ascending
 * @param folds k of the k-fold cross-validations (of C, and of Platt's sigmoids), ≥ 2
 * @param balanced whether class k's losses weigh n / (K · n_k) (scikit-learn's
 *     {@code class_weight='balanced'}, K the classes seen), else 1
 */
record SvmOptions(double c, double[] grid, int folds, boolean balanced) {
  /** The options {@link SvmModelProvider} declares. */
  static final List<Parameter> PARAMETERS = List.of(
      Parameter.real("c", 0, "penalty C of the hinge losses; 0 chooses C by k-fold cross-validation over c-grid")
          .atLeast(0),
      Parameter.text("c-grid", "0.001,0.01,0.1,1,10,100", "the values of C the cross-validation tries"),
      Parameter.integer("folds", 5, "k of the k-fold cross-validations of C and of Platt's sigmoids").atLeast(2),
      Parameter.choice("class-weight", "none", "balanced: class k's losses weigh n / (K n_k), cost-sensitive",
          "none", "balanced"));

  SvmOptions {
    grid = grid.clone();
    if (grid.length == 0) {
      throw new InvalidInputException("model 'svm': option 'c-grid' is empty; expected values of C, e.g. 0.1,1,10");
    }
  }

  /** The values of options resolved against {@link #PARAMETERS}. */
  static SvmOptions from(Options options) {
    return new SvmOptions(options.getDouble("c"), grid(options.getString("c-grid")), options.getInt("folds"),
        options.getString("class-weight").equals("balanced"));
  }

  /** Whether C is chosen by cross-validation. */
  boolean crossValidated() {
    return c == 0;
  }

  private static double[] grid(String text) {
    String[] cells = text.split(",", -1);
    double[] out = new double[cells.length];
    for (int k = 0; k < cells.length; k++) {
      try {
        out[k] = Double.parseDouble(cells[k].strip());
      } catch (NumberFormatException e) {
        throw new InvalidInputException("model 'svm': option 'c-grid' = '" + text + "' holds '" + cells[k].strip()
            + "'; expected comma-separated positive numbers, e.g. 0.1,1,10", e);
      }
      if (!(out[k] > 0) || Double.isInfinite(out[k])) {
        throw new InvalidInputException("model 'svm': option 'c-grid' = '" + text + "' holds " + cells[k].strip()
            + "; expected finite values of C > 0");
      }
    }
    Arrays.sort(out);
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SvmOptions s && s.c == c && Arrays.equals(s.grid, grid) && s.folds == folds
        && s.balanced == balanced;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(c) * 31 + Arrays.hashCode(grid) * 17 + folds * 2 + (balanced ? 1 : 0);
  }

  @Override
  public String toString() {
    return "SvmOptions[c=" + (crossValidated() ? "cv over " + Arrays.toString(grid) : c) + ", folds=" + folds
        + ", class-weight=" + (balanced ? "balanced" : "none") + "]";
  }
}
