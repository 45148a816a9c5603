package org.alkit.diversity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.alkit.api.ComputeBackend;
import org.alkit.api.Matrix;
import org.alkit.api.Neighbors;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;
import org.alkit.commons.Ranking;
import org.apiguardian.api.API;

/**
 * {@code kmeans}: k-means with k = budget on the unlabeled embeddings, picking the item nearest
 * each centre (diversity by representatives; with the prefilter, Zhdanov, "Diverse mini-batch
 * Active Learning", 2019).
 *
 * <ol>
 *   <li>Candidates: all unlabeled items, or with {@code prefilter} = β &gt; 1 the ⌈β·budget⌉ with
 *       the smallest margin p_(1) − p_(2) (ties to the lower index; reads
 *       {@link Signal#PROBABILITIES} only then).</li>
 *   <li>k-means++ seeding, then {@code iterations} Lloyd steps ({@link Lloyd}), all drawn with
 *       {@code ctx.random()}.</li>
 *   <li>Each cluster contributes its member nearest the centre (ties to the lowest index), so
 *       picks are distinct; a cluster left empty takes the nearest candidate not yet picked.
 *       Picks are ordered by cluster size, largest first, and scored with it.</li>
 * </ol>
 *
 * <p>Cost per Lloyd step {@code O(m·k·d)} in the backend, memory {@code O(m·d + k·d)}.
 * Requires {@link Signal#EMBEDDINGS}. Options {@code iterations} (default 20) and
 * {@code prefilter} (default 0 = off).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class KMeansProvider implements StrategyProvider {

  @Override
  public String name() {
    return "kmeans";
  }

  @Override
  public String family() {
    return "diversity";
  }

  @Override
  public String description() {
    return "k-means (k = budget) on embeddings, item nearest each centre; optional margin prefilter";
  }

  @Override
  public Set<Signal> requires() {
    return Set.of(Signal.EMBEDDINGS);
  }

  @Override
  public Set<Signal> uses() {
    return Set.of(Signal.PROBABILITIES);
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.integer("iterations", KMeansOptions.DEFAULT_ITERATIONS, "Lloyd iterations after k-means++ seeding")
            .atLeast(0).atMost(KMeansOptions.MAX_ITERATIONS),
        Parameter.real("prefilter", 0, "beta: cluster only the beta*budget lowest-margin items (0 or 1 = off)")
            .atLeast(0).atMost(KMeansOptions.MAX_PREFILTER));
  }

  @Override
  public Strategy create(Options options) {
    KMeansOptions settings = KMeansOptions.from(options);
    return ctx -> select(ctx, options, settings);
  }

  private Selection select(SelectionContext ctx, Options options, KMeansOptions settings) {
    int k = ctx.selectionSize();
    if (k == 0) {
      return Selection.of(name(), options, new int[0], new double[0]);
    }
    int[] candidates = candidates(ctx, settings);
    Matrix embeddings = ctx.matrix(Signal.EMBEDDINGS);
    Lloyd.Clusters clusters = Lloyd.cluster(ctx.backend(), embeddings, candidates, k,
        settings.iterations(), ctx.random());
    Matrix points = embeddings.select(candidates);
    return representatives(candidates, ctx.backend(), points, clusters.assignment(),
        clusters.centres(), options);
  }

  /** All unlabeled items, or the ⌈β·budget⌉ of smallest margin, ascending by pool index. */
  private static int[] candidates(SelectionContext ctx, KMeansOptions settings) {
    int[] unlabeled = ctx.unlabeled();
    if (!settings.prefiltering()) {
      return unlabeled;
    }
    int m = (int) Math.min(unlabeled.length, Math.ceil(settings.prefilter() * ctx.selectionSize()));
    double[] margins = ProbabilityRows.margins(ctx.matrix(Signal.PROBABILITIES), unlabeled);
    for (int i = 0; i < margins.length; i++) {
      margins[i] = -margins[i];
    }
    int[] best = Ranking.topK(margins, m);
    Arrays.sort(best);
    int[] out = new int[m];
    for (int r = 0; r < m; r++) {
      out[r] = unlabeled[best[r]];
    }
    return out;
  }

  /**
   * Each cluster's member nearest its centre (ties to the lowest index), a cluster left empty the
   * nearest free candidate (one backend column of distances each); ordered by cluster size,
   * largest first.
   */
  private Selection representatives(int[] candidates, ComputeBackend backend, Matrix points,
      Neighbors nearest, Matrix centres, Options options) {
    int k = centres.rows();
    int[] assignment = nearest.index();
    float[] distance = nearest.squaredDistance();
    int[] best = new int[k];
    double[] bestD = new double[k];
    int[] size = new int[k];
    Arrays.fill(best, -1);
    boolean[] taken = new boolean[candidates.length];
    for (int x = 0; x < assignment.length; x++) {
      int c = assignment[x];
      size[c]++;
      double dx = distance[x];
      if (best[c] < 0 || dx < bestD[c]) {
        best[c] = x;
        bestD[c] = dx;
      }
    }
    for (int c = 0; c < k; c++) {
      if (best[c] >= 0) {
        taken[best[c]] = true;
      }
    }
    for (int c = 0; c < k; c++) {
      if (best[c] < 0) {
        best[c] = nearestFree(backend.squaredDistances(points, centres.rows(c, c + 1)), taken);
        taken[best[c]] = true;
      }
    }
    double[] order = new double[k];
    for (int c = 0; c < k; c++) {
      order[c] = size[c];
    }
    int[] ranked = Ranking.topK(order, k);
    int[] picked = new int[k];
    double[] scores = new double[k];
    for (int r = 0; r < k; r++) {
      picked[r] = candidates[best[ranked[r]]];
      scores[r] = size[ranked[r]];
    }
    return Selection.of(name(), options, picked, scores);
  }

  /** The free candidate of smallest distance in the m × 1 column {@code d2}, ties to the lowest. */
  private static int nearestFree(Matrix d2, boolean[] taken) {
    int best = -1;
    double bestD = Double.POSITIVE_INFINITY;
    for (int x = 0; x < taken.length; x++) {
      if (!taken[x] && d2.get(x, 0) < bestD) {
        best = x;
        bestD = d2.get(x, 0);
      }
    }
    return best;
  }
}
