/**
 * Submodular set functions, kernels, greedy optimizers, the SMI/SCG/SCMI measures and SIMILAR.
 *
 * <p>Exports only {@code org.alkit.submodular} (the {@link org.alkit.submodular.Maximizer} facade,
 * {@link org.alkit.submodular.SetFunctions} and their value types); the functions, optimizers,
 * kernel builder and the {@code similar} strategy stay internal and are reached through the facade
 * or the {@link org.alkit.api.StrategyProvider} service.
 */
module org.alkit.submodular {
  requires transitive org.alkit.api;
  requires static transitive org.apiguardian.api;
  requires ejml.core;
  requires ejml.ddense;

  exports org.alkit.submodular;

  provides org.alkit.api.StrategyProvider with org.alkit.submodular.similar.SimilarProvider;
}
