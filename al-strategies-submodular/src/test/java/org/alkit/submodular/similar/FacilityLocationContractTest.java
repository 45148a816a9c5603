package org.alkit.submodular.similar;

import org.alkit.api.StrategyProvider;
import org.alkit.testkit.StrategyContractTest;

/** The plugin contract for {@code facility-location}. */
class FacilityLocationContractTest extends StrategyContractTest {
  @Override
  protected StrategyProvider provider() {
    return new FacilityLocationProvider();
  }

  /** A dense n × n kernel, as SIMILAR's: 1 500 items still cross its blocking thresholds. */
  @Override
  protected int largePoolSize() {
    return 1_500;
  }
}
