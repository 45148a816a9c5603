/** Datasets, scenarios and evaluation for alkit. */
module org.alkit.eval {
  requires transitive org.alkit.runtime;
  requires static transitive org.apiguardian.api;

  exports org.alkit.eval;
}
