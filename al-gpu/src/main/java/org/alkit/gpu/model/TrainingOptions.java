package org.alkit.gpu.model;

import java.util.List;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Options;
import org.alkit.api.Parameter;

/**
 * How a network is trained and sampled, shared by {@code mlp} and {@code cnn}: Adam (Kingma and Ba
 * 2015) on the mean cross-entropy of the labeled items, with L2 weight decay, in shuffled
 * mini-batches for a fixed number of epochs.
 *
 * @param dropout the dropout rate p of every dropout layer, in [0, 1)
 * @param epochs passes over the labeled set, ≥ 1
 * @param batchSize items per gradient step, ≥ 1
 * @param learningRate Adam's step size, > 0
 * @param weightDecay the L2 penalty added to each weight's gradient, ≥ 0
 * @param warm {@code retrain: warm} (continue from the previous round's weights) instead of
 *     {@code scratch} (fresh weights every round: DISTIL's finding, Ash and Adams 2020, is that
 *     warm starts generalise worse)
 * @param mcSamples T, the forward passes with dropout active behind {@code mc-probabilities}, ≥ 1
 * @param device {@code cpu}, {@code gpu} or {@code gpu:N}
 */
record TrainingOptions(double dropout, int epochs, int batchSize, double learningRate, double weightDecay,
    boolean warm, int mcSamples, String device) {

  static final List<Parameter> PARAMETERS = List.of(
      Parameter.real("dropout", 0.25, "dropout rate p before the last layer (and after the convolutions)")
          .atLeast(0).below(1),
      Parameter.integer("epochs", 30, "passes over the labeled set per fit").atLeast(1),
      Parameter.integer("batch-size", 64, "labeled items per Adam step").atLeast(1),
      Parameter.real("learning-rate", 1e-3, "Adam step size").above(0),
      Parameter.real("weight-decay", 1e-4, "L2 penalty on the weights").atLeast(0),
      Parameter.choice("retrain", "scratch", "fresh weights every round, or warm: start from the previous round's",
          "scratch", "warm"),
      Parameter.integer("mc-samples", 20, "T: forward passes with dropout active for mc-probabilities").atLeast(1),
      Parameter.text("device", "cpu", "cpu, gpu or gpu:N"));

  /** The values of options resolved against {@link #PARAMETERS}, which bound each. */
  static TrainingOptions from(Options options) {
    return from(options, options.getDouble("dropout"), options.getDouble("weight-decay"));
  }

  /**
   * The values of options resolved against {@link #PARAMETERS} (or {@link #parametersWithout} some
   * of them) with the regularisation given instead of read, for a model that regularises otherwise
   * (Bayes by backprop: its prior).
   */
  static TrainingOptions from(Options options, double dropout, double weightDecay) {
    return new TrainingOptions(dropout, options.getInt("epochs"), options.getInt("batch-size"),
        options.getDouble("learning-rate"), weightDecay, options.getString("retrain").equals("warm"),
        options.getInt("mc-samples"), options.getString("device"));
  }

  /** {@link #PARAMETERS} without {@code names}. */
  static List<Parameter> parametersWithout(String... names) {
    List<String> left = List.of(names);
    return PARAMETERS.stream().filter(p -> !left.contains(p.name())).toList();
  }

  /**
   * Positive integers from a comma-separated option such as {@code hidden = 256,128}.
   *
   * @throws InvalidInputException naming the option and the bad value
   */
  static int[] sizes(Options options, String key) {
    String text = options.getString(key).trim();
    try {
      int[] sizes = text.isEmpty() ? new int[0]
          : java.util.Arrays.stream(text.split("\\s*,\\s*")).mapToInt(Integer::parseInt).toArray();
      for (int s : sizes) {
        if (s < 1) {
          throw new NumberFormatException("size " + s);
        }
      }
      return sizes;
    } catch (NumberFormatException e) {
      throw new InvalidInputException(options.owner() + ": option '" + key + "' = '" + text
          + "'; expected positive integers separated by commas, e.g. 256,128", e);
    }
  }
}
