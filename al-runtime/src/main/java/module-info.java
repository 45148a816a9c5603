/**
 * The alkit runtime: plugin registries (ServiceLoader, or the OSGi service registry), the capability check, Guice wiring, the
 * active-learning loop, the pure-Java models, .npy I/O and YAML configuration. Compute engines (the
 * pure-Java {@code java} backend in {@code org.alkit.backend.java}, al-gpu's {@code djl}) are found
 * through {@link org.alkit.api.BackendProvider} only; the runtime compiles against none of them.
 */
module org.alkit.runtime {
  requires transitive org.alkit.api;
  requires org.alkit.commons;
  requires transitive com.google.guice;
  requires org.yaml.snakeyaml;
  // LIBLINEAR's Java port (an automatic module), the svm model's solver
  requires liblinear;
  requires static transitive org.apiguardian.api;
  // optional: the OSGi service registry, when the runtime runs as a bundle (Registry.load)
  requires static osgi.core;

  exports org.alkit.runtime;

  opens org.alkit.runtime to com.google.guice;

  uses org.alkit.api.StrategyProvider;
  uses org.alkit.api.ModelProvider;
  uses org.alkit.api.BackendProvider;
  // engine: spark of a run's configuration (al-spark, on the class path when the launcher runs with it)
  uses org.alkit.runtime.SelectionEngine;

  provides org.alkit.api.ModelProvider with
      org.alkit.runtime.model.LogisticModelProvider,
      org.alkit.runtime.model.SvmModelProvider,
      org.alkit.runtime.model.CommitteeModelProvider;
}
