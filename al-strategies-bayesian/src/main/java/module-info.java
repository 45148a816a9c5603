/**
 * alkit's Bayesian strategies over Monte-Carlo forward passes: {@code bald},
 * {@code variation-ratio}, {@code mean-std}, {@code batch-bald} and {@code power-bald}. Nothing is
 * exported; the providers are found through {@link org.alkit.api.StrategyProvider}.
 */
module org.alkit.bayesian {
  requires transitive org.alkit.api;
  requires org.alkit.commons;
  requires static org.apiguardian.api;
  // optional: BALD's SIMD kernel, when the JVM resolves it (--add-modules); same bits without it
  requires static jdk.incubator.vector;

  provides org.alkit.api.StrategyProvider with
      org.alkit.bayesian.BaldProvider,
      org.alkit.bayesian.VariationRatioProvider,
      org.alkit.bayesian.MeanStdProvider,
      org.alkit.bayesian.BatchBaldProvider,
      org.alkit.bayesian.PowerBaldProvider;
}
