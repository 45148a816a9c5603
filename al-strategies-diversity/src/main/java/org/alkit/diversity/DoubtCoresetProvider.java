package org.alkit.diversity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.alkit.api.CentreTracker;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;
import org.alkit.commons.Ranking;
import org.alkit.commons.SplitMix;
import org.apiguardian.api.API;

/**
 * {@code coreset-doubt}: the doubt-weighted core-set with beam search of "Improving greedy
 * core-set configurations for active learning with uncertainty-scaled distances" (Algorithm 2).
 *
 * <p>Our reading of the algorithm (the paper was not at hand; this is what is implemented):
 * <ul>
 *   <li>Doubt I(x) = 1 − max_c p(c | x). The distance of an unlabeled x to the current centres
 *       (labeled items and picks) is scaled by its doubt, and a greedy step picks
 *       <pre>  u = argmax_{x ∈ U \ S} I(x) · min_{c ∈ L ∪ S} ‖x − c‖₂</pre>
 *       scoring it with that scaled distance. Ties go to the lowest pool index.</li>
 *   <li>Beam search of width K ({@code beam}): each of the K partial configurations s is
 *       extended by each of its K best greedy candidates; among the distinct extended sets the K
 *       with the lowest overall confidence, i.e. the highest
 *       <pre>  U(s) = −(1/|s|) Σ_{x ∈ s} log(1 − I(x)) = −(1/|s|) Σ_{x ∈ s} log max_c p(c | x),</pre>
 *       are kept (ties to the earlier generated). After {@code budget} steps the configuration with
 *       the highest U is returned in pick order. K = 1 is exactly the greedy run. A wider beam
 *       ends at least as uncertain as the greedy run over two picks (every child is then
 *       compared), but not in general: beam search is not monotone in K, since the greedy
 *       configuration can be dropped at an intermediate step.</li>
 *   <li>With no labeled item the first pick maximises I(x)·‖x − mean‖ (mean of the unlabeled
 *       embeddings), as in {@code coreset}.</li>
 * </ul>
 * With all doubts equal the picks are those of {@code coreset}.
 *
 * <p>Cost: as {@code coreset} times the beam width; each kept configuration holds its own
 * {@code O(n)} min-distance state (a {@link CentreTracker} copy).
 *
 * <p>Requires {@link Signal#EMBEDDINGS} and {@link Signal#PROBABILITIES}. Option {@code beam}
 * (default 1, at most {@value DoubtCoresetOptions#MAX_BEAM}).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class DoubtCoresetProvider implements StrategyProvider {
  /** log(max p) is clamped here so one-hot rows stay finite. */
  private static final double MIN_CONFIDENCE = 1e-12;

  @Override
  public String name() {
    return "coreset-doubt";
  }

  @Override
  public String family() {
    return "diversity";
  }

  @Override
  public String description() {
    return "core-set with doubt-scaled distances and beam search";
  }

  @Override
  public Set<Signal> requires() {
    return Set.of(Signal.EMBEDDINGS, Signal.PROBABILITIES);
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(Parameter.integer("beam", 1,
        "partial configurations kept by the beam search (1 = greedy)").atLeast(1).atMost(DoubtCoresetOptions.MAX_BEAM));
  }

  @Override
  public Strategy create(Options options) {
    DoubtCoresetOptions settings = DoubtCoresetOptions.from(options);
    return ctx -> select(ctx, options, settings.beam());
  }

  /**
   * One partial configuration: its min-distance state, picks in order, Σ −log max p, and a
   * Zobrist hash of the pick set (XOR of the {@link SplitMix} code of each position) to drop
   * duplicate sets.
   */
  private record Beam(CentreTracker state, int[] picks, double[] scores, double cost, long set) {}

  private Selection select(SelectionContext ctx, Options options, int width) {
    int[] unlabeled = ctx.unlabeled();
    int k = ctx.selectionSize();
    if (k == 0) {
      return Selection.of(name(), options, new int[0], new double[0]);
    }
    double[] doubt = ProbabilityRows.doubts(ctx.matrix(Signal.PROBABILITIES), unlabeled);
    List<Beam> beams = new ArrayList<>();
    CentreTracker start = KCenterStart.fromLabeled(ctx, unlabeled);
    if (ctx.labeled().length > 0) {
      beams.add(new Beam(start, new int[0], new double[0], 0, 0L));
    } else {
      double[] scaled = KCenterStart.distancesToMean(ctx, unlabeled);
      for (int x = 0; x < scaled.length; x++) {
        scaled[x] *= doubt[x];
      }
      int first = Ranking.topK(scaled, 1)[0];
      start.add(first);
      beams.add(new Beam(start, new int[] {first}, new double[] {scaled[first]}, cost(doubt[first]),
          SplitMix.mix(first)));
    }
    for (int step = beams.get(0).picks().length; step < k; step++) {
      beams = extend(beams, doubt, width);
    }
    for (Beam b : beams) {
      b.state().close();
    }
    Beam best = beams.get(0);
    for (Beam b : beams) {
      if (b.cost() > best.cost()) {
        best = b;
      }
    }
    int[] picked = new int[k];
    for (int r = 0; r < k; r++) {
      picked[r] = unlabeled[best.picks()[r]];
    }
    return Selection.of(name(), options, picked, best.scores());
  }

  /** One beam step: every beam proposes its {@code width} best greedy candidates. */
  private static List<Beam> extend(List<Beam> beams, double[] doubt, int width) {
    record Child(Beam parent, int item, double score, double cost, long set) {}
    List<Child> children = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (Beam b : beams) {
      double[] scaled = scaledDistances(b.state(), doubt);
      int remaining = doubt.length - b.picks().length;
      for (int x : Ranking.topK(scaled, Math.min(width, remaining))) {
        long set = b.set() ^ SplitMix.mix(x);
        if (seen.add(set)) {
          children.add(new Child(b, x, scaled[x], b.cost() + cost(doubt[x]), set));
        }
      }
    }
    double[] costs = children.stream().mapToDouble(Child::cost).toArray();
    int[] keep = Ranking.topK(costs, Math.min(width, children.size()));
    List<Beam> next = new ArrayList<>(keep.length);
    for (int c : keep) {
      Child child = children.get(c);
      Beam parent = child.parent();
      CentreTracker state = width == 1 ? parent.state() : parent.state().copy();
      state.add(child.item());
      int n = parent.picks().length;
      int[] picks = Arrays.copyOf(parent.picks(), n + 1);
      double[] scores = Arrays.copyOf(parent.scores(), n + 1);
      picks[n] = child.item();
      scores[n] = child.score();
      next.add(new Beam(state, picks, scores, child.cost(), child.set()));
    }
    if (width > 1) { // the kept beams hold copies; with width 1 the one state moved on
      for (Beam b : beams) {
        b.state().close();
      }
    }
    return next;
  }

  /** I(x)·D(x) for every unlabeled x, and −1 for picks so they are never proposed again. */
  private static double[] scaledDistances(CentreTracker state, double[] doubt) {
    double[] out = new double[doubt.length];
    state.squaredDistances(out);
    for (int x = 0; x < out.length; x++) {
      out[x] = state.isCentre(x) ? -1 : doubt[x] * Math.sqrt(out[x]);
    }
    return out;
  }

  /** −log(1 − I(x)) = −log max p: the item's contribution to |s|·U(s). */
  private static double cost(double doubt) {
    return -Math.log(Math.max(1 - doubt, MIN_CONFIDENCE));
  }
}
