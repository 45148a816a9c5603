package org.alkit.runtime;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.alkit.api.InvalidInputException;
import org.apiguardian.api.API;

/**
 * What one active-learning run does. Read from YAML with {@link #load}/{@link #parse}; every key
 * is optional and falls back to {@link #defaults()}:
 *
 * <pre>{@code
 * dataset: optdigits
 * model: logistic
 * model-options: {l2: 0.01}
 * strategy: margin
 * strategy-options: {}
 * backend: java
 * backend-options: {threads: 0}
 * oracle: simulated
 * initial-labeled: 20
 * budget: 20
 * rounds: 10
 * seed: 42
 * test-fraction: 0.25
 * pseudo-labels: {threshold: 0.05, decay: 0.0033}
 * scenarios:
 *   - {name: rare-classes, strategy: similar, strategy-options: {function: flvmi}, rare-classes: [3, 7]}
 * selection-model: logistic        # optional: the strategy reads this model's signals (a proxy)
 * selection-model-options: {}
 * engine: spark                    # optional: select on Spark (al-spark); default local
 * spark-master: local[2]           # with engine: spark; default local[*]
 * spark-conf: {alkit.partitions: 8}
 * }</pre>
 *
 * YAML is read by {@link YamlTree}, as an evaluation matrix and a run journal's copy are: plain
 * maps, lists and scalars; unknown and duplicate keys rejected (unknown ones with the list of known
 * ones); a bad value named with its key; a YAML syntax error in one line with its position. A
 * dataset given as a relative path is resolved against the configuration file's folder
 * ({@link #load}). Scenarios may name rare and OOD classes ({@link ScenarioConfig}).
 *
 * <p>Experimental: a record cannot take a new key compatibly, and runs keep gaining keys (the
 * scenarios' hints did; data set folders and the run request are next).
 *
 * @param dataset the data set's name
 * @param model the model provider's name
 * @param modelOptions the model's options, as text
 * @param strategy the strategy provider's name
 * @param strategyOptions the strategy's options, as text
 * @param backend the compute backend's name
 * @param backendOptions the backend's options, as text
 * @param oracle the oracle's name ({@code simulated})
 * @param initialLabeled pool items labeled at random before round 1, ≥ 1
 * @param budget items picked per round, ≥ 1
 * @param rounds selection rounds, ≥ 1
 * @param seed the seed of every random choice of the run
 * @param testFraction the share of the data held out for testing, in (0, 1)
 * @param scenarios the scenarios, each naming its strategy; empty for a plain run
 * @param selectionModel the model whose signals the strategy reads, if not {@code model}: selection
 *     via proxy (Coleman et al., "Selection via Proxy: Efficient Data Selection for Deep Learning",
 *     ICLR 2020); accuracy is still measured with {@code model}
 * @param selectionModelOptions the selection model's options, as text (empty without one)
 * @param pseudoLabels CEAL's pseudo-labels added to each fit ({@link PseudoLabels}), or empty
 * @param engine where each round's selection runs: {@value SelectionEngine#LOCAL} (this JVM), or
 *     an installed {@link SelectionEngine} such as {@code spark}; the model fits in this JVM
 * @param engineSettings the engine's settings: {@code master} (the key {@code spark-master}) and
 *     the {@code spark-conf} keys, as {@code alkit select} passes them; empty for the local engine
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RunConfig(
    String dataset,
    String model,
    Map<String, String> modelOptions,
    String strategy,
    Map<String, String> strategyOptions,
    String backend,
    Map<String, String> backendOptions,
    String oracle,
    int initialLabeled,
    int budget,
    int rounds,
    long seed,
    double testFraction,
    List<ScenarioConfig> scenarios,
    Optional<String> selectionModel,
    Map<String, String> selectionModelOptions,
    Optional<PseudoLabels> pseudoLabels,
    String engine,
    Map<String, String> engineSettings) {

  private static final List<String> KEYS = List.of("dataset", "model", "model-options", "strategy",
      "strategy-options", "backend", "backend-options", "oracle", "initial-labeled", "budget", "rounds",
      "seed", "test-fraction", "scenarios", "selection-model", "selection-model-options", PseudoLabels.KEY,
      "engine", "spark-master", "spark-conf");
  private static final String MASTER = "master";
  private static final List<String> SCENARIO_KEYS =
      List.of("name", "strategy", "strategy-options", "rare-classes", "ood-classes", "query", "private",
          "query-data", "private-data");

  /**
   * Checks every value and copies the collections.
   *
   * @throws InvalidInputException naming the key, the bad value and what was expected
   */
  public RunConfig {
    dataset = name("dataset", dataset);
    model = name("model", model);
    strategy = name("strategy", strategy);
    backend = name("backend", backend);
    oracle = name("oracle", oracle);
    modelOptions = Map.copyOf(modelOptions);
    strategyOptions = Map.copyOf(strategyOptions);
    backendOptions = Map.copyOf(backendOptions);
    scenarios = List.copyOf(scenarios);
    selectionModel = selectionModel.map(m -> name("selection-model", m));
    selectionModelOptions = Map.copyOf(selectionModelOptions);
    if (selectionModel.isEmpty() && !selectionModelOptions.isEmpty()) {
      throw new InvalidInputException("selection-model-options = " + new TreeMap<>(selectionModelOptions)
          + " without selection-model; expected a selection model for them, or no options");
    }
    Objects.requireNonNull(pseudoLabels, "pseudoLabels");
    if (pseudoLabels.isPresent() && selectionModel.isPresent()) {
      throw new InvalidInputException(PseudoLabels.KEY + " with selection-model '" + selectionModel.get()
          + "'; expected one of the two (CEAL's pseudo-labels train the model that both selects and is measured)");
    }
    engine = name("engine", engine);
    engineSettings = Map.copyOf(engineSettings);
    if (engine.equals(SelectionEngine.LOCAL) && !engineSettings.isEmpty()) {
      throw new InvalidInputException("spark-master and spark-conf with engine " + engine
          + "; expected engine: spark for them");
    }
    atLeast("initial-labeled", initialLabeled, 1);
    atLeast("budget", budget, 1);
    atLeast("rounds", rounds, 1);
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new InvalidInputException("test-fraction = " + testFraction + "; expected 0 < test-fraction < 1");
    }
  }

  /** optdigits, {@code logistic}, {@code random}, {@code java}: 20 initial labels, 10 rounds of 20, seed 42. */
  public static RunConfig defaults() {
    return new RunConfig("optdigits", "logistic", Map.of(), "random", Map.of(), "java", Map.of(), "simulated",
        20, 20, 10, 42, 0.25, List.of(), Optional.empty(), Map.of(), Optional.empty(), SelectionEngine.LOCAL, Map.of());
  }

  /**
   * Reads a YAML file. A file without a single key (empty, or only comments) is refused: a user who
   * names a file means its settings, and would otherwise get {@link #defaults()} without a word.
   *
   * @throws InvalidInputException naming the file and the problem
   */
  public static RunConfig load(Path yaml) {
    String text;
    try {
      text = Files.readString(yaml);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(yaml + ": no such file", e);
    } catch (IOException e) {
      throw new InvalidInputException(yaml + ": cannot be read: " + e.getMessage(), e);
    }
    RunConfig config;
    try {
      Object root = YamlTree.parse(text);
      if (root == null) {
        throw new InvalidInputException("the configuration is empty (no key, at most comments); expected a mapping of "
            + String.join(", ", KEYS) + ", or no --config for the defaults");
      }
      config = fromTree(root);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(yaml + ": " + e.getMessage(), e);
    }
    return config.relativeTo(yaml.toAbsolutePath().getParent());
  }

  /**
   * The same configuration with a relative dataset path and relative scenario files resolved
   * against {@code folder} (the configuration file's), so a run gives the same data from any
   * working directory. A dataset counts as a path when it holds a '/' or a '.', which no built-in
   * dataset name does.
   */
  public RunConfig relativeTo(Path folder) {
    if (folder == null) {
      return this;
    }
    boolean path = dataset.contains("/") || dataset.contains(".") || dataset.contains(java.io.File.separator);
    String resolved = path && !Path.of(dataset).isAbsolute() ? folder.resolve(dataset).normalize().toString() : dataset;
    return new RunConfig(resolved, model, modelOptions, strategy, strategyOptions, backend, backendOptions, oracle,
        initialLabeled, budget, rounds, seed, testFraction,
        scenarios.stream().map(s -> s.relativeTo(folder)).toList(), selectionModel, selectionModelOptions,
        pseudoLabels, engine, engineSettings);
  }

  /**
   * Parses YAML text; an empty document gives {@link #defaults()}.
   *
   * @throws InvalidInputException on malformed YAML, an unknown key or a bad value
   */
  public static RunConfig parse(String yaml) {
    return fromTree(YamlTree.parse(yaml));
  }

  /** The configuration of a parsed YAML document (maps, lists and scalars); {@code null} gives {@link #defaults()}. */
  static RunConfig fromTree(Object root) {
    return root == null ? defaults() : read(YamlTree.of(root, "the configuration", "", KEYS));
  }

  /**
   * The configuration the keys of {@code tree} give, {@link #defaults()} for those it lacks; keys
   * that are not a run configuration's (an evaluation matrix's own) are left to the caller.
   *
   * @throws InvalidInputException naming the key, the bad value and what was expected
   */
  public static RunConfig read(YamlTree tree) {
    RunConfig d = defaults();
    String strategy = tree.text("strategy", d.strategy());
    return new RunConfig(
        tree.text("dataset", d.dataset()),
        tree.text("model", d.model()),
        tree.options("model-options"),
        strategy,
        tree.options("strategy-options"),
        tree.text("backend", d.backend()),
        tree.options("backend-options"),
        tree.text("oracle", d.oracle()),
        tree.integer("initial-labeled", d.initialLabeled()),
        tree.integer("budget", d.budget()),
        tree.integer("rounds", d.rounds()),
        tree.whole("seed", d.seed()),
        tree.real("test-fraction", d.testFraction()),
        scenarios(tree, strategy),
        Optional.ofNullable(tree.text("selection-model", null)),
        tree.options("selection-model-options"),
        PseudoLabels.read(tree),
        tree.text("engine", d.engine()),
        engineSettings(tree));
  }

  private static List<ScenarioConfig> scenarios(YamlTree tree, String defaultStrategy) {
    Object value = tree.get("scenarios");
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw tree.bad("scenarios", value, "a list of {" + String.join(", ", SCENARIO_KEYS) + "}");
    }
    List<ScenarioConfig> out = new ArrayList<>();
    for (int k = 0; k < list.size(); k++) {
      YamlTree s = YamlTree.of(list.get(k), "scenarios[" + k + "]", "scenarios[" + k + "].", SCENARIO_KEYS);
      if (!s.keys().contains("name")) {
        throw new InvalidInputException("scenarios[" + k + "] has no 'name'; expected one");
      }
      out.add(new ScenarioConfig(s.text("name", null), s.text("strategy", defaultStrategy),
          s.options("strategy-options"), classes(s, "rare-classes"), classes(s, "ood-classes"),
          poolIndices(s, "query"), poolIndices(s, "private"), file(s, "query-data"), file(s, "private-data")));
    }
    return out;
  }

  private static Set<Integer> classes(YamlTree s, String key) {
    Set<Integer> out = new TreeSet<>();
    for (Object v : s.list(key)) {
      if (!(v instanceof Integer c) || c < 0) {
        throw s.bad(key, s.get(key), "a list of class labels >= 0, e.g. [3, 7]");
      }
      out.add(c);
    }
    return out;
  }

  private static List<Integer> poolIndices(YamlTree s, String key) {
    List<Integer> out = new ArrayList<>();
    for (Object v : s.list(key)) {
      if (!(v instanceof Integer i) || i < 0) {
        throw s.bad(key, s.get(key), "a list of pool indices >= 0, e.g. [12, 40]");
      }
      out.add(i);
    }
    return out;
  }

  private static Optional<Path> file(YamlTree s, String key) {
    Object value = s.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String path) || path.isBlank()) {
      throw s.bad(key, value, "the path of a .npy file");
    }
    return Optional.of(Path.of(path));
  }

  private static String name(String key, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(key + " = '" + Shown.of(value) + "'; expected a name");
    }
    return value;
  }

  private static void atLeast(String key, int value, int min) {
    if (value < min) {
      throw new InvalidInputException(key + " = " + value + "; expected >= " + min);
    }
  }

  /**
   * This configuration as the YAML tree {@link #fromTree} reads back to an equal one: every key, in
   * the documented order, values as text or numbers.
   */
  Map<String, Object> toTree() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("dataset", dataset);
    out.put("model", model);
    out.put("model-options", new TreeMap<>(modelOptions));
    out.put("strategy", strategy);
    out.put("strategy-options", new TreeMap<>(strategyOptions));
    out.put("backend", backend);
    out.put("backend-options", new TreeMap<>(backendOptions));
    out.put("oracle", oracle);
    out.put("initial-labeled", initialLabeled);
    out.put("budget", budget);
    out.put("rounds", rounds);
    out.put("seed", seed);
    out.put("test-fraction", testFraction);
    List<Map<String, Object>> list = new ArrayList<>();
    for (ScenarioConfig s : scenarios) {
      Map<String, Object> scenario = new LinkedHashMap<>();
      scenario.put("name", s.name());
      scenario.put("strategy", s.strategy());
      scenario.put("strategy-options", new TreeMap<>(s.strategyOptions()));
      scenario.put("rare-classes", List.copyOf(new TreeSet<>(s.rareClasses())));
      scenario.put("ood-classes", List.copyOf(new TreeSet<>(s.oodClasses())));
      scenario.put("query", s.query());
      scenario.put("private", s.privateSet());
      s.queryData().ifPresent(f -> scenario.put("query-data", f.toString()));
      s.privateData().ifPresent(f -> scenario.put("private-data", f.toString()));
      list.add(scenario);
    }
    out.put("scenarios", list);
    selectionModel.ifPresent(m -> {
      out.put("selection-model", m);
      out.put("selection-model-options", new TreeMap<>(selectionModelOptions));
    });
    // written only when set, so the tree of a run without them is what it was before the key existed
    pseudoLabels.ifPresent(p -> out.put(PseudoLabels.KEY, p.toTree()));
    if (!engine.equals(SelectionEngine.LOCAL)) {
      out.put("engine", engine);
      Map<String, String> conf = new TreeMap<>(engineSettings);
      String master = conf.remove(MASTER);
      if (master != null) {
        out.put("spark-master", master);
      }
      out.put("spark-conf", conf);
    }
    return out;
  }

  /** The same configuration running {@code scenario}'s strategy and options. */
  public RunConfig forScenario(ScenarioConfig scenario) {
    Objects.requireNonNull(scenario, "scenario");
    return new RunConfig(dataset, model, modelOptions, scenario.strategy(), scenario.strategyOptions(), backend,
        backendOptions, oracle, initialLabeled, budget, rounds, seed, testFraction, scenarios, selectionModel,
        selectionModelOptions, pseudoLabels, engine, engineSettings);
  }

  /**
   * The same configuration with these models: {@code model} measured, {@code selectionModel} (if
   * any) selecting.
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public RunConfig withModels(String model, Map<String, String> modelOptions, Optional<String> selectionModel,
      Map<String, String> selectionModelOptions) {
    return new RunConfig(dataset, model, modelOptions, strategy, strategyOptions, backend, backendOptions, oracle,
        initialLabeled, budget, rounds, seed, testFraction, scenarios, selectionModel, selectionModelOptions,
        pseudoLabels, engine, engineSettings);
  }

  /**
   * The same configuration selecting on {@code engine} with {@code settings} ({@code master} and
   * Spark's keys), as {@code alkit run --engine} gives them.
   *
   * @throws InvalidInputException for settings without an engine that takes them
   */
  @API(status = EXPERIMENTAL, since = "0.3")
  public RunConfig withEngine(String engine, Map<String, String> settings) {
    return new RunConfig(dataset, model, modelOptions, strategy, strategyOptions, backend, backendOptions, oracle,
        initialLabeled, budget, rounds, seed, testFraction, scenarios, selectionModel, selectionModelOptions,
        pseudoLabels, engine, settings);
  }

  /** The engine settings of {@code spark-master} (as {@code master}) and {@code spark-conf}. */
  private static Map<String, String> engineSettings(YamlTree tree) {
    Map<String, String> settings = new LinkedHashMap<>(tree.options("spark-conf"));
    String master = tree.text("spark-master", null);
    if (master != null) {
      settings.put(MASTER, master);
    }
    return settings;
  }

  /** The name of the model whose signals the strategy reads: the selection model, else the model. */
  @API(status = EXPERIMENTAL, since = "0.2")
  public String selectingModel() {
    return selectionModel.orElse(model);
  }
}
