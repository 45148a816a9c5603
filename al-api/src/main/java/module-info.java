/**
 * The stable alkit SPI. A strategy plugin depends on this module alone and declares
 * {@code provides org.alkit.api.StrategyProvider with ...}.
 */
module org.alkit.api {
  requires static transitive org.apiguardian.api;

  exports org.alkit.api;

  uses org.alkit.api.StrategyProvider;
  uses org.alkit.api.ModelProvider;
  uses org.alkit.api.BackendProvider;
}
