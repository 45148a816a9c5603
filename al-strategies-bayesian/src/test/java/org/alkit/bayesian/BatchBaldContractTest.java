package org.alkit.bayesian;

import org.alkit.api.StrategyProvider;
import org.alkit.testkit.StrategyContractTest;

class BatchBaldContractTest extends StrategyContractTest {
  @Override
  protected StrategyProvider provider() {
    return new BatchBaldProvider();
  }
}
