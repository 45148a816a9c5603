package org.alkit.runtime.model;

import java.util.List;
import org.alkit.api.Options;
import org.alkit.api.Parameter;

/**
 * The training options of the logistic model.
 *
 * @param l2 the L2 penalty λ on the weights, ≥ 0
 * @param iterations full-batch gradient steps, ≥ 1
 */
record LogisticOptions(double l2, int iterations) {
  /** The options {@link LogisticModelProvider} and {@link CommitteeModelProvider} declare. */
  static final List<Parameter> PARAMETERS = List.of(
      Parameter.real("l2", 1e-2, "L2 penalty on the weights (the bias is not penalised)").atLeast(0),
      Parameter.integer("iterations", 300, "full-batch Nesterov gradient steps").atLeast(1));

  /** The values of options resolved against {@link #PARAMETERS}, which bound both. */
  static LogisticOptions from(Options options) {
    return new LogisticOptions(options.getDouble("l2"), options.getInt("iterations"));
  }
}
