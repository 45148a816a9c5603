package org.alkit.submodular.suggestive;

import org.alkit.api.StrategyProvider;
import org.alkit.testkit.StrategyContractTest;

/** The plugin contract for {@code suggestive-annotation}. */
class SuggestiveAnnotationContractTest extends StrategyContractTest {
  @Override
  protected StrategyProvider provider() {
    return new SuggestiveAnnotationProvider();
  }
}
