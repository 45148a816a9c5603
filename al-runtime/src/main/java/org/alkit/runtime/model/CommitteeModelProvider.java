package org.alkit.runtime.model;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.alkit.api.FittedModel;
import org.alkit.api.Matrix;
import org.alkit.api.ModelAdapter;
import org.alkit.api.ModelProvider;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.Signal;
import org.alkit.commons.Permutations;

/**
 * Publishes the model {@value #NAME}: a query-by-committee ensemble (Seung, Opper and Sompolinsky
 * 1992) of {@code members} copies of the {@code base} model, each trained on a bootstrap resample
 * of the labeled set (Breiman 1996, "bagging"; Abe and Mamitsuka 1998). Member {@code m} draws its
 * resample from the {@code m}-th {@link SplittableRandom#split()} of the fit seed, so a seed
 * fixes the committee.
 *
 * <p>Offers {@link Signal#COMMITTEE_PROBABILITIES} (one matrix per member),
 * {@link Signal#PROBABILITIES} (the members' mean, the consensus) and {@link Signal#EMBEDDINGS}
 * (the standardized features). Options: {@code members} (default 5), {@code base} (only
 * {@code logistic}), and the base's {@code l2} and {@code iterations}.
 */
public final class CommitteeModelProvider implements ModelProvider {
  /** The name configuration selects this model by. */
  public static final String NAME = "committee";

  private static final Set<Signal> OFFERS = Set.copyOf(
      EnumSet.of(Signal.PROBABILITIES, Signal.EMBEDDINGS, Signal.COMMITTEE_PROBABILITIES));

  /** The ServiceLoader constructor. */
  public CommitteeModelProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "bootstrap committee of logistic regressions (bagging); committee probabilities and their mean";
  }

  @Override
  public List<Parameter> parameters() {
    return Stream.concat(
        Stream.of(
            Parameter.integer("members", 5, "committee size M").atLeast(1),
            Parameter.choice("base", LogisticModelProvider.NAME, "the members' model",
                LogisticModelProvider.NAME)),
        LogisticOptions.PARAMETERS.stream()).toList();
  }

  @Override
  public ModelAdapter create(Options options) {
    int members = options.getInt("members");
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
        SplittableRandom root = new SplittableRandom(seed);
        List<SoftmaxRegression> committee = new ArrayList<>(members);
        for (int m = 0; m < members; m++) {
          int[] picks = Permutations.bootstrap(labeled.length, root.split());
          int[] rows = new int[labeled.length];
          int[] y = new int[labeled.length];
          for (int r = 0; r < rows.length; r++) {
            rows[r] = labeled[picks[r]];
            y[r] = labels[picks[r]];
          }
          committee.add(SoftmaxRegression.train(h, rows, y, numClasses, settings));
        }
        return new LinearFittedModel("model '" + NAME + "'", OFFERS, standardizer, committee);
      }

      @Override
      public String toString() {
        return "model '" + NAME + "' members=" + members + " " + settings;
      }
    };
  }
}
