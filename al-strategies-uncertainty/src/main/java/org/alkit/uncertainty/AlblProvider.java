package org.alkit.uncertainty;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import org.alkit.api.AlException;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.StatefulStrategy;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;
import org.alkit.api.UnknownNameException;
import org.alkit.commons.Probabilities;
import org.apiguardian.api.API;

/**
 * {@code albl}: active learning by learning (Hsu and Lin, "Active Learning by Learning", AAAI 2015;
 * libact's {@code ActiveLearningByLearning}), which learns which strategy to follow while it runs.
 * The experts are the configured {@code strategies} (each at its defaults) and uniform random; EXP4.P
 * ({@link Exp4P}, libact's {@code delta} and {@code pmin}, horizon T) mixes their advice into a
 * distribution over the unlabeled items and draws each pick from it, one draw per pick (batch mode:
 * each expert selects once per round, and proposes its best item not already picked in the round).
 *
 * <p>The reward is the importance-weighted accuracy of the current model on the items ALBL picked,
 * IW-ACC = (1/(n·T)) Σ_t W_t·[y_{i_t} = f(x_{i_t})], W_t = 1/p of pick t, f the argmax of this
 * round's {@code probabilities}, n the pool size; it is computed at the next round's selection, once
 * the picks are labeled and the model refitted, and updates the weights of every pick of the round
 * before. The bandit's state is a {@link StatefulStrategy}'s: the run journal records it after each
 * round, so a resumed run continues exactly. {@code alkit select} runs one round from uniform
 * weights.
 *
 * <p>The experts are found through {@link ServiceLoader} among the strategies on the module path
 * and the class path (not plugin folders, not an OSGi framework); their signals and capabilities
 * are ALBL's, checked before round 1.
 */
@API(status = INTERNAL, since = "0.3")
public final class AlblProvider implements StrategyProvider {
  private static final String NAME = "albl";

  /** The provider, as ServiceLoader creates it. */
  public AlblProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String family() {
    return "meta";
  }

