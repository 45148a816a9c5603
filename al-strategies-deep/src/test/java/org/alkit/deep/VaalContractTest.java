package org.alkit.deep;

import org.alkit.api.StrategyProvider;
import org.alkit.testkit.StrategyContractTest;

/** The contract, at 3 epochs per selection ({@link Shortened}). */
class VaalContractTest extends StrategyContractTest {
  @Override
  protected StrategyProvider provider() {
    return new Shortened(new VaalProvider(), 3);
  }

  /**
   * vaal hands no work to the compute backend (its networks run on libtorch's intra-op threads), so
   * no parallel threshold needs crossing; a small pool keeps each selection's training short.
   */
  @Override
  protected int largePoolSize() {
    return 300;
  }
}
