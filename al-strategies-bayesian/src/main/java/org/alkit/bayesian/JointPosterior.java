package org.alkit.bayesian;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.alkit.api.ComputeBackend;

/**
 * The label configurations y_A of a batch A and, for each, the posterior over the Monte-Carlo
 * passes it implies: with the passes equally likely a priori,
 *
 * <pre>  P(t | y_A) = Π_{a∈A} q_{a,t}(y_a) / Σ_t' Π_{a∈A} q_{a,t'}(y_a).</pre>
 *
 * Then for any item x, {@code p(y_x | y_A) = Σ_t P(t | y_A) q_{x,t}(y_x)} and BatchBALD's joint
 * entropy splits as {@code H(Y_A, Y_x) = H(Y_A) + H(Y_x | Y_A)}, with
 *
 * <pre>  H(Y_x | Y_A) = Σ_{y_A} p(y_A) · H[p(· | y_A)]</pre>
 *
 * which is all a greedy step needs (Kirsch, van Amersfoort and Gal, "BatchBALD: Efficient and
 * Diverse Batch Acquisition for Deep Bayesian Active Learning", NeurIPS 2019, eqs. 8–12).
 *
 * <p><b>Exact</b> while the configurations number at most {@code maxConfigurations}: all C^|A|
 * of them (less those of probability exactly 0) with their weights p(y_A). <b>Sampled</b>
 * beyond: {@code samples} configurations drawn from p(y_A) (a pass t uniformly, then each y_a from
 * q_{a,t}), each of weight 1/M; a further item extends each draw from the pass it was drawn with,
 * so the draws stay exact samples of the joint. The sampled H(Y_x | Y_A) is an unbiased mean of M
 * i.i.d. values in [0, ln C], so its standard error is at most {@code ln C / (2√M)}.
 *
 * <p>Memory: {@code 12 · T} bytes per configuration (a double posterior and its float copy for the
 * kernels), the coarse mixture ({@value #GROUPS} rows), and per task {@code T · C} floats per item
 * of its block: the {@code configurations × items · C} predictive matrix is never materialised.
 */
final class JointPosterior {
  /** Items per task of {@link #conditionalEntropies}. */
  static final int ITEMS = 16;
  /** Groups of the coarse mixture of {@link #upperBounds}. */
  static final int GROUPS = 256;
  /** The fewest configurations that {@link #upperBounds} groups. */
  static final int MIN_CONFIGURATIONS = 8 * GROUPS;

  private final McSamples mc;
  private final int passes;
  private final int classes;
  private final int maxConfigurations;
  private final int samples;
  private final SplittableRandom random;
  /** The batch so far, each item's renormalised passes as {@code q[t·C + c]}. */
  private float[][] batch = new float[0][];
  /** {@code rows × T}: P(t | y_m), each row summing to 1. */
  private double[] posterior;
  /** The same in float with the weights, as the kernels read them. */
  private Mixture published;
  /** Its grouping for {@link #upperBounds}, made on first use. */
  private Mixture coarse;
  /** p(y_m) for exact configurations, 1/M for sampled ones. */
  private double[] weights;
  private int rows;
  /** The pass each sampled configuration was drawn from; null while exact. */
  private int[] component;

  /**
   * The empty batch: one configuration, the uniform posterior over passes.
   *
   * @param random the source of the sampled configurations, used in a fixed order
   */
  JointPosterior(McSamples mc, int maxConfigurations, int samples, SplittableRandom random) {
    this.mc = mc;
    this.passes = mc.passes();
    this.classes = mc.classes();
    this.maxConfigurations = maxConfigurations;
    this.samples = samples;
    this.random = random;
    this.rows = 1;
    this.posterior = new double[passes];
    Arrays.fill(posterior, 1.0 / passes);
    this.weights = new double[] {1};
    publish();
  }

  /** Whether the configurations are enumerated exactly (rather than sampled). */
  boolean exact() {
    return component == null;
  }

  /** The number of configurations held. */
  int configurations() {
    return rows;
  }

  /** Item {@code i}'s renormalised passes, {@code q[t·C + c]}. */
  private float[] passesOf(int i) {
    float[] q = new float[passes * classes];
    for (int t = 0; t < passes; t++) {
      mc.normalisedRow(t, i, q, t * classes);
    }
    return q;
  }

  /** Adds pool item {@code i} to the batch. */
  void add(int i) {
    float[] q = passesOf(i);
    batch = Arrays.copyOf(batch, batch.length + 1);
    batch[batch.length - 1] = q;
    if (component == null && (long) rows * classes <= maxConfigurations) {
      expand(q);
    } else if (component == null) {
      drawSamples();
    } else {
      extendSamples(q);
    }
    publish();
  }

