package org.alkit.eval.data;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.ScenarioHints;
import org.alkit.runtime.Dataset;
import org.alkit.runtime.ScenarioConfig;
import org.apiguardian.api.API;

/**
 * An evaluation scenario: a seeded transformation of a data set's pool (and, for {@code ood}, of
 * its test split) plus the {@link ScenarioHints} strategies may read. Parts compose with {@code +},
 * applied left to right, e.g. {@code rare-classes:3,5+redundancy:2}.
 *
 * <ul>
 *   <li>{@code balanced} — the data as it is.</li>
 *   <li>{@code dominant:K} — keep 10 % of every class but K, so K dominates the pool (VaB-AL's
 *       CIFAR-10<sup>+[K]</sup>; Choi et al., "VaB-AL: Incorporating Class Imbalance and Difficulty
 *       with Variational Bayes for Active Learning", CVPR 2021).</li>
 *   <li>{@code rare:K} — keep 10 % of class K (VaB-AL's CIFAR-10<sup>−[K]</sup>); no hints.</li>
 *   <li>{@code rare-classes:K1,K2,…} — keep 10 % of each listed class and pass them as
 *       {@link ScenarioHints#rareClasses()}, with up to {@value #EXEMPLARS} pool items of each as
 *       the query set Q ({@link ScenarioHints#queryIndices()}: the examples of the rare classes a
 *       user brings; they stay unlabeled in the pool) — SIMILAR's rare-class setting, imbalance
 *       ratio 10 (Kothawade et al., "SIMILAR: Submodular Information Measures Based Active
 *       Learning in Realistic Scenarios", NeurIPS 2021).</li>
 *   <li>{@code redundancy:R} — every pool item R times: the original and R − 1 copies with
 *       Gaussian noise of 1 % of each feature's standard deviation (SIMILAR's redundancy
 *       setting); the hints' scenario is {@code redundancy}.</li>
 *   <li>{@code ood:K1,K2,…} — those classes stay in the pool but are out of distribution: they
 *       are passed as {@link ScenarioHints#oodClasses()}, with up to {@value #EXEMPLARS} pool items
 *       of each as the private set P ({@link ScenarioHints#privateIndices()}: known examples of what
 *       to avoid); the model never trains on them (a pick costs budget and gives nothing) and the
 *       test split drops them (SIMILAR's OOD setting).</li>
 *   <li>{@code imbalanced:c0,c1,…} — keep exactly {@code c_k} pool items of class k, one count per
 *       class (e.g. NEU's 200…1 589; the class-count profile behind alamp's imbalance ratio σ/μ).</li>
 *   <li>{@code ir:T} — induces the imbalance ratio σ/μ = T of the pool's class counts (alamp's
 *       σ/μ ≈ 0.74; Aggarwal et al., "Optimizing active learning for low annotation budgets") by a
 *       geometric schedule: class k keeps max(1, round(m · q^k)) items, m the smallest class's
 *       count, q chosen so the schedule's σ/μ is T ({@link ScenarioPart.ImbalanceRatio}).</li>
 * </ul>
 *
 * <p>Kept subsets are drawn by seeded shuffles and keep at least one item of a class,
 * {@code max(1, round(0.1 · n_c))}. The rare classes that metrics report on are the union over
 * the parts: K for {@code rare:K}, every class but K for {@code dominant:K}, the listed ones for
 * {@code rare-classes}, and for {@code imbalanced} and {@code ir} the classes whose count is below the profile's
 * mean.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Scenario {
  /** The part kinds, in the order the documentation lists them. */
  static final List<String> KINDS =
      List.of("balanced", "dominant", "rare", "rare-classes", "redundancy", "ood", "imbalanced", "ir");

  /** The share of a class that {@code dominant}, {@code rare} and {@code rare-classes} keep. */
  static final double KEPT_SHARE = 0.1;

  /** Noise of redundant copies, relative to each feature's standard deviation over the pool. */
  static final double COPY_NOISE = 0.01;

  /** Pool items of each rare (OOD) class passed as the query (private) set. */
  public static final int EXEMPLARS = 5;

  private final String spec;
  private final List<ScenarioPart> parts;

  private Scenario(String spec, List<ScenarioPart> parts) {
    this.spec = spec;
    this.parts = List.copyOf(parts);
  }

  /**
   * Parses {@code spec}, e.g. {@code balanced}, {@code dominant:0} or {@code rare-classes:3,5+redundancy:2}.
   *
   * @throws InvalidInputException naming the part and listing the known kinds
   */
  public static Scenario parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new InvalidInputException("scenario = '" + spec + "'; expected one of " + KINDS
          + ", e.g. rare-classes:3,5 (parts join with +)");
    }
    List<ScenarioPart> parts = new ArrayList<>();
    for (String text : spec.split("\\+", -1)) {
      parts.add(ScenarioPart.parse(spec, text.strip()));
    }
    return new Scenario(spec.strip(), parts);
  }

  /** The text this scenario was parsed from. */
  public String spec() {
    return spec;
  }

  /** The kinds of its parts, e.g. {@code [rare-classes, redundancy]}. */
  public List<String> kinds() {
    return parts.stream().map(ScenarioPart::kind).toList();
  }

  /**
   * The scenario's name in the hints a strategy reads: its hinted kinds joined by {@code +}
   * (e.g. {@code redundancy}, which makes SIMILAR's private set the labeled set), else its spec.
   */
  public String hintName() {
    TreeSet<String> hintKinds = new TreeSet<>();
    for (ScenarioPart part : parts) {
      if (part.hinted()) {
        hintKinds.add(part.kind());
      }
    }
    return hintKinds.isEmpty() ? spec : String.join("+", hintKinds);
  }

  /**
   * This scenario as a run configuration's scenario with {@code strategy}: named as the hints name
   * it ({@link #hintName()}), with the rare classes its {@code rare-classes} parts hint and the OOD
   * classes of its {@code ood} parts. The strategy then reads what it read in the matrix, Q and P
   * derived from the labeled items of those classes; the run does not transform the data.
   */
  public ScenarioConfig runScenario(String strategy, Map<String, String> strategyOptions) {
    Set<Integer> rare = new TreeSet<>();
    Set<Integer> ood = new TreeSet<>();
    for (ScenarioPart part : parts) {
      if (part instanceof ScenarioPart.Thinning t && t.hinted()) {
        rare.addAll(t.classes());
      } else if (part instanceof ScenarioPart.Ood o) {
        ood.addAll(o.classes());
      }
    }
    return new ScenarioConfig(hintName(), strategy, strategyOptions, rare, ood);
  }

  /**
   * Transforms {@code data} with draws from {@code seed}: the same seed gives the same result.
   *
   * @throws InvalidInputException if a class is outside the data set's classes or a count exceeds
   *     what the pool holds
   */
  public ScenarioData apply(Dataset data, long seed) {
    State state = State.of(data);
    SplittableRandom random = new SplittableRandom(seed);
    for (ScenarioPart part : parts) {
      state = part.apply(this, state, random.split());
    }
    ScenarioHints hints = ScenarioHints.none()
        .withScenario(hintName())
        .withRareClasses(state.hintedRare)
        .withOodClasses(state.ood)
        .withQueryIndices(state.poolRows(state.queryOrigins))
        .withPrivateIndices(state.poolRows(state.privateOrigins));
    Dataset transformed = new Dataset(data.name(), state.pool, state.poolLabels, state.test, state.testLabels,
        data.numClasses(), data.itemShape(), data.classNames());
    return new ScenarioData(transformed, state.origin, hints, state.rare, state.ood);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Scenario s && s.spec.equals(spec);
  }

  @Override
  public int hashCode() {
    return spec.hashCode();
  }

  @Override
  public String toString() {
    return spec;
  }

  /** Checks that {@code k} is a class of {@code state}. */
  int checkClass(State state, int k) {
    if (k < 0 || k >= state.numClasses) {
      throw new InvalidInputException("scenario '" + spec + "': class " + k + " is outside the data set's "
          + "classes [0, " + state.numClasses + ")");
    }
    return k;
  }

  InvalidInputException bad(String what) {
    return new InvalidInputException("scenario '" + spec + "': " + what);
  }

  /** Pool indices of each class, ascending. */
  static int[][] byClass(int[] labels, int numClasses) {
    int[] counts = new int[numClasses];
    for (int y : labels) {
      counts[y]++;
    }
    int[][] out = new int[numClasses][];
    for (int c = 0; c < numClasses; c++) {
      out[c] = new int[counts[c]];
    }
    int[] fill = new int[numClasses];
    for (int i = 0; i < labels.length; i++) {
      out[labels[i]][fill[labels[i]]++] = i;
    }
    return out;
  }

  /** Joins integers for messages. */
  static String join(int[] values) {
    return Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(","));
  }

  /** The data as the parts transform it. */
  static final class State {
    final int numClasses;
    Matrix pool;
    int[] poolLabels;
    int[] origin;
    Matrix test;
    int[] testLabels;
    final Set<Integer> rare = new TreeSet<>();
    final Set<Integer> hintedRare = new TreeSet<>();
    final Set<Integer> ood = new TreeSet<>();
    /** Origins of the query set's and the private set's items, mapped to pool rows at the end. */
    final List<Integer> queryOrigins = new ArrayList<>();
    final List<Integer> privateOrigins = new ArrayList<>();

    private State(Dataset data) {
      numClasses = data.numClasses();
      pool = data.pool();
      poolLabels = data.poolLabels();
      origin = IntStream.range(0, pool.rows()).toArray();
      test = data.test();
      testLabels = data.testLabels();
    }

    static State of(Dataset data) {
      return new State(Objects.requireNonNull(data, "data"));
    }

    /** The first pool row of each origin in {@code origins}, skipping origins no longer in the pool. */
    List<Integer> poolRows(List<Integer> origins) {
      Map<Integer, Integer> firstRow = new HashMap<>();
      for (int i = origin.length - 1; i >= 0; i--) {
        firstRow.put(origin[i], i);
      }
      return origins.stream().filter(firstRow::containsKey).map(firstRow::get).distinct().toList();
    }

    /** Adds up to {@link #EXEMPLARS} pool items of each class in {@code classes} to {@code origins}. */
    void exemplars(Set<Integer> classes, List<Integer> origins, SplittableRandom random) {
      int[][] byClass = byClass(poolLabels, numClasses);
      for (int c : classes) {
        for (int i : ScenarioPart.sample(byClass[c], Math.min(EXEMPLARS, byClass[c].length), random)) {
          origins.add(origin[i]);
        }
      }
    }

    /** Keeps the pool rows {@code keep} (ascending). */
    void keepPool(int[] keep) {
      pool = pool.select(keep);
      poolLabels = Arrays.stream(keep).map(i -> poolLabels[i]).toArray();
      origin = Arrays.stream(keep).map(i -> origin[i]).toArray();
    }
  }
}