  @Override
  public String description() {
    return "active learning by learning: EXP4.P over strategies and uniform random, IW-ACC reward (Hsu & Lin 2015)";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.text("strategies", "margin,coreset,badge", "the experts, comma-separated strategy names"
            + " (each at its defaults); uniform random is always one more"),
        Parameter.real("delta", 0.1, "EXP4.P's confidence delta").above(0),
        Parameter.real("pmin", 0, "EXP4.P's exploration floor per item; 0: sqrt(ln N / (K T)); capped at 1/(2K)")
            .atLeast(0).below(1),
        Parameter.integer("horizon", 100, "T, the picks the run will make (EXP4.P's horizon, IW-ACC's 1/T)")
            .atLeast(1));
  }

  /** What albl requires with its default experts, for listings; {@link #requires(Options)} for others. */
  @Override
  public Set<Signal> requires() {
    return requires(defaults());
  }

  /** The probabilities of its reward and what each expert requires. */
  @Override
  public Set<Signal> requires(Options options) {
    Set<Signal> out = new LinkedHashSet<>(Set.of(Signal.PROBABILITIES));
    experts(options).forEach(p -> out.addAll(p.requires(p.defaults())));
    return Set.copyOf(out);
  }

  @Override
  public Set<Class<?>> capabilities() {
    return capabilities(defaults());
  }

  @Override
  public Set<Class<?>> capabilities(Options options) {
    Set<Class<?>> out = new LinkedHashSet<>();
    experts(options).forEach(p -> out.addAll(p.capabilities(p.defaults())));
    return Set.copyOf(out);
  }

  @Override
  public Strategy create(Options options) {
    List<StrategyProvider> providers = experts(options);
    List<Strategy> experts = providers.stream().map(p -> p.create(p.defaults())).toList();
    return new Albl(options, experts, new Exp4P(experts.size() + 1, options.getDouble("delta"),
        options.getInt("horizon"), options.getDouble("pmin")));
  }

  /** The providers {@code strategies} names, in order. */
  private static List<StrategyProvider> experts(Options options) {
    String list = options.getString("strategies");
    Map<String, StrategyProvider> installed = new TreeMap<>();
    for (StrategyProvider p : ServiceLoader.load(StrategyProvider.class, AlblProvider.class.getClassLoader())) {
      installed.putIfAbsent(p.name(), p);
    }
    List<StrategyProvider> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String raw : list.split(",", -1)) {
      String name = raw.strip();
      if (name.isEmpty()) {
        throw new InvalidInputException("strategy '" + NAME + "': strategies = '" + list
            + "'; expected strategy names separated by commas");
      }
      if (name.equals(NAME)) {
        throw new InvalidInputException("strategy '" + NAME + "': strategies = '" + list
            + "'; expected other strategies than albl itself");
      }
      if (!seen.add(name)) {
        throw new InvalidInputException("strategy '" + NAME + "': strategies = '" + list + "' names " + name
            + " twice; expected each expert once");
      }
      StrategyProvider p = installed.get(name);
      if (p == null) {
        throw new UnknownNameException("strategy in albl's option strategies,", name, installed.keySet());
      }
      out.add(p);
    }
    return out;
  }

  /** The strategy: the experts' advice, the bandit, its state. */
  private static final class Albl implements Strategy, StatefulStrategy {
    private final Options options;
    private final List<Strategy> experts;
    private final Exp4P bandit;

    Albl(Options options, List<Strategy> experts, Exp4P bandit) {
      this.options = options;
      this.experts = experts;
      this.bandit = bandit;
    }

    @Override
    public Selection select(SelectionContext ctx) {
      if (bandit.awaitsReward()) {
        bandit.update(bandit.reward(correct(ctx), ctx.poolSize()));
      }
      int size = ctx.selectionSize();
      List<int[]> advice = new ArrayList<>();
      for (Strategy expert : experts) {
        advice.add(expert.select(ctx).indices());
      }
      boolean[] taken = new boolean[ctx.poolSize()];
      int[] arms = ctx.unlabeled();
      SplittableRandom random = ctx.random();
      int[] picks = new int[size];
      double[] scores = new double[size];
      for (int b = 0; b < size; b++) {
        int[] proposals = new int[experts.size()];
        for (int i = 0; i < proposals.length; i++) {
          proposals[i] = Arrays.stream(advice.get(i)).filter(j -> !taken[j]).findFirst().orElseThrow(
              () -> new AlException("an expert of strategy '" + NAME + "' picked fewer items than the budget"));
        }
        Exp4P.Pick pick = bandit.pick(arms, proposals, random.nextDouble());
        picks[b] = pick.arm();
        scores[b] = pick.probability();
        taken[pick.arm()] = true;
        arms = Arrays.stream(arms).filter(j -> j != pick.arm()).toArray();
      }
      return Selection.of(NAME, options, picks, scores);
    }

    /** Whether this round's model predicts the label of each item picked so far. */
    private boolean[] correct(SelectionContext ctx) {
      Matrix p = ctx.matrix(Signal.PROBABILITIES);
      int[] labeled = ctx.labeled();
      int[] labels = ctx.labels();
      Function<Integer, Integer> label = item -> {
        int at = Arrays.binarySearch(labeled, item);
        if (at < 0) {
          throw new AlException("strategy '" + NAME + "' picked item " + item + " in an earlier round, and it is not"
              + " labeled now; expected the rounds of one run");
        }
        return labels[at];
      };
      int[] queried = bandit.queried();
      boolean[] out = new boolean[queried.length];
      for (int t = 0; t < queried.length; t++) {
        out[t] = Probabilities.argmax(p, queried[t]) == label.apply(queried[t]);
      }
      return out;
    }

    @Override
    public String state() {
      return bandit.state();
    }

    @Override
    public void restore(String state) {
      bandit.restore(state);
    }
  }
}
