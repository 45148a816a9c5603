package org.alkit.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;

/** The service a model adapter publishes (ServiceLoader), selected by {@link #name()}. */
@API(status = STABLE, since = "0.1")
public interface ModelProvider {
  /** The name configuration selects it by, e.g. {@code logistic}. */
  String name();

  /** Creates the adapter from validated options. */
  ModelAdapter create(Options options);

  /** The options it accepts. */
  default List<Parameter> parameters() {
    return List.of();
  }
}
