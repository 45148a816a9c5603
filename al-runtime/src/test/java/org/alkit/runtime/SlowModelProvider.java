package org.alkit.runtime;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alkit.api.FittedModel;
import org.alkit.api.Matrix;
import org.alkit.api.ModelAdapter;
import org.alkit.api.ModelProvider;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.Signal;

/** A test model: logistic regression whose every fit first sleeps {@code sleep-ms}, so fit times have a floor. */
public final class SlowModelProvider implements ModelProvider {
  static final String NAME = "test-slow";

  /** The ServiceLoader constructor. */
  public SlowModelProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(Parameter.integer("sleep-ms", 0, "milliseconds each fit sleeps first").atLeast(0));
  }

  @Override
  public ModelAdapter create(Options options) {
    long sleep = options.getInt("sleep-ms");
    ModelAdapter logistic = Registry.load().createModel("logistic", Map.of());
    return new ModelAdapter() {
      @Override
      public Set<Signal> offers() {
        return logistic.offers();
      }

      @Override
      public FittedModel fit(Matrix features, int[] labeled, int[] labels, int numClasses, long seed) {
        try {
          Thread.sleep(sleep);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while sleeping before a fit", e);
        }
        return logistic.fit(features, labeled, labels, numClasses, seed);
      }
    };
  }
}
