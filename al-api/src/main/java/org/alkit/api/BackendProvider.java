package org.alkit.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/** The service a compute backend publishes (ServiceLoader), selected by {@link #name()}. */
@API(status = STABLE, since = "0.1")
public interface BackendProvider {
  /** The name configuration selects it by, e.g. {@code java} or {@code djl}. */
  String name();

  /** Creates the backend from validated options; the caller owns it and closes it. */
  ComputeBackend create(Options options);

  /** The options it accepts (threads, block size, device…). */
  default List<Parameter> parameters() {
    return List.of();
  }

  /**
   * {@code given} resolved against {@link #parameters()} ({@link Options#resolve}), their owner
   * named {@code backend 'NAME'} in messages: what {@link #create(Options)} takes.
   *
   * @throws InvalidInputException on an unknown key, or a value of the wrong type or outside its
   *     choices or range
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  default Options options(Map<String, String> given) {
    return Options.resolve("backend '" + name() + "'", parameters(), given);
  }

  /**
   * The capability types every backend this provider creates offers through
   * {@link ComputeBackend#capability}, e.g. {@link NetworkTraining}: declared, so the runtime can
   * check a strategy's needs, and find a backend that serves a capability the configured one
   * lacks, before creating any. The default declares none.
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  default Set<Class<?>> capabilities() {
    return Set.of();
  }
}
