package org.alkit.uncertainty;

import org.alkit.api.StrategyProvider;
import org.alkit.testkit.StrategyContractTest;

class AlampDivContractTest extends StrategyContractTest {
  @Override
  protected StrategyProvider provider() {
    return new AlampDivProvider();
  }
}
