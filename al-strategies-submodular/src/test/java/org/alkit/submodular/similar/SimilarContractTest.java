package org.alkit.submodular.similar;

import java.util.Set;
import org.alkit.api.SelectionContext;
import org.alkit.api.StrategyProvider;
import org.alkit.testkit.StrategyContractTest;

/** The plugin contract for {@code similar}, in a rare-class scenario (class 0 is rare). */
class SimilarContractTest extends StrategyContractTest {
  @Override
  protected StrategyProvider provider() {
    return new SimilarProvider();
  }

  /**
   * SIMILAR builds a dense n × n kernel: 1 500 items still cross its thresholds (gain batches
   * from 256 items, the backend's 512-row blocks and 528-row tiles).
   */
  @Override
  protected int largePoolSize() {
    return 1_500;
  }

  @Override
  protected SelectionContext.Builder context(int poolSize, int labeled, int budget, long seed) {
    SelectionContext.Builder b = super.context(poolSize, labeled, budget, seed);
    return b.hints(b.build().hints().withScenario("rare-classes").withRareClasses(Set.of(0)));
  }
}
