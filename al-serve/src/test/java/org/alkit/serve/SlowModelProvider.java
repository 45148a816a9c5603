package org.alkit.serve;

import org.alkit.api.FittedModel;
import org.alkit.api.Matrix;
import org.alkit.api.ModelAdapter;
import org.alkit.api.ModelProvider;
import org.alkit.api.Options;
import org.alkit.api.Signal;
import org.alkit.runtime.model.LogisticModelProvider;

/**
 * {@code slow-logistic}: the logistic model, each fit two seconds late, so that a test can kill the
 * server while a round fits.
 */
public final class SlowModelProvider implements ModelProvider {
  /** How long each fit waits before it fits. */
  static final long DELAY_MILLIS = 2_000;

  @Override
  public String name() {
    return "slow-logistic";
  }

  @Override
  public ModelAdapter create(Options options) {
    ModelAdapter logistic = new LogisticModelProvider().create(new LogisticModelProvider().options(java.util.Map.of()));
    return new ModelAdapter() {
      @Override
      public java.util.Set<Signal> offers() {
        return logistic.offers();
      }

      @Override
      public FittedModel fit(Matrix features, int[] labeled, int[] labels, int numClasses, long seed) {
        try {
          Thread.sleep(DELAY_MILLIS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
        return logistic.fit(features, labeled, labels, numClasses, seed);
      }
    };
  }
}
