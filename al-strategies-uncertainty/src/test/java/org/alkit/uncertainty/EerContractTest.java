package org.alkit.uncertainty;

import org.alkit.api.FittedModel;
import org.alkit.api.Matrix;
import org.alkit.api.Refitting;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.StrategyProvider;
import org.alkit.testkit.StrategyContractTest;

/**
 * The contract for eer, whose context binds a {@link CentroidModel} fitted on the labeled features
 * and its refits, as the loop binds the round's model.
 */
class EerContractTest extends StrategyContractTest {
  @Override
  protected StrategyProvider provider() {
    return new ExpectedErrorReductionProvider();
  }

  @Override
  protected int largePoolSize() {
    return 4_000;
  }

  @Override
  protected SelectionContext.Builder context(int poolSize, int labeled, int budget, long seed) {
    SelectionContext.Builder b = super.context(poolSize, labeled, budget, seed);
    SelectionContext base = b.build();
    Matrix features = base.matrix(Signal.FEATURES);
    int classes = base.matrix(Signal.PROBABILITIES).cols();
    CentroidModel model = CentroidModel.fit(features, base.labeled(), base.labels(), classes);
    return b.capability(Refitting.class, CentroidModel.REFITTING).capability(FittedModel.class, model);
  }
}
