package org.alkit.diversity;

import org.alkit.api.StrategyProvider;
import org.alkit.testkit.StrategyContractTest;

class ProbCoverContractTest extends StrategyContractTest {
  @Override
  protected StrategyProvider provider() {
    return new ProbCoverProvider();
  }
}
