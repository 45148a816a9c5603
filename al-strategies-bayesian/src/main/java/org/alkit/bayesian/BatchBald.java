package org.alkit.bayesian;

import java.util.Arrays;
import java.util.PriorityQueue;
import org.alkit.api.ComputeBackend;
import org.alkit.api.Options;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Strategy;

/** The lazy greedy of {@link BatchBaldProvider}. */
final class BatchBald implements Strategy {
  /** The most stale candidates evaluated in one backend product. */
  static final int MAX_GROUP = 64;

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
    // bound[p]: the gain of candidate p at step evaluatedAt[p], an upper bound on its later gains
    int[] evaluatedAt = new int[candidates.length];
    Arrays.fill(evaluatedAt, 1);
    PriorityQueue<Integer> queue = new PriorityQueue<>(Math.max(1, candidates.length),
        (a, b) -> bound[a] != bound[b] ? Double.compare(bound[b], bound[a]) : Integer.compare(a, b));
    for (int p = 0; p < candidates.length; p++) {
      queue.add(p);
    }
    int[] picked = new int[k];
    double[] gains = new double[k];
    for (int step = 1; step <= k; step++) {
      int group = 1;
      while (evaluatedAt[queue.peek()] != step) {
        int[] stale = pollStale(queue, evaluatedAt, step, group);
        int[] items = new int[stale.length];
        for (int s = 0; s < stale.length; s++) {
          items[s] = candidates[stale[s]];
        }
        double[] conditional = joint.conditionalEntropies(items, backend);
        for (int s = 0; s < stale.length; s++) {
          if (Double.isNaN(conditional[s])) {
            throw new IllegalStateException("H(Y_x | Y_A) of pool item " + items[s] + " is NaN");
          }
          bound[stale[s]] = conditional[s] - expectedEntropy[stale[s]];
          evaluatedAt[stale[s]] = step;
          queue.add(stale[s]);
        }
        group = Math.min(2 * group, MAX_GROUP);
      }
      int best = queue.poll();
      picked[step - 1] = candidates[best];
      gains[step - 1] = bound[best];
      if (step < k) {
        joint.add(candidates[best]);
      }
    }
    return Selection.of(name, options, picked, gains);
  }

  /** Up to {@code group} candidates off the top of the queue whose bounds are older than {@code step}. */
  private static int[] pollStale(PriorityQueue<Integer> queue, int[] evaluatedAt, int step, int group) {
    int[] stale = new int[group];
    int count = 0;
    while (count < group && !queue.isEmpty() && evaluatedAt[queue.peek()] != step) {
      stale[count++] = queue.poll();
    }
    return Arrays.copyOf(stale, count);
  }
}
