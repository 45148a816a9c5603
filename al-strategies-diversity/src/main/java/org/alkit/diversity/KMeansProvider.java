package org.alkit.diversity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.alkit.api.Matrix;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.Ranking;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;
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
 *   <li>k-means++ seeding ({@link KMeansPlusPlus}): the first centre uniform, the rest ∝ D²,
 *       all drawn with {@code ctx.random()}.</li>
 *   <li>{@code iterations} Lloyd steps: assign each candidate to its nearest centre (the
 *       compute backend's {@code nearest}, ties to the lower centre), move each centre to its
 *       cluster's mean (an empty cluster keeps its centre); stop early when no assignment
 *       changes.</li>
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
        Parameter.integer("iterations", 20, "Lloyd iterations after k-means++ seeding"),
        Parameter.real("prefilter", 0, "beta: cluster only the beta*budget lowest-margin items (0 or 1 = off)"));
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
    DenseRows points = DenseRows.of(ctx.matrix(Signal.EMBEDDINGS), candidates);
    int m = candidates.length;
    var rng = ctx.random();
    int first = rng.nextInt(m);
    KMeansPlusPlus.Seeds seeds;
    try (Workers workers = Workers.perCore()) {
      seeds = KMeansPlusPlus.seed(NearestCentres.startingAt(points, m, first, workers), k, first,
          rng);
    }
    int d = points.dim();
    float[] centres = new float[k * d];
    for (int c = 0; c < k; c++) {
      System.arraycopy(points.row(seeds.centres()[c]), 0, centres, c * d, d);
    }
    Matrix all = points.matrix(0, m);
    int[] assignment = ctx.backend().nearest(all, Matrix.wrap(k, d, centres)).index();
    for (int it = 0; it < settings.iterations(); it++) {
      moveCentres(points, assignment, centres, k);
      int[] next = ctx.backend().nearest(all, Matrix.wrap(k, d, centres.clone())).index();
      boolean changed = !Arrays.equals(next, assignment);
      assignment = next;
      if (!changed) {
        break;
      }
    }
    return representatives(candidates, points, assignment, centres, k, options);
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

  /** Moves each centre to the mean of its cluster; an empty cluster keeps its centre. */
  private static void moveCentres(DenseRows points, int[] assignment, float[] centres, int k) {
    int d = points.dim();
    double[][] sums = new double[k][d];
    int[] counts = new int[k];
    for (int x = 0; x < assignment.length; x++) {
      points.addRowTo(x, sums[assignment[x]]);
      counts[assignment[x]]++;
    }
    for (int c = 0; c < k; c++) {
      if (counts[c] > 0) {
        for (int j = 0; j < d; j++) {
          centres[c * d + j] = (float) (sums[c][j] / counts[c]);
        }
      }
    }
  }

  private Selection representatives(int[] candidates, DenseRows points, int[] assignment,
      float[] centres, int k, Options options) {
    int d = points.dim();
    int[] best = new int[k];
    double[] bestD = new double[k];
    int[] size = new int[k];
    Arrays.fill(best, -1);
    boolean[] taken = new boolean[candidates.length];
    for (int x = 0; x < assignment.length; x++) {
      int c = assignment[x];
      size[c]++;
      double dx = points.squaredDistanceTo(x, centres, c * d);
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
        best[c] = nearestFree(points, centres, c * d, taken);
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

  private static int nearestFree(DenseRows points, float[] centres, int offset, boolean[] taken) {
    int best = -1;
    double bestD = Double.POSITIVE_INFINITY;
    for (int x = 0; x < taken.length; x++) {
      if (!taken[x]) {
        double dx = points.squaredDistanceTo(x, centres, offset);
        if (dx < bestD) {
          best = x;
          bestD = dx;
        }
      }
    }
    return best;
  }
}
