package org.alkit.uncertainty;

import org.alkit.api.StrategyProvider;
import org.alkit.testkit.StrategyContractTest;

class EglContractTest extends StrategyContractTest {
  @Override
  protected StrategyProvider provider() {
    return new EglProvider();
  }
}
