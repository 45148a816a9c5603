/** Contract tests every strategy plugin, ours and third parties', runs with JUnit 5. */
module org.alkit.testkit {
  requires transitive org.alkit.api;
  requires org.alkit.commons;
  requires transitive org.junit.jupiter.api;
  requires transitive org.junit.jupiter.params;
  requires org.assertj.core;
  requires com.tngtech.archunit;
  requires static org.apiguardian.api;

  exports org.alkit.testkit;

  uses org.alkit.api.StrategyProvider;
  uses org.alkit.api.BackendProvider;
}
