package org.alkit.vabal;

import org.alkit.api.StrategyProvider;
import org.alkit.testkit.StrategyContractTest;

class VabalContractTest extends StrategyContractTest {
  @Override
  protected StrategyProvider provider() {
    return new VabalProvider();
  }

  /**
   * vabal hands no work to the compute backend (its VAE runs on libtorch's single intra-op
   * thread), so no parallel threshold needs crossing; a small pool keeps the default VAE's 50
   * epochs and 100 draws in seconds.
   */
  @Override
  protected int largePoolSize() {
    return 1_000;
  }
}
