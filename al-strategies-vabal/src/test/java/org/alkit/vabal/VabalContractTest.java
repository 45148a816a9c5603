package org.alkit.vabal;

import org.alkit.api.StrategyProvider;
import org.alkit.testkit.StrategyContractTest;

class VabalContractTest extends StrategyContractTest {
  @Override
  protected StrategyProvider provider() {
    return new VabalProvider();
  }
}
