package org.alkit.gpu.model;

import java.util.List;
import java.util.stream.Stream;
import org.alkit.api.ModelAdapter;
import org.alkit.api.ModelProvider;
import org.alkit.api.Options;
import org.alkit.api.Parameter;

/**
 * A model that trains a network with DJL: the subclass names it and builds its
 * {@link Architecture}; the training options ({@link TrainingOptions#PARAMETERS} unless the
 * subclass leaves some out) and the adapter are the same for all. DJL is loaded only when
 * {@link #create} runs, never to list the provider.
 */
abstract class NetworkModelProvider implements ModelProvider {
  /** The options of the architecture, listed before the training options. */
  abstract List<Parameter> architectureParameters();

  /** The architecture the options describe; {@code owner} names the model in messages. */
  abstract Architecture architecture(String owner, Options options, TrainingOptions training);

  /** The training options this model takes: all of {@link TrainingOptions#PARAMETERS} by default. */
  List<Parameter> trainingParameters() {
    return TrainingOptions.PARAMETERS;
  }

  /** The training settings from the resolved options. */
  TrainingOptions training(Options options) {
    return TrainingOptions.from(options);
  }

  @Override
  public final List<Parameter> parameters() {
    return Stream.concat(architectureParameters().stream(), trainingParameters().stream()).toList();
  }

  @Override
  public final ModelAdapter create(Options options) {
    TrainingOptions training = training(options);
    return new NetworkAdapter(architecture("model '" + name() + "'", options, training), training);
  }
}
