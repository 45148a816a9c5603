package org.alkit.cli;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.List;
import org.alkit.api.ComputeBackend;
import org.alkit.api.BackendProvider;
import org.alkit.runtime.Registry;

/** Micronaut beans the commands share: the plugin registry, loaded once per invocation. */
@Factory
class RuntimeBeans {
  @Singleton
  Registry registry() {
    return Registry.load();
  }

  /**
   * The compute backend {@code --backend} names, with the {@code --backend-option key=value}
   * pairs and its defaults for the rest; the caller closes it.
   */
  static ComputeBackend backend(Registry registry, String name, List<String> options) {
    BackendProvider p = Inputs.named("--backend", () -> registry.backend(name));
    return p.create(p.options(Inputs.keyValues("--backend-option", options)));
  }
}
