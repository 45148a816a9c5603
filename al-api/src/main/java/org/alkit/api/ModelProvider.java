package org.alkit.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/** The service a model adapter publishes (ServiceLoader), selected by {@link #name()}. */
@API(status = STABLE, since = "0.1")
public interface ModelProvider {
  /** The name configuration selects it by, e.g. {@code logistic}. */
  String name();

  /** One line on what the model is and which signals it offers, for listings; empty by default. */
  @API(status = EXPERIMENTAL, since = "0.2")
  default String description() {
    return "";
  }

  /** Creates the adapter from validated options. */
  ModelAdapter create(Options options);

  /** The options it accepts. */
  default List<Parameter> parameters() {
    return List.of();
  }

  /**
   * {@code given} resolved against {@link #parameters()} ({@link Options#resolve}), their owner
   * named {@code model 'NAME'} in messages: what {@link #create(Options)} takes.
   *
   * @throws InvalidInputException on an unknown key, or a value of the wrong type or outside its
   *     choices or range
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  default Options options(Map<String, String> given) {
    return Options.resolve("model '" + name() + "'", parameters(), given);
  }
}
