package org.alkit.bayesian;

import java.util.List;
import java.util.Set;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;
import org.alkit.testkit.StrategyContractTest;

/** The contract of {@code variation-ratio} with {@code over: committee-probabilities} as its default. */
class VariationRatioCommitteeContractTest extends StrategyContractTest {
  @Override
  protected StrategyProvider provider() {
    VariationRatioProvider real = new VariationRatioProvider();
    return new StrategyProvider() {
      @Override
      public String name() {
        return real.name();
      }

      @Override
      public String family() {
        return real.family();
      }

      @Override
      public List<Parameter> parameters() {
        Parameter over = real.parameters().get(0);
        return List.of(Parameter.choice(over.name(), Signal.COMMITTEE_PROBABILITIES.key(), over.description(),
            over.choices().toArray(String[]::new)));
      }

      @Override
      public Set<Signal> requires() {
        return real.requires(defaults());
      }

      @Override
      public Strategy create(Options options) {
        return real.create(options);
      }
    };
  }
}
