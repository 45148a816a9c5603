package org.alkit.bayesian;

import java.util.Arrays;
import java.util.PriorityQueue;
import org.alkit.api.ComputeBackend;
import org.alkit.api.Options;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Strategy;

/**
 * The lazy greedy of {@link BatchBaldProvider}. Each candidate's gain bound is, from loosest to
 * tightest, its gain at an earlier step (submodularity), the coarse bound of this step
 * ({@link JointPosterior#upperBounds}), or its gain at this step; a candidate is lifted to the
 * next tier only while it heads the queue.
 */
final class BatchBald implements Strategy {
  /** The most candidates evaluated in one batch of kernel calls. */
  static final int MAX_GROUP = 64;
  /**
   * Added to coarse bounds: the float rounding of the two kernels (about 10⁻⁶ nats) must not let
   * a bound fall below the gain it bounds.
   */
  static final double ROUNDING = 1e-5;

  private final String name;
  private final Options options;
  private final BatchBaldOptions settings;

  BatchBald(String name, Options options, BatchBaldOptions settings) {
    this.name = name;
    this.options = options;
    this.settings = settings;
  }

  @Override
  public Selection select(SelectionContext ctx) {
    int[] candidates = ctx.unlabeled();
    int k = ctx.selectionSize();
    McSamples mc = McSamples.of(ctx);
    double[] bound = new double[candidates.length];
    double[] expectedEntropy = new double[candidates.length];
    mc.bald(candidates, bound, expectedEntropy, ctx.backend());
    ComputeBackend backend = k > 1 ? ctx.backend() : null;
    JointPosterior joint = new JointPosterior(mc, settings.maxConfigurations(), settings.samples(),
        ctx.random());
    double tolerance = settings.tolerance() * Math.log(mc.classes()) / (2 * Math.sqrt(settings.samples()));
    // bound[p]: an upper bound on candidate p's gain; its gain at step evaluatedAt[p] when
    // exactAt[p] = evaluatedAt[p], else the coarse bound of that step
    int[] evaluatedAt = new int[candidates.length];
    int[] exactAt = new int[candidates.length];
    Arrays.fill(evaluatedAt, 1);
    Arrays.fill(exactAt, 1);
    PriorityQueue<Integer> queue = new PriorityQueue<>(Math.max(1, candidates.length),
        (a, b) -> bound[a] != bound[b] ? Double.compare(bound[b], bound[a]) : Integer.compare(a, b));
    for (int p = 0; p < candidates.length; p++) {
      queue.add(p);
    }
    int[] picked = new int[k];
    double[] gains = new double[k];
    for (int step = 1; step <= k; step++) {
      // sampled steps accept a gain within the estimate's error of every bound left
      double slack = joint.exact() ? 0 : tolerance;
      int now = step;
      int best = -1;
      int group = 1;
      while (exactAt[queue.peek()] != step && (best < 0 || bound[best] + slack <= bound[queue.peek()])) {
        int[] polled = pollUnsettled(queue, exactAt, step, group);
        int[] stale = Arrays.stream(polled).filter(p -> evaluatedAt[p] != now).toArray();
        double[] coarse = stale.length == 0 ? null : joint.upperBounds(items(candidates, stale), backend);
        int[] exact = coarse == null ? polled : Arrays.stream(polled).filter(p -> evaluatedAt[p] == now).toArray();
        if (coarse != null) {
          for (int s = 0; s < stale.length; s++) {
            int p = stale[s];
            bound[p] = Math.min(bound[p], checked(coarse[s], candidates[p]) - expectedEntropy[p] + ROUNDING);
            evaluatedAt[p] = step;
          }
        }
        double[] conditional = exact.length == 0 ? new double[0]
            : joint.conditionalEntropies(items(candidates, exact), backend);
        for (int s = 0; s < exact.length; s++) {
          int p = exact[s];
          bound[p] = checked(conditional[s], candidates[p]) - expectedEntropy[p];
          evaluatedAt[p] = step;
          exactAt[p] = step;
          if (best < 0 || bound[p] > bound[best] || bound[p] == bound[best] && p < best) {
            best = p;
          }
        }
        for (int p : polled) {
          queue.add(p);
        }
        group = Math.min(2 * group, MAX_GROUP);
      }
      if (exactAt[queue.peek()] == step) {
        best = queue.poll();
      } else {
        queue.remove(best);
      }
      picked[step - 1] = candidates[best];
      gains[step - 1] = bound[best];
      if (step < k) {
        joint.add(candidates[best]);
      }
    }
    return Selection.of(name, options, picked, gains);
  }

  private static int[] items(int[] candidates, int[] positions) {
    int[] items = new int[positions.length];
    for (int s = 0; s < positions.length; s++) {
      items[s] = candidates[positions[s]];
    }
    return items;
  }

  private static double checked(double conditional, int item) {
    if (Double.isNaN(conditional)) {
      throw new IllegalStateException("H(Y_x | Y_A) of pool item " + item + " is NaN");
    }
    return conditional;
  }

  /** Up to {@code group} candidates off the top of the queue whose gain at {@code step} is not known. */
  private static int[] pollUnsettled(PriorityQueue<Integer> queue, int[] exactAt, int step, int group) {
    int[] polled = new int[group];
    int count = 0;
    while (count < group && !queue.isEmpty() && exactAt[queue.peek()] != step) {
      polled[count++] = queue.poll();
    }
    return Arrays.copyOf(polled, count);
  }
}
