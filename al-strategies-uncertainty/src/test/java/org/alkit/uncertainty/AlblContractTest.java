package org.alkit.uncertainty;

import org.alkit.api.StrategyProvider;
import org.alkit.testkit.StrategyContractTest;

class AlblContractTest extends StrategyContractTest {
  @Override
  protected StrategyProvider provider() {
    return new AlblProvider();
  }
}
