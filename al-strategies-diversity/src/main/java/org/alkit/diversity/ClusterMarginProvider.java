package org.alkit.diversity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.alkit.api.Matrix;
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
 * {@code cluster-margin}: Citovsky et al., "Batch Active Learning at Scale", NeurIPS 2021.
 * Margin sampling made diverse by clustering.
 *
 * <ol>
 *   <li>Candidates: the m = min(n_u, {@code candidates}·budget) unlabeled items with the smallest
 *       margin p_(1) − p_(2), in margin order (ties to the lower index).</li>
 *   <li>Clusters: average-linkage agglomerative clustering ({@link AverageLinkage}) of the
 *       candidates' embeddings, cut into {@code clusters} clusters (0: ⌈√m⌉) or at
 *       {@code threshold}.</li>
 *   <li>Round robin over the clusters, smallest first (ties to the cluster whose best candidate
 *       has the smaller margin): each visit takes the cluster's next lowest-margin candidate,
 *       until the budget is filled. A pick's score is 1 − margin.</li>
 * </ol>
 *
 * <p>Deviations, for cost and determinism: the paper clusters the whole pool once, before the
 * first round; here the candidates are clustered at every call (no cache, so the strategy stays
 * a pure function of its context). Clustering is {@code O(m²)} in time and memory, so at most
 * {@code max-clustered} candidates (the lowest-margin ones) are clustered and every further
 * candidate joins the cluster of its nearest clustered candidate (compute backend
 * {@code nearest}). Within a cluster the paper samples at random; here the lowest margin goes
 * first.
 *
 * <p>Requires {@link Signal#PROBABILITIES} and {@link Signal#EMBEDDINGS}. Options
 * {@code candidates} (default 10), {@code clusters} (default 0), {@code threshold} (default 0),
 * {@code max-clustered} (default 2000).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ClusterMarginProvider implements StrategyProvider {

  @Override
  public String name() {
    return "cluster-margin";
  }

  @Override
  public String family() {
    return "diversity";
  }

  @Override
  public String description() {
    return "lowest-margin candidates, round robin over agglomerative clusters (Citovsky et al. 2021)";
  }

  @Override
  public Set<Signal> requires() {
    return Set.of(Signal.PROBABILITIES, Signal.EMBEDDINGS);
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.integer("candidates", 10, "cluster the candidates*budget lowest-margin items")
            .atLeast(1).atMost(ClusterMarginOptions.MAX_CANDIDATES),
        Parameter.integer("clusters", 0, "clusters to cut into (0 = sqrt of the clustered count)").atLeast(0),
        Parameter.real("threshold", 0, "cut at this average-linkage distance instead (0 = off)").atLeast(0),
        Parameter.integer("max-clustered", 2000, "at most this many candidates are clustered")
            .atLeast(2).atMost(ClusterMarginOptions.MAX_CLUSTERED));
  }

  @Override
  public Strategy create(Options options) {
    ClusterMarginOptions settings = ClusterMarginOptions.from(options);
    return ctx -> select(ctx, options, settings);
  }

  private Selection select(SelectionContext ctx, Options options, ClusterMarginOptions settings) {
    int[] unlabeled = ctx.unlabeled();
    int k = ctx.selectionSize();
    double[] margins = ProbabilityRows.margins(ctx.matrix(Signal.PROBABILITIES), unlabeled);
    Matrix embeddings = ctx.matrix(Signal.EMBEDDINGS);
    int m = (int) Math.min(unlabeled.length, (long) settings.candidates() * k);
    double[] negated = new double[margins.length];
    for (int i = 0; i < negated.length; i++) {
      negated[i] = -margins[i];
    }
    int[] byMargin = Ranking.topK(negated, m);
    int[] rows = new int[m];
    for (int r = 0; r < m; r++) {
      rows[r] = unlabeled[byMargin[r]];
    }
    int[] label = clusterLabels(ctx, embeddings, rows, settings);
    List<List<Integer>> clusters = new ArrayList<>();
    for (int r = 0; r < m; r++) {
      while (clusters.size() <= label[r]) {
        clusters.add(new ArrayList<>());
      }
      clusters.get(label[r]).add(r);
    }
    clusters.sort(Comparator.<List<Integer>>comparingInt(List::size).thenComparingInt(c -> c.get(0)));
    int[] picked = new int[k];
    double[] scores = new double[k];
    int taken = 0;
    for (int depth = 0; taken < k; depth++) {
      for (List<Integer> c : clusters) {
        if (depth < c.size() && taken < k) {
          int r = c.get(depth);
          picked[taken] = rows[r];
          scores[taken] = 1 - margins[byMargin[r]];
          taken++;
        }
      }
    }
    return Selection.of(name(), options, picked, scores);
  }

  /**
   * Cluster labels of the candidates (in margin order, so labels are numbered from the lowest
   * margin): the first {@code max-clustered} are clustered, the rest join their nearest one.
   */
  private static int[] clusterLabels(SelectionContext ctx, Matrix embeddings, int[] rows,
      ClusterMarginOptions settings) {
    int m = rows.length;
    int core = Math.min(m, settings.maxClustered());
    Matrix clustered = embeddings.select(Arrays.copyOf(rows, core));
    int[] label = new int[m];
    if (core > 0) {
      Matrix d2 = ctx.backend().squaredDistances(clustered, clustered);
      double[] distances = new double[core * core];
      for (int i = 0; i < core; i++) {
        for (int j = 0; j < core; j++) {
          distances[i * core + j] = d2.get(i, j);
        }
      }
      AverageLinkage tree = AverageLinkage.of(core, distances);
      int[] coreLabel = settings.threshold() > 0
          ? tree.cutAt(settings.threshold())
          : tree.cut(settings.clusters() > 0 ? settings.clusters() : (int) Math.ceil(Math.sqrt(core)));
      System.arraycopy(coreLabel, 0, label, 0, core);
    }
    if (core < m) {
      Matrix rest = embeddings.select(Arrays.copyOfRange(rows, core, m));
      int[] nearest = ctx.backend().nearest(rest, clustered).index();
      for (int r = core; r < m; r++) {
        label[r] = label[nearest[r - core]];
      }
    }
    return label;
  }
}
