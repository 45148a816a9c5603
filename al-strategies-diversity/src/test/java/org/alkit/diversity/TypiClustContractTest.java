package org.alkit.diversity;

import org.alkit.api.StrategyProvider;
import org.alkit.testkit.StrategyContractTest;

class TypiClustContractTest extends StrategyContractTest {
  @Override
  protected StrategyProvider provider() {
    return new TypiClustProvider();
  }
}
