package org.alkit.cli;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.alkit.api.ComputeBackend;
import org.alkit.api.Options;
import org.alkit.api.BackendProvider;
import org.alkit.runtime.Registry;

/** Micronaut beans the commands share: the plugin registry, loaded once per invocation. */
@Factory
class RuntimeBeans {
  @Singleton
  Registry registry() {
    return Registry.load();
  }

  /** The compute backend {@code --backend} names, at its default options; the caller closes it. */
  static ComputeBackend backend(Registry registry, String name) {
    BackendProvider p = Inputs.named("--backend", () -> registry.backend(name));
    return p.create(Options.defaults("backend '" + name + "'", p.parameters()));
  }
}