  /** Every configuration times every label of the new item, dropping those of probability 0. */
  private void expand(float[] q) {
    double[] nextPosterior = new double[rows * classes * passes];
    double[] nextWeights = new double[rows * classes];
    double[] predictive = new double[classes];
    int next = 0;
    for (int m = 0; m < rows; m++) {
      Arrays.fill(predictive, 0);
      for (int t = 0; t < passes; t++) {
        double pt = posterior[m * passes + t];
        for (int c = 0; c < classes; c++) {
          predictive[c] += pt * q[t * classes + c];
        }
      }
      double total = 0;
      for (double v : predictive) {
        total += v;
      }
      for (int c = 0; c < classes; c++) {
        double weight = weights[m] * predictive[c] / total;
        if (!(weight > 0)) {
          continue;
        }
        nextWeights[next] = weight;
        for (int t = 0; t < passes; t++) {
          nextPosterior[next * passes + t] = posterior[m * passes + t] * q[t * classes + c] / predictive[c];
        }
        next++;
      }
    }
    rows = next;
    posterior = Arrays.copyOf(nextPosterior, next * passes);
    weights = Arrays.copyOf(nextWeights, next);
  }

  /** Replaces the exact configurations by {@code samples} draws of the whole batch's labels. */
  private void drawSamples() {
    rows = samples;
    component = new int[samples];
    posterior = new double[samples * passes];
    weights = new double[samples];
    Arrays.fill(weights, 1.0 / samples);
    for (int m = 0; m < samples; m++) {
      component[m] = random.nextInt(passes);
      Arrays.fill(posterior, m * passes, (m + 1) * passes, 1.0 / passes);
      for (float[] q : batch) {
        extend(m, q);
      }
    }
  }

  /** Draws the new item's label of every sampled configuration from the pass it was drawn with. */
  private void extendSamples(float[] q) {
    for (int m = 0; m < rows; m++) {
      extend(m, q);
    }
  }

  /** y ~ q_{t_m}, then P(t | y_m, y) ∝ P(t | y_m) q_t(y). */
  private void extend(int m, float[] q) {
    int t0 = component[m];
    int y = categorical(q, t0 * classes);
    double total = 0;
    for (int t = 0; t < passes; t++) {
      total += posterior[m * passes + t] *= q[t * classes + y];
    }
    if (total > 0) {
      for (int t = 0; t < passes; t++) {
        posterior[m * passes + t] /= total;
      }
    } else {
      // every pass's probability underflowed below 1e-308 relative: keep the drawing pass alone
      Arrays.fill(posterior, m * passes, (m + 1) * passes, 0);
      posterior[m * passes + t0] = 1;
    }
  }

  /** A label drawn from the renormalised row {@code q[from .. from + C)}. */
  private int categorical(float[] q, int from) {
    double u = random.nextDouble();
    int last = 0;
    for (int c = 0; c < classes; c++) {
      float v = q[from + c];
      if (v > 0) {
        last = c;
        u -= v;
        if (u < 0) {
          return c;
        }
      }
    }
    // the row's float rounding left u a hair above its sum: the last positive label
    return last;
  }

  private void publish() {
    float[] f = new float[rows * passes];
    for (int k = 0; k < f.length; k++) {
      f[k] = (float) posterior[k];
    }
    published = new Mixture(f, weights, rows);
    coarse = null;
  }

  /**
   * H(Y_x | Y_A) for each of {@code items}, in nats: exact, or the sampled estimate.
   * Blocks of {@value #ITEMS} items run as tasks on {@code backend}'s workers
   * ({@link JointKernel#conditionalEntropies}); each item's value is computed alone, the same on
   * any number of threads.
   */
  double[] conditionalEntropies(int[] items, ComputeBackend backend) {
    return published.conditionalEntropies(this, items, backend);
  }

  /**
   * An upper bound on {@link #conditionalEntropies} of each of {@code items}, at about
   * {@value #GROUPS}/{@code configurations()} of its cost: the same over the configurations
   * grouped into at most {@value #GROUPS} groups ({@link Coarsening}), computed once per batch.
   * Null while the configurations are too few ({@code < } {@value #MIN_CONFIGURATIONS}) for
   * grouping to pay.
   */
  double[] upperBounds(int[] items, ComputeBackend backend) {
    if (rows < MIN_CONFIGURATIONS) {
      return null;
    }
    if (coarse == null) {
      coarse = Coarsening.of(published.posterior, weights, rows, passes, GROUPS, backend);
    }
    return coarse.conditionalEntropies(this, items, backend);
  }

  /**
   * Configurations {@code m} with weights {@code w_m} and posteriors {@code P(t | y_m)} over the
   * passes, {@code posterior[m·T + t]}.
   */
  record Mixture(float[] posterior, double[] weights, int rows) {
    /** Σ_m w_m H[Σ_t P(t | y_m) q_{x,t}] for each of {@code items}. */
    double[] conditionalEntropies(JointPosterior joint, int[] items, ComputeBackend backend) {
      int passes = joint.passes;
      int classes = joint.classes;
      double[] out = new double[items.length];
      int tasks = (items.length + ITEMS - 1) / ITEMS;
      backend.parallelFor(tasks, task -> {
        int from = task * ITEMS;
        int count = Math.min(ITEMS, items.length - from);
        int width = count * classes;
        float[][] labels = new float[passes][width];
        for (int b = 0; b < count; b++) {
          for (int t = 0; t < passes; t++) {
            joint.mc.normalisedRow(t, items[from + b], labels[t], b * classes);
          }
        }
        double[] block = new double[count];
        JointKernel.conditionalEntropies(posterior, weights, rows, passes, labels, count, classes, block);
        System.arraycopy(block, 0, out, from, count);
      });
      return out;
    }
  }
}
