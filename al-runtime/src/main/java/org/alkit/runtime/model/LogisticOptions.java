package org.alkit.runtime.model;

import java.util.List;
import org.alkit.api.InvalidInputException;
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
      Parameter.real("l2", 1e-2, "L2 penalty on the weights (the bias is not penalised)"),
      Parameter.integer("iterations", 300, "full-batch Nesterov gradient steps"));

  LogisticOptions {
    if (!(l2 >= 0)) {
      throw new InvalidInputException("option 'l2' = " + l2 + ": expected >= 0");
    }
    if (iterations < 1) {
      throw new InvalidInputException("option 'iterations' = " + iterations + ": expected >= 1");
    }
  }

  /** The options' values, range-checked; the message names the owner, e.g. {@code model 'logistic'}. */
  static LogisticOptions from(Options options) {
    try {
      return new LogisticOptions(options.getDouble("l2"), options.getInt("iterations"));
    } catch (InvalidInputException e) {
      throw new InvalidInputException(options.owner() + ": " + e.getMessage(), e);
    }
  }
}
