package org.alkit.runtime.model;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.alkit.api.FittedModel;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.MissingSignalException;
import org.alkit.api.ModelAdapter;
import org.alkit.api.ModelProvider;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.Signal;
import org.alkit.commons.Permutations;
import org.alkit.commons.Ranking;

/**
 * Publishes the model {@value #NAME}: a one-vs-rest linear support-vector machine
 * ({@link LinearSvm}, LIBLINEAR) on features standardized over all rows given to {@code fit} (the
 * pool), with Platt-scaled probabilities — the classifier of Aggarwal et al., "Optimizing active
 * learning for low annotation budgets" (scikit-learn's SVC, C by cross-validation, cost-sensitive
 * under imbalance), linear as their fixed pre-trained features allow.
 *
 * <ul>
 *   <li><b>C.</b> Option {@code c} fixes it; {@code c = 0} (the default) chooses it by stratified
 *       k-fold cross-validation ({@code folds}) on the labeled set over {@code c-grid}: the C of
 *       the highest held-out accuracy (argmax of the decision values), the smaller C on a tie.
 *       The folds are a seeded shuffle of the labeled items dealt class by class, so each fold
 *       holds its share of every class; k = min(folds, |L|).</li>
 *   <li><b>Cost-sensitivity.</b> {@code class-weight: balanced} weighs the losses of class k by
 *       n / (K · n_k) (K the classes seen, n_k their labeled counts), as scikit-learn's
 *       {@code class_weight='balanced'}. It moves the decision function f; the Platt-calibrated
 *       probabilities below are fitted to the labeled frequencies and so pull the argmax back
 *       towards the majority, as scikit-learn's {@code SVC(probability=True)} does.</li>
 *   <li><b>Probabilities.</b> For each class k, Platt's sigmoid σ_k(f) = 1 / (1 + exp(A_k f + B_k))
 *       ({@link PlattScaling}) is fitted to out-of-fold decision values f_k of the labeled items
 *       (the same folds, at the chosen C; items whose training folds lacked class k are left out,
 *       and a class that leaves none uses the final model's in-sample values) against "is of
 *       class k"; the final model, trained on all labeled items, gives
 *       p_k(x) = σ_k(f_k(x)) / Σ_j σ_j(f_j(x)) — scikit-learn's one-vs-rest normalisation of
 *       {@code CalibratedClassifierCV(method='sigmoid')}. Classes never labeled get 0; with one
 *       class labeled it gets 1.</li>
 * </ul>
 *
 * <p>Offers {@link Signal#PROBABILITIES} and {@link Signal#EMBEDDINGS} (the standardized features,
 * its input). Deterministic under the seed, which only shuffles the folds: LIBLINEAR's primal
 * solver draws no random numbers. Every class in {@code [0, numClasses)} gets a column.
 *
 * <pre>{@code
 * model: svm
 * model-options: {class-weight: balanced}      # C by 5-fold cross-validation
 * }</pre>
 */
public final class SvmModelProvider implements ModelProvider {
  /** The name configuration selects this model by. */
  public static final String NAME = "svm";

  private static final String OWNER = "model '" + NAME + "'";
  private static final Set<Signal> OFFERS = Set.copyOf(EnumSet.of(Signal.PROBABILITIES, Signal.EMBEDDINGS));

