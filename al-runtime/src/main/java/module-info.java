/**
 * The alkit runtime: plugin registries (ServiceLoader, or the OSGi service registry), the capability check, Guice wiring, the
 * active-learning loop, the pure-Java compute backend and models, .npy I/O and YAML configuration.
 */
module org.alkit.runtime {
  requires transitive org.alkit.api;
  requires org.alkit.commons;
  requires transitive com.google.guice;
  requires org.yaml.snakeyaml;
  requires static transitive org.apiguardian.api;
  // optional: the backend's register-blocked kernels, when the JVM resolves it (--add-modules)
  requires static jdk.incubator.vector;
  // optional: the OSGi service registry, when the runtime runs as a bundle (Registry.load)
  requires static osgi.core;

  exports org.alkit.runtime;

  opens org.alkit.runtime to com.google.guice;

  uses org.alkit.api.StrategyProvider;
  uses org.alkit.api.ModelProvider;
  uses org.alkit.api.BackendProvider;

  provides org.alkit.api.BackendProvider with org.alkit.runtime.backend.JavaBackendProvider;
  provides org.alkit.api.ModelProvider with
      org.alkit.runtime.model.LogisticModelProvider,
      org.alkit.runtime.model.CommitteeModelProvider;
}
