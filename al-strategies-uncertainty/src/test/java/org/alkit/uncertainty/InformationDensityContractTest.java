package org.alkit.uncertainty;

import org.alkit.api.StrategyProvider;
import org.alkit.testkit.StrategyContractTest;

class InformationDensityContractTest extends StrategyContractTest {
  @Override
  protected StrategyProvider provider() {
    return new InformationDensityProvider();
  }
}