  /** The ServiceLoader constructor. */
  public SvmModelProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "linear SVM (LIBLINEAR, one-vs-rest, C by cross-validation) with Platt-scaled probabilities; "
        + "probabilities, embeddings";
  }

  @Override
  public List<Parameter> parameters() {
    return SvmOptions.PARAMETERS;
  }

  @Override
  public ModelAdapter create(Options options) {
    SvmOptions settings = SvmOptions.from(options);
    return new ModelAdapter() {
      @Override
      public Set<Signal> offers() {
        return OFFERS;
      }

      @Override
      public FittedModel fit(Matrix features, int[] labeled, int[] labels, int numClasses, long seed) {
        return SvmModelProvider.fit(settings, features, labeled, labels, numClasses, seed);
      }

      @Override
      public String toString() {
        return OWNER + " " + settings;
      }
    };
  }

  static Fitted fit(SvmOptions settings, Matrix features, int[] labeled, int[] labels, int numClasses, long seed) {
    FitInputs.check(features, labeled, labels, numClasses);
    Standardizer standardizer = Standardizer.fit(features);
    float[] scratch = new float[features.cols()];
    double[][] h = new double[labeled.length][];
    for (int r = 0; r < labeled.length; r++) {
      h[r] = standardizer.row(features, labeled[r], scratch, new double[features.cols()]);
    }
    int[] fold = folds(labels, numClasses, Math.min(settings.folds(), labeled.length), seed);
    double[] grid = settings.crossValidated() ? settings.grid() : new double[] {settings.c()};
    double bestC = grid[0];
    double[][] bestOutOfFold = null;
    int bestHits = -1;
    for (double c : grid) {
      double[][] outOfFold = outOfFold(h, labels, numClasses, fold, c, settings.balanced());
      int hits = 0;
      for (int r = 0; r < labels.length; r++) {
        hits += Ranking.argmax(outOfFold[r]) == labels[r] ? 1 : 0;
      }
      if (hits > bestHits) {
        bestHits = hits;
        bestC = c;
        bestOutOfFold = outOfFold;
      }
    }
    LinearSvm svm = LinearSvm.train(h, labels, numClasses, bestC, settings.balanced());
    PlattScaling[] sigmoids = new PlattScaling[numClasses];
    for (int k = 0; k < numClasses; k++) {
      if (svm.seen(k)) {
        sigmoids[k] = sigmoid(k, bestOutOfFold, h, labels, svm);
      }
    }
    return new Fitted(standardizer, svm, sigmoids, bestC);
  }

  /**
   * Platt's sigmoid of class {@code k} on the finite out-of-fold decision values, or on the final
   * model's in-sample values when no fold's model saw class k.
   */
  private static PlattScaling sigmoid(int k, double[][] outOfFold, double[][] h, int[] labels, LinearSvm svm) {
    int[] finite = java.util.stream.IntStream.range(0, labels.length)
        .filter(r -> Double.isFinite(outOfFold[r][k])).toArray();
    double[] f = new double[labels.length];
    boolean[] positive = new boolean[labels.length];
    if (finite.length == 0) {
      double[] values = new double[outOfFold[0].length];
      for (int r = 0; r < labels.length; r++) {
        f[r] = svm.decision(h[r], values)[k];
        positive[r] = labels[r] == k;
      }
      return PlattScaling.fit(f, positive);
    }
    for (int i = 0; i < finite.length; i++) {
      f[i] = outOfFold[finite[i]][k];
      positive[i] = labels[finite[i]] == k;
    }
    return PlattScaling.fit(Arrays.copyOf(f, finite.length), Arrays.copyOf(positive, finite.length));
  }

  /**
   * The fold of each labeled item: a seeded shuffle of the items, then dealt class by class
   * round-robin into {@code k} folds (stratified); k = 1 (a single item) puts it in fold 0.
   */
  static int[] folds(int[] labels, int numClasses, int k, long seed) {
    int[] order = java.util.stream.IntStream.range(0, labels.length).toArray();
    Permutations.shuffle(order, new SplittableRandom(seed));
    int[] fold = new int[labels.length];
    int dealt = 0;
    for (int c = 0; c < numClasses; c++) {
      for (int r : order) {
        if (labels[r] == c) {
          fold[r] = dealt++ % k;
        }
      }
    }
    return fold;
  }

  /**
   * The decision values of each item from the model trained on the other folds at penalty
   * {@code c}; with a single fold, the in-sample values of the model trained on all items.
   */
  private static double[][] outOfFold(double[][] h, int[] labels, int numClasses, int[] fold, double c,
      boolean balanced) {
    int k = Arrays.stream(fold).max().orElse(0) + 1;
    double[][] out = new double[labels.length][numClasses];
    for (int f = 0; f < k; f++) {
      int held = f;
      int[] train = java.util.stream.IntStream.range(0, labels.length).filter(r -> k == 1 || fold[r] != held)
          .toArray();
      LinearSvm svm = LinearSvm.train(Arrays.stream(train).mapToObj(r -> h[r]).toArray(double[][]::new),
          Arrays.stream(train).map(r -> labels[r]).toArray(), numClasses, c, balanced);
      for (int r = 0; r < labels.length; r++) {
        if (fold[r] == held) {
          svm.decision(h[r], out[r]);
        }
      }
    }
    return out;
  }

  /** The fitted model: standardizer, one-vs-rest SVM and one Platt sigmoid per seen class. */
  static final class Fitted implements FittedModel {
    private final Standardizer standardizer;
    private final LinearSvm svm;
    private final PlattScaling[] sigmoids;
    private final double c;

    Fitted(Standardizer standardizer, LinearSvm svm, PlattScaling[] sigmoids, double c) {
      this.standardizer = standardizer;
      this.svm = svm;
      this.sigmoids = sigmoids;
      this.c = c;
    }

    /** The penalty C the model was trained with (chosen by cross-validation or fixed). */
    double c() {
      return c;
    }

    /** The sigmoid of class {@code k}, null for an unseen class. */
    PlattScaling sigmoid(int k) {
      return sigmoids[k];
    }

    /** The decision values f_k of every row of {@code x} (−∞ for unseen classes). */
    double[][] decision(Matrix x) {
      requireColumns(x);
      double[][] out = new double[x.rows()][];
      float[] scratch = new float[x.cols()];
      double[] h = new double[x.cols()];
      for (int i = 0; i < x.rows(); i++) {
        out[i] = svm.decision(standardizer.row(x, i, scratch, h), new double[sigmoids.length]);
      }
      return out;
    }

    @Override
    public Matrix matrix(Signal signal, Matrix x) {
      if (!OFFERS.contains(signal)) {
        throw new MissingSignalException("the caller", List.of(signal), OWNER);
      }
      if (signal == Signal.EMBEDDINGS) {
        requireColumns(x);
        return standardizer.apply(x);
      }
      double[][] f = decision(x);
      int classes = sigmoids.length;
      float[] out = new float[Math.multiplyExact(x.rows(), classes)];
      for (int i = 0; i < f.length; i++) {
        double sum = 0;
        double[] p = new double[classes];
        for (int k = 0; k < classes; k++) {
          p[k] = sigmoids[k] == null ? 0 : sigmoids[k].probability(f[i][k]);
          sum += p[k];
        }
        for (int k = 0; k < classes; k++) {
          out[i * classes + k] = (float) (sum > 0 ? p[k] / sum : sigmoids[k] == null ? 0 : 1.0 / seen());
        }
      }
      return Matrix.wrap(x.rows(), classes, out);
    }

    private long seen() {
      return Arrays.stream(sigmoids).filter(s -> s != null).count();
    }

    private void requireColumns(Matrix x) {
      if (x.cols() != standardizer.dimension()) {
        throw new InvalidInputException("x is " + x.rows() + " × " + x.cols() + "; " + OWNER
            + " was fitted on " + standardizer.dimension() + " features");
      }
    }
  }
}
