/** Submodular set functions, kernels, greedy optimizers, the SMI/SCG/SCMI measures and SIMILAR. */
module org.alkit.submodular {
  requires transitive org.alkit.api;
  requires static org.apiguardian.api;

  exports org.alkit.submodular;
}
