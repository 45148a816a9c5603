package org.alkit.diversity;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.alkit.api.Matrix;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;
import org.alkit.commons.Permutations;
import org.apiguardian.api.API;

/**
 * {@code discriminative}: discriminative active learning (Gissin and Shalev-Shwartz, "Discriminative
 * Active Learning", 2019). A binary classifier learns to tell labeled items (class 0) from unlabeled
 * ones (class 1) on the embeddings; the items it most confidently calls unlabeled, those least like
 * the labeled set, are picked. As in the paper the budget is picked in {@code sub-batches} steps of
 * (near) equal size, the classifier retrained after each with the picks counted as labeled, and the
 * unlabeled items it trains on are at most {@code sample-ratio} times the labeled ones, drawn under
 * the seed (the paper's subsample), the two classes weighted equally.
 *
 * <p>The classifier is L2-regularised logistic regression p(unlabeled | e) = σ(wᵀe + b), trained by
 * {@code iterations} full-batch Nesterov gradient steps of size 4/(mean ‖ẽ‖² + 4λ) (ẽ = (e, 1):
 * the trace bound on the logistic Hessian) from zero; no random numbers are drawn in training. The
 * picks of a step are the highest p, ties to the lower pool index; each pick's score is its p.
 * Without labeled items every p is equal and the lower indices are picked.
 */
@API(status = INTERNAL, since = "0.3")
public final class DiscriminativeProvider implements StrategyProvider {
  private static final String NAME = "discriminative";

  /** The provider, as ServiceLoader creates it. */
  public DiscriminativeProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String family() {
    return "diversity";
  }

  @Override
  public String description() {
    return "discriminative active learning: most confidently unlabeled under a labeled-vs-unlabeled classifier"
        + " (Gissin & Shalev-Shwartz 2019)";
  }

  @Override
  public Set<Signal> requires() {
    return Set.of(Signal.EMBEDDINGS);
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.integer("sub-batches", 10, "steps the budget is picked in, the classifier retrained between them")
            .atLeast(1),
        Parameter.integer("sample-ratio", 10, "unlabeled training items per labeled one, drawn under the seed;"
            + " 0: every unlabeled item").atLeast(0),
        Parameter.integer("iterations", 100, "Nesterov gradient steps of each training").atLeast(1),
        Parameter.real("l2", 1e-2, "L2 penalty on the classifier's weights (not its bias)").atLeast(0));
  }

  @Override
  public Strategy create(Options options) {
    return ctx -> select(ctx, options);
  }

  private static Selection select(SelectionContext ctx, Options options) {
    Matrix e = ctx.matrix(Signal.EMBEDDINGS);
    int size = ctx.selectionSize();
    int steps = Math.min(options.getInt("sub-batches"), Math.max(size, 1));
    int ratio = options.getInt("sample-ratio");
    SplittableRandom random = ctx.random();
    boolean[] labeled = new boolean[ctx.poolSize()];
    for (int i : ctx.labeled()) {
      labeled[i] = true;
    }
    int[] picks = new int[size];
    double[] scores = new double[size];
    int done = 0;
    for (int s = 0; s < steps; s++) {
      int step = (int) ((long) size * (s + 1) / steps) - done;
      int[] positives = indices(labeled, true);
      int[] unlabeled = indices(labeled, false);
      int[] negatives = unlabeled.clone();
      Permutations.shuffle(negatives, random);
      if (ratio > 0) {
        negatives = Arrays.copyOf(negatives, Math.min(negatives.length, ratio * positives.length));
      }
      double[] w = train(e, positives, negatives, options.getInt("iterations"), options.getDouble("l2"));
      double[] p = new double[unlabeled.length];
      for (int k = 0; k < unlabeled.length; k++) {
        p[k] = sigmoid(linear(w, e, unlabeled[k]));
      }
      int[] best = ctx.backend().topK(p, step);
      for (int k : best) {
        picks[done] = unlabeled[k];
        scores[done++] = p[k];
        labeled[unlabeled[k]] = true;
      }
    }
    return Selection.of(NAME, options, picks, scores);
  }

  private static int[] indices(boolean[] flags, boolean value) {
    int[] out = new int[flags.length];
    int n = 0;
    for (int i = 0; i < flags.length; i++) {
      if (flags[i] == value) {
        out[n++] = i;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * (w, b) of the balanced logistic loss ½·mean_{labeled} ln(1 + e^{z}) + ½·mean_{unlabeled}
   * ln(1 + e^{−z}) + (λ/2)‖w‖², z = wᵀe + b; a class without items adds nothing.
   */
  static double[] train(Matrix e, int[] labeled, int[] unlabeled, int iterations, double l2) {
    int d = e.cols();
    double meanSquare = 0;
    int rows = labeled.length + unlabeled.length;
    if (rows == 0) {
      return new double[d + 1];
    }
    for (int[] set : new int[][] {labeled, unlabeled}) {
      for (int i : set) {
        meanSquare += squaredNorm(e, i) + 1;
      }
    }
    meanSquare /= rows;
    double step = 4 / (meanSquare + 4 * l2);
    double[] current = new double[d + 1];
    double[] previous = new double[d + 1];
    double[] look = new double[d + 1];
    double[] gradient = new double[d + 1];
    for (int t = 1; t <= iterations; t++) {
      double momentum = (t - 1.0) / (t + 2.0);
      for (int j = 0; j <= d; j++) {
        look[j] = current[j] + momentum * (current[j] - previous[j]);
      }
      Arrays.fill(gradient, 0);
      accumulate(e, labeled, 0, look, gradient);
      accumulate(e, unlabeled, 1, look, gradient);
      for (int j = 0; j < d; j++) {
        gradient[j] += l2 * look[j];
      }
      System.arraycopy(current, 0, previous, 0, d + 1);
      for (int j = 0; j <= d; j++) {
        current[j] = look[j] - step * gradient[j];
      }
    }
    return current;
  }

  /** Adds ½·mean over {@code rows} of (σ(z) − target)·ẽ to {@code gradient}. */
  private static void accumulate(Matrix e, int[] rows, int target, double[] w, double[] gradient) {
    int d = e.cols();
    for (int i : rows) {
      double g = (sigmoid(linear(w, e, i)) - target) / (2.0 * rows.length);
      for (int j = 0; j < d; j++) {
        gradient[j] += g * e.get(i, j);
      }
      gradient[d] += g;
    }
  }

  private static double linear(double[] w, Matrix e, int i) {
    int d = e.cols();
    double z = w[d];
    for (int j = 0; j < d; j++) {
      z += w[j] * e.get(i, j);
    }
    return z;
  }

  private static double squaredNorm(Matrix e, int i) {
    double s = 0;
    for (int j = 0; j < e.cols(); j++) {
      double v = e.get(i, j);
      s += v * v;
    }
    return s;
  }

  static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }
}
