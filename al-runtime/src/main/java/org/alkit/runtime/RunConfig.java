package org.alkit.runtime;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.alkit.api.InvalidInputException;
import org.apiguardian.api.API;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

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
 * }</pre>
 *
 * YAML is read with SnakeYAML's {@link SafeConstructor} (plain maps, lists and scalars; no
 * arbitrary types). Unknown and duplicate keys are rejected (unknown ones with the list of known
 * ones); a bad value is named with its key; a YAML syntax error is one line with its position. A
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
 * @param pseudoLabels CEAL's pseudo-labels added to each fit ({@link PseudoLabels}), or empty
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
    Optional<PseudoLabels> pseudoLabels) {

  private static final List<String> KEYS = List.of("dataset", "model", "model-options", "strategy",
      "strategy-options", "backend", "backend-options", "oracle", "initial-labeled", "budget", "rounds",
      "seed", "test-fraction", "scenarios", PseudoLabels.KEY);
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
    Objects.requireNonNull(pseudoLabels, "pseudoLabels");
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
        20, 20, 10, 42, 0.25, List.of(), Optional.empty());
  }

  /**
   * Reads a YAML file.
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
      config = parse(text);
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
        scenarios.stream().map(s -> s.relativeTo(folder)).toList(), pseudoLabels);
  }

  /**
   * Parses YAML text; an empty document gives {@link #defaults()}.
   *
   * @throws InvalidInputException on malformed YAML, an unknown key or a bad value
   */
  public static RunConfig parse(String yaml) {
    return fromTree(yaml(yaml));
  }

  /**
   * A YAML document as plain maps, lists and scalars (SnakeYAML's {@link SafeConstructor}: no
   * arbitrary types), each key once per mapping.
   *
   * @throws InvalidInputException for malformed YAML, in one line with the position of the problem
   */
  static Object yaml(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    try {
      return new Yaml(new SafeConstructor(options)).load(text);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark();
      String problem = String.valueOf(e.getProblem());
      throw new InvalidInputException("malformed YAML" + (mark == null ? "" : " at line " + (mark.getLine() + 1)
          + ", column " + (mark.getColumn() + 1)) + ": " + Shown.of(problem)
          + (problem.startsWith("found duplicate key") ? "; expected each key once" : ""), e);
    } catch (YAMLException e) {
      throw new InvalidInputException("malformed YAML: " + Shown.of(String.valueOf(e.getMessage())
          .replaceAll("\\s*\\R\\s*", "; ")), e);
    } catch (NumberFormatException e) {
      // SnakeYAML's own overflow on a YAML 1.1 base-60 integer such as 35605130600513699464:3
      throw new InvalidInputException("malformed YAML: a number out of range: " + Shown.of(e.getMessage()), e);
    } catch (StackOverflowError e) {
      // SnakeYAML hashes a mapping key that holds itself through an alias (? *a inside &a) without end
      throw new InvalidInputException("malformed YAML: a mapping key that holds itself through an alias;"
          + " expected keys that are plain names", e);
    }
  }

  /** The configuration of a parsed YAML document (maps, lists and scalars); {@code null} gives {@link #defaults()}. */
  static RunConfig fromTree(Object root) {
    if (root == null) {
      return defaults();
    }
    Map<String, Object> map = mapping("the configuration", root, KEYS);
    RunConfig d = defaults();
    String strategy = text(map, "strategy", d.strategy());
    return new RunConfig(
        text(map, "dataset", d.dataset()),
        text(map, "model", d.model()),
        options(map, "model-options"),
        strategy,
        options(map, "strategy-options"),
        text(map, "backend", d.backend()),
        options(map, "backend-options"),
        text(map, "oracle", d.oracle()),
        integer(map, "initial-labeled", d.initialLabeled()),
        integer(map, "budget", d.budget()),
        integer(map, "rounds", d.rounds()),
        map.containsKey("seed") ? whole("seed", map.get("seed")) : d.seed(),
        real(map, "test-fraction", d.testFraction()),
        scenarios(map.get("scenarios"), strategy),
        PseudoLabels.fromTree(PseudoLabels.KEY, map.get(PseudoLabels.KEY)));
  }

  private static List<ScenarioConfig> scenarios(Object value, String defaultStrategy) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw new InvalidInputException("scenarios = " + Shown.of(value) + "; expected a list of {"
          + String.join(", ", SCENARIO_KEYS) + "}");
    }
    List<ScenarioConfig> out = new ArrayList<>();
    for (int k = 0; k < list.size(); k++) {
      Map<String, Object> s = mapping("scenarios[" + k + "]", list.get(k), SCENARIO_KEYS);
      if (!s.containsKey("name")) {
        throw new InvalidInputException("scenarios[" + k + "] has no 'name'; expected one");
      }
      String where = "scenarios[" + k + "].";
      out.add(new ScenarioConfig(text(s, "name", null), text(s, "strategy", defaultStrategy),
          options(s, "strategy-options"), classes(where + "rare-classes", s.get("rare-classes")),
          classes(where + "ood-classes", s.get("ood-classes")), poolIndices(where + "query", s.get("query")),
          poolIndices(where + "private", s.get("private")), file(where + "query-data", s.get("query-data")),
          file(where + "private-data", s.get("private-data"))));
    }
    return out;
  }

  private static Set<Integer> classes(String key, Object value) {
    if (value == null) {
      return Set.of();
    }
    List<?> list = value instanceof List<?> l ? l : List.of(value);
    Set<Integer> out = new TreeSet<>();
    for (Object v : list) {
      if (!(v instanceof Integer c) || c < 0) {
        throw new InvalidInputException(key + " = " + Shown.of(value) + "; expected a list of class labels >= 0, e.g. [3, 7]");
      }
      out.add(c);
    }
    return out;
  }

  private static List<Integer> poolIndices(String key, Object value) {
    if (value == null) {
      return List.of();
    }
    List<?> list = value instanceof List<?> l ? l : List.of(value);
    List<Integer> out = new ArrayList<>();
    for (Object v : list) {
      if (!(v instanceof Integer i) || i < 0) {
        throw new InvalidInputException(key + " = " + Shown.of(value) + "; expected a list of pool indices >= 0, e.g. [12, 40]");
      }
      out.add(i);
    }
    return out;
  }

  private static Optional<Path> file(String key, Object value) {
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String path) || path.isBlank()) {
      throw new InvalidInputException(key + " = " + Shown.of(value) + "; expected the path of a .npy file");
    }
    return Optional.of(Path.of(path));
  }

  /** Whether {@code value} is a single YAML value, not a mapping or a sequence. */
  private static boolean scalar(Object value) {
    return !(value instanceof Map || value instanceof Collection);
  }

  private static Map<String, Object> mapping(String what, Object value, List<String> known) {
    if (!(value instanceof Map<?, ?> raw)) {
      throw new InvalidInputException(what + " = " + Shown.of(value) + "; expected a mapping of " + String.join(", ", known));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : raw.entrySet()) {
      if (!(e.getKey() instanceof String key) || !known.contains(key)) {
        throw new InvalidInputException(what + " has an unknown key '" + Shown.of(e.getKey()) + "'; known keys: "
            + String.join(", ", known));
      }
      out.put(key, e.getValue());
    }
    return out;
  }

  private static String text(Map<String, Object> map, String key, String fallback) {
    Object v = map.get(key);
    if (v == null) {
      return fallback;
    }
    if (!scalar(v)) {
      throw new InvalidInputException(key + " = " + Shown.of(v) + "; expected a name");
    }
    return v.toString();
  }

  private static Map<String, String> options(Map<String, Object> map, String key) {
    Object v = map.get(key);
    if (v == null) {
      return Map.of();
    }
    if (!(v instanceof Map<?, ?> raw)) {
      throw new InvalidInputException(key + " = " + Shown.of(v) + "; expected a mapping of option names to values");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : raw.entrySet()) {
      if (!scalar(e.getKey()) || e.getKey() == null) {
        throw new InvalidInputException(key + " has an option named " + Shown.of(e.getKey()) + "; expected a name");
      }
      if (!scalar(e.getValue()) || e.getValue() == null) {
        throw new InvalidInputException(key + "." + Shown.of(e.getKey()) + " = " + Shown.of(e.getValue())
            + "; expected a single value");
      }
      out.put(String.valueOf(e.getKey()), e.getValue().toString());
    }
    return out;
  }

  private static int integer(Map<String, Object> map, String key, int fallback) {
    if (!map.containsKey(key)) {
      return fallback;
    }
    long v = whole(key, map.get(key));
    if (v != (int) v) {
      throw new InvalidInputException(key + " = " + v + "; expected a 32-bit integer");
    }
    return (int) v;
  }

  private static long whole(String key, Object v) {
    if (v instanceof Integer || v instanceof Long) {
      return ((Number) v).longValue();
    }
    throw new InvalidInputException(key + " = " + Shown.of(v) + "; expected an integer");
  }

  private static double real(Map<String, Object> map, String key, double fallback) {
    Object v = map.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw new InvalidInputException(key + " = " + Shown.of(v) + "; expected a number");
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
    // written only when set, so the tree of a run without them is what it was before the key existed
    pseudoLabels.ifPresent(p -> out.put(PseudoLabels.KEY, p.toTree()));
    return out;
  }

  /** The same configuration running {@code scenario}'s strategy and options. */
  public RunConfig forScenario(ScenarioConfig scenario) {
    Objects.requireNonNull(scenario, "scenario");
    return new RunConfig(dataset, model, modelOptions, scenario.strategy(), scenario.strategyOptions(), backend,
        backendOptions, oracle, initialLabeled, budget, rounds, seed, testFraction, scenarios, pseudoLabels);
  }
}
