package org.alkit.diversity;

import org.alkit.api.StrategyProvider;
import org.alkit.testkit.StrategyContractTest;

class DiscriminativeContractTest extends StrategyContractTest {
  @Override
  protected StrategyProvider provider() {
    return new DiscriminativeProvider();
  }

  @Override
  protected int largePoolSize() {
    return 4_000;
  }
}
