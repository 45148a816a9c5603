/**
 * VaB-AL for alkit ({@code vabal}): the Bayes-rule probability that the classifier errs, from a
 * class-conditional likelihood of the features, the class prior and the class difficulty. A module
 * apart from {@code org.alkit.bayesian} because its VAE trains a network with DJL's API, which the
 * Monte-Carlo strategies must not load. The VAE trains through the training capability of the API
 * ({@link org.alkit.api.NetworkTraining}: the configured engine, device and threads), never through
 * an engine module; DJL's engine itself (libtorch) is the backend's. Nothing is exported; the
 * provider is found through {@link org.alkit.api.StrategyProvider}.
 */
module org.alkit.vabal {
  requires transitive org.alkit.api;
  requires ai.djl.api;
  requires org.alkit.commons;
  requires static org.apiguardian.api;

  provides org.alkit.api.StrategyProvider with org.alkit.vabal.VabalProvider;
}
