package org.alkit.submodular;

import org.alkit.testkit.NoOwnThreads;
import org.junit.jupiter.api.Test;

/**
 * The whole module, not only the {@code similar} strategy's package that its contract test
 * checks: the facade, functions, kernels and optimizers run their parallel work on the compute
 * backend.
 */
class ArchitectureTest {
  @Test
  void noPackageStartsThreadsOfItsOwn() {
    NoOwnThreads.check("org.alkit.submodular");
  }
}
