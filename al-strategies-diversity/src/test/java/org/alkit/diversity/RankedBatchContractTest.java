package org.alkit.diversity;

import org.alkit.api.StrategyProvider;
import org.alkit.testkit.StrategyContractTest;

class RankedBatchContractTest extends StrategyContractTest {
  @Override
  protected StrategyProvider provider() {
    return new RankedBatchProvider();
  }
}
