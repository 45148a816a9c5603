package org.alkit.uncertainty;

import org.alkit.api.StrategyProvider;
import org.alkit.testkit.StrategyContractTest;

class ConsensusEntropyContractTest extends StrategyContractTest {
  @Override
  protected StrategyProvider provider() {
    return new ConsensusEntropyProvider();
  }
}
