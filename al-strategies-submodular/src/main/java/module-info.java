/**
 * Submodular set functions, kernels, greedy optimizers, the SMI/SCG/SCMI measures, SIMILAR, and
 * Suggestive Annotation (committee uncertainty, then facility location).
 *
 * <p>Exports only {@code org.alkit.submodular} (the {@link org.alkit.submodular.Maximizer} facade,
 * {@link org.alkit.submodular.SetFunctions} and their value types); the functions, optimizers,
 * kernel builder and the {@code similar} and {@code suggestive-annotation} strategies stay
 * internal and are reached through the facade or the {@link org.alkit.api.StrategyProvider}
 * service.
 */
module org.alkit.submodular {
  requires transitive org.alkit.api;
  requires static transitive org.apiguardian.api;
  requires ejml.core;
  requires ejml.ddense;

  exports org.alkit.submodular;

  provides org.alkit.api.StrategyProvider with
      org.alkit.submodular.similar.SimilarProvider,
      org.alkit.submodular.similar.FacilityLocationProvider,
      org.alkit.submodular.suggestive.SuggestiveAnnotationProvider;
}
