package org.alkit.runtime.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.alkit.api.FittedModel;
import org.alkit.api.Matrix;
import org.alkit.api.ModelAdapter;
import org.alkit.api.ModelProvider;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.Signal;

/**
 * Publishes the model {@value #NAME}: L2-regularised multinomial logistic regression on features
 * standardized over all rows given to {@code fit} (the pool), trained on the labeled rows by
 * full-batch Nesterov gradient descent with step 1/L from Böhning's Hessian bound.
 *
 * <p>Offers {@link Signal#PROBABILITIES}, {@link Signal#EMBEDDINGS} (the standardized features h)
 * and {@link Signal#GRADIENT_EMBEDDINGS} ((p − onehot(argmax p)) ⊗ h, Ash et al., "Deep Batch
 * Active Learning by Diverse, Uncertain Gradient Lower Bounds", ICLR 2020). Options: {@code l2}
 * (default 0.01) and {@code iterations} (default 300). Deterministic: training draws no random
 * numbers. Every class in {@code [0, numClasses)} gets a column, seen or not.
 */
public final class LogisticModelProvider implements ModelProvider {
  /** The name configuration selects this model by. */
  public static final String NAME = "logistic";

  private static final Set<Signal> OFFERS =
      Set.copyOf(EnumSet.of(Signal.PROBABILITIES, Signal.EMBEDDINGS, Signal.GRADIENT_EMBEDDINGS));

  /** The ServiceLoader constructor. */
  public LogisticModelProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Parameter> parameters() {
    return LogisticOptions.PARAMETERS;
  }

  @Override
  public ModelAdapter create(Options options) {
    LogisticOptions settings = LogisticOptions.from(options);
    return new ModelAdapter() {
      @Override
      public Set<Signal> offers() {
        return OFFERS;
      }

      @Override
      public FittedModel fit(Matrix features, int[] labeled, int[] labels, int numClasses, long seed) {
        FitInputs.check(features, labeled, labels, numClasses);
        Standardizer standardizer = Standardizer.fit(features);
        Matrix h = standardizer.apply(features);
        return new LinearFittedModel("model '" + NAME + "'", OFFERS, standardizer,
            List.of(SoftmaxRegression.train(h, labeled, labels, numClasses, settings)));
      }

      @Override
      public String toString() {
        return "model '" + NAME + "' " + settings;
      }
    };
  }
}
