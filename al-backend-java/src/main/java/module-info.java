/**
 * alkit's pure-Java compute engine, the backend {@code java}: blocked, packed float kernels on a
 * fork-join pool (or the Vector API's register-blocked ones), the pruned nearest-centre tracker
 * and NN-Descent, deterministic for any thread count. It depends on {@code org.alkit.api} and
 * {@code org.alkit.commons} alone and exports nothing: the runtime, the testkit and the
 * {@code djl} backend find it through {@link org.alkit.api.BackendProvider}.
 */
module org.alkit.backend.java {
  requires org.alkit.api;
  requires org.alkit.commons;
  // optional: the register-blocked kernels, when the JVM resolves it (--add-modules)
  requires static jdk.incubator.vector;

  provides org.alkit.api.BackendProvider with org.alkit.backend.java.JavaBackendProvider;
}
