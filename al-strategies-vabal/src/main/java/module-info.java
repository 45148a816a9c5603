/**
 * VaB-AL for alkit ({@code vabal}): the Bayes-rule probability that the classifier errs, from a
 * class-conditional likelihood of the features, the class prior and the class difficulty. A module
 * apart from {@code org.alkit.bayesian} because its VAE trains a network with DJL, which the
 * Monte-Carlo strategies must not load. It starts libtorch through alkit's DJL module
 * ({@code org.alkit.gpu}'s engine door), so the VAE and alkit's networks share one engine
 * configuration and one training lock. Nothing is exported; the provider is found through
 * {@link org.alkit.api.StrategyProvider}.
 */
module org.alkit.vabal {
  requires transitive org.alkit.api;
  requires ai.djl.api;
  requires org.alkit.commons;
  requires org.alkit.gpu;
  requires static org.apiguardian.api;

  provides org.alkit.api.StrategyProvider with org.alkit.vabal.VabalProvider;
}
