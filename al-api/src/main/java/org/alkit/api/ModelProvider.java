package org.alkit.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
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
}
