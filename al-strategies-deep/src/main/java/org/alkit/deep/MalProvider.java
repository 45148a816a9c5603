package org.alkit.deep;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Set;
import org.alkit.api.InvalidInputException;
import org.alkit.api.NetworkTraining;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.ScoringStrategy;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;
import org.apiguardian.api.API;

/**
 * {@code mal}: Minimax Active Learning (Ebrahimi, Gan, Chen, Biamby, Salahi, Laielli, Zhu and
 * Darrell, arXiv:2012.10467, 2021). Each round a shared encoder F (on the pool's
 * {@link Signal#FEATURES}: convolutional for images, fully connected otherwise, {@link ItemNetwork})
 * and a cosine classifier C learn semi-supervised by minimax entropy (Saito et al., ICCV 2019): C
 * is trained by cross-entropy on the labeled items and maximises the entropy of its predictions on
 * the unlabeled ones, which F minimises; a VAAL-style discriminator D learns to tell labeled
 * features from unlabeled ones, which F learns to fool ({@link MalTraining} gives the losses).
 * The selection combines D's unfamiliarity with C's uncertainty, as the paper's rule reads
 * ("the highest entropy samples from the classifier that the discriminator predicts as
 * unlabeled"), as a product:
 *
 * <pre>  score(x) = (1 − σ(D(F(x)))) · H(C(F(x))) / ln K</pre>
 *
 * highest first, with K the number of classes: the larger of the labels' count (largest label + 1)
 * and, when the context has {@code probabilities}, their columns. Options: {@code latent} (32),
 * {@code epochs} (100 passes over the labeled items, as the model's), {@code temperature} (T = 0.05) and
 * {@code entropy-weight} (λ = 0.1, minimax entropy's), {@code adversarial} (1),
 * {@code learning-rate} and {@code discriminator-learning-rate} (Adam, 5·10⁻⁴), {@code batch-size}
 * (64), {@code discriminator-units} (512), and the item network's {@code network},
 * {@code item-shape}, {@code channels} and {@code hidden}.
 *
 * <p>The networks train through the context's {@link NetworkTraining}, in one session per
 * selection seeded from the context's seed: the same seed gives the same picks, bit for bit, on a
 * CPU. The classifier is the strategy's own, apart from the run's model. Requires
 * {@code features}, labeled items of at least two classes with their labels, and one unlabeled
 * item; from files: {@code alkit select --strategy mal --features X.npy --labeled L.npy --labels Y.npy}.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class MalProvider implements StrategyProvider {
  /** The provider, as ServiceLoader creates it. */
  public MalProvider() {}

  @Override
  public String name() {
    return "mal";
  }

  @Override
  public String family() {
    return "deep";
  }

  @Override
  public String description() {
    return "MAL (Ebrahimi et al. 2021): minimax entropy on an encoder and a cosine classifier, a discriminator "
        + "on the features; picks unfamiliar, uncertain items";
  }

  @Override
  public Set<Signal> requires() {
    return Set.of(Signal.FEATURES);
  }

  /** Probabilities, when present, for the number of classes. */
  @Override
  public Set<Signal> uses() {
    return Set.of(Signal.PROBABILITIES);
  }

  /** {@link NetworkTraining}, which the encoder, the classifier and the discriminator train through. */
  @Override
  public Set<Class<?>> capabilities() {
    return Set.of(NetworkTraining.class);
  }

  @Override
  public List<Parameter> parameters() {
    return MalSettings.parameters();
  }

  @Override
  public Strategy create(Options options) {
    MalSettings settings = MalSettings.from(options);
    ItemNetwork.check(options);
    return new ScoringStrategy(name(), options) {
      @Override
      protected double[] score(SelectionContext ctx, int[] candidates) {
        return MalProvider.this.score(ctx, candidates, options, settings);
      }
    };
  }

  private double[] score(SelectionContext ctx, int[] candidates, Options options, MalSettings settings) {
    TrainingRound round = TrainingRound.of(ctx, options, name(), "an encoder, a classifier and a discriminator");
    int[] labeled = round.labeled();
    int[] labels = ctx.labels();
    int classes = ctx.has(Signal.PROBABILITIES) ? ctx.matrix(Signal.PROBABILITIES).cols() : 0;
    for (int k = 0; k < labels.length; k++) {
      if (labels[k] < 0) {
        throw new InvalidInputException("label of pool item " + labeled[k] + " = " + labels[k]
            + "; expected a class index >= 0");
      }
      classes = Math.max(classes, labels[k] + 1);
    }
    if (classes < 2) {
      throw new InvalidInputException("strategy '" + name() + "' needs at least two classes (its uncertainty is an "
          + "entropy); the labels name " + classes + " and no probabilities give more");
    }
    int k = classes;
    float[] trained = round.train((manager, draws) -> new MalTraining(name(), round.network(), settings, k)
        .train(manager, round.x(), labeled, labels, round.unlabeled(), draws));
    double logClasses = Math.log(classes);
    double[] scores = new double[candidates.length];
    for (int c = 0; c < candidates.length; c++) {
      int i = candidates[c];
      scores[c] = (1 - trained[2 * i]) * trained[2 * i + 1] / logClasses;
    }
    return scores;
  }
}
