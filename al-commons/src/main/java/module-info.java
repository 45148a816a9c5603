/**
 * alkit's internal toolbox: one copy of each helper that several alkit modules need (top-k and
 * bounded heaps, argmax and top-2 of probability rows, entropy and KL divergence, SplitMix
 * hashing, the float {@code exp} of the euclidean similarity, the double {@code log} in scalar and SIMD form, the four-row multiply-add of blocked products, BADGE's gradient embeddings and their factorised
 * centre tracker, the base of alkit's centre trackers).
 *
 * <p>Not an API: the package is exported only to alkit's own modules, as JUnit's
 * {@code junit-platform-commons} exports its utilities only to JUnit's engines. Plugins depend on
 * {@code org.alkit.api} alone.
 */
@SuppressWarnings("module") // some of the friend modules are built after this one
module org.alkit.commons {
  requires transitive org.alkit.api;
  requires static org.apiguardian.api;
  // optional: VectorLog, for kernels that run when the JVM resolves it (--add-modules)
  requires static jdk.incubator.vector;

  exports org.alkit.commons to
      org.alkit.runtime,
      org.alkit.backend.java,
      org.alkit.uncertainty,
      org.alkit.diversity,
      org.alkit.submodular,
      org.alkit.bayesian,
      org.alkit.vabal,
      org.alkit.gpu,
      org.alkit.eval,
      org.alkit.cli,
      org.alkit.testkit;
}
