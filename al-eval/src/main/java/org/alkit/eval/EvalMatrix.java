package org.alkit.eval;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.alkit.api.InvalidInputException;
import org.alkit.runtime.RunConfig;
import org.apiguardian.api.API;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * An evaluation matrix: data sets × scenarios × strategies (with options) × seeds, each run with
 * one model, initial labeled set, budget per round and number of rounds. Read from YAML:
 *
 * <pre>{@code
 * name: quick
 * datasets: [optdigits]                 # sources as Datasets.load takes them
 * scenarios: [balanced, rare-classes:3, ood:8,9, redundancy:3]
 * strategies:
 *   - random
 *   - margin
 *   - {name: similar, label: smi-flvmi, options: {function: flvmi}, scenarios: [rare-classes]}
 * seeds: 3                              # 1, 2, 3; or a list [7, 11, 13]
 * model: logistic
 * model-options: {l2: 0.01}
 * backend: java
 * backend-options: {threads: 1}         # each run's own backend (threads default to 1)
 * initial-labeled: 20
 * budget: 20
 * rounds: 8
 * test-fraction: 0.25
 * pool-size: 0                          # > 0: a seeded random subset of the pool of that size
 * test-size: 0                          # > 0: likewise for the test split
 * target-accuracy: 0.9                  # for "labels to reach the target"
 * alpha: 0.05                           # significance level of the Wilcoxon tests
 * parallel: 0                           # runs at once; 0 = one per core
 * }</pre>
 *
 * A strategy's {@code scenarios} limits it to scenarios whose spec or one of whose kinds it lists
 * (SIMILAR needs the hints that {@code rare-classes}, {@code ood} and {@code redundancy} give).
 * {@code model}, {@code model-options}, {@code backend}, {@code backend-options},
 * {@code initial-labeled}, {@code budget}, {@code rounds} and {@code test-fraction} mean what they
 * mean in a run configuration ({@link RunConfig}) and are checked by it.
 *
 * <p>The runs of one (data set, scenario, seed) share the split, the scenario's draws, the initial
 * labeled set and the model's seeds: a paired design, so strategies are compared on equal terms.
 *
 * @param name the matrix's name, for reports
 * @param datasets data set sources
 * @param scenarios scenarios
 * @param strategies strategies, each with a unique label
 * @param seeds seeds
 * @param template the shared run settings (model, backend, initial labeled, budget, rounds, test fraction)
 * @param poolSize the pool is cut to this many items at random (0 = whole pool)
 * @param testSize the test split is cut to this many items at random (0 = whole split)
 * @param targetAccuracy the accuracy whose label cost runs report
 * @param alpha significance level of the paired tests
 * @param parallel runs at once (0 = one per available core); does not change results
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record EvalMatrix(String name, List<String> datasets, List<Scenario> scenarios, List<StrategySpec> strategies,
    List<Long> seeds, RunConfig template, int poolSize, int testSize, double targetAccuracy, double alpha,
    int parallel) {

  private static final List<String> OWN_KEYS = List.of("name", "datasets", "scenarios", "strategies", "seeds",
      "pool-size", "test-size", "target-accuracy", "alpha", "parallel");
  private static final List<String> RUN_KEYS = List.of("model", "model-options", "backend", "backend-options",
      "initial-labeled", "budget", "rounds", "test-fraction");
  private static final List<String> STRATEGY_KEYS = List.of("name", "label", "options", "scenarios");

  /**
   * Checks the values and copies the lists.
   *
   * @throws InvalidInputException naming the key, its value and what was expected
   */
  public EvalMatrix {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(template, "template");
    datasets = nonEmpty("datasets", datasets);
    scenarios = nonEmpty("scenarios", scenarios);
    strategies = nonEmpty("strategies", strategies);
    seeds = nonEmpty("seeds", seeds);
    unique("datasets", datasets);
    unique("scenarios", scenarios.stream().map(Scenario::spec).toList());
    unique("strategy labels", strategies.stream().map(StrategySpec::label).toList());
    unique("seeds", seeds);
    if (poolSize < 0 || testSize < 0) {
      throw new InvalidInputException("pool-size = " + poolSize + ", test-size = " + testSize
          + "; expected >= 0 (0 = all)");
    }
    if (!(targetAccuracy > 0 && targetAccuracy <= 1)) {
      throw new InvalidInputException("target-accuracy = " + targetAccuracy + "; expected a value in (0, 1]");
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new InvalidInputException("alpha = " + alpha + "; expected a value in (0, 1)");
    }
    if (parallel < 0) {
      throw new InvalidInputException("parallel = " + parallel + "; expected >= 0 (0 = one per core)");
    }
  }

  /**
   * A strategy of the matrix.
   *
   * @param label its unique name in reports, e.g. {@code smi-flvmi}
   * @param name the strategy provider's name
   * @param options its options, as text
   * @param scenarios the scenario specs or kinds it runs in; empty = every scenario
   */
  public record StrategySpec(String label, String name, Map<String, String> options, List<String> scenarios) {
    /** Checks the names and copies the collections (the options sorted by name). */
    public StrategySpec {
      if (name == null || name.isBlank()) {
        throw new InvalidInputException("strategy name = '" + name + "'; expected a strategy name");
      }
      if (label == null || label.isBlank()) {
        throw new InvalidInputException("strategy '" + name + "': label = '" + label + "'; expected a name");
      }
      options = Collections.unmodifiableMap(new TreeMap<>(options));
      scenarios = List.copyOf(scenarios);
    }

    /** Whether this strategy runs in {@code scenario}. */
    public boolean runsIn(Scenario scenario) {
      return scenarios.isEmpty() || scenarios.contains(scenario.spec())
          || scenario.kinds().stream().anyMatch(scenarios::contains);
    }

    /** The label a strategy gets by default: its name, then its options in key order. */
    static String defaultLabel(String name, Map<String, String> options) {
      if (options.isEmpty()) {
        return name;
      }
      StringBuilder b = new StringBuilder(name).append('(');
      new TreeMap<>(options).forEach((k, v) -> b.append(b.charAt(b.length() - 1) == '(' ? "" : ",")
          .append(k).append('=').append(v));
      return b.append(')').toString();
    }
  }

  /**
   * One run of the matrix.
   *
   * @param key the run's key
   * @param scenario its scenario
   * @param strategy its strategy
   */
  public record Run(RunKey key, Scenario scenario, StrategySpec strategy) {}

  /**
   * Every run, in the order data set, scenario, seed, strategy (the runs of one prepared data set
   * are adjacent).
   */
  public List<Run> runs() {
    List<Run> out = new ArrayList<>();
    for (String dataset : datasets) {
      for (Scenario scenario : scenarios) {
        for (long seed : seeds) {
          for (StrategySpec s : strategies) {
            if (s.runsIn(scenario)) {
              out.add(new Run(new RunKey(dataset, scenario.spec(), s.label(), seed), scenario, s));
            }
          }
        }
      }
    }
    return out;
  }

  /** The run configuration of {@code run}: the template with its data set, strategy and seed. */
  public RunConfig config(Run run) {
    return config(run.strategy(), run.key().dataset(), run.key().seed());
  }

  /** The template with {@code strategy}'s name and options: what every run of it shares. */
  RunConfig config(StrategySpec strategy) {
    return config(strategy, template.dataset(), template.seed());
  }

  private RunConfig config(StrategySpec strategy, String dataset, long seed) {
    RunConfig t = template;
    return new RunConfig(dataset, t.model(), t.modelOptions(), strategy.name(), strategy.options(), t.backend(),
        t.backendOptions(), t.oracle(), t.initialLabeled(), t.budget(), t.rounds(), seed, t.testFraction(),
        List.of());
  }

  /**
   * A digest of everything that determines the results (not {@code name} nor {@code parallel}):
   * a journal written under one fingerprint is resumed only under the same one.
   */
  public String fingerprint() {
    RunConfig t = template;
    String canonical = String.join("\n", "datasets=" + datasets,
        "scenarios=" + scenarios.stream().map(Scenario::spec).toList(),
        "strategies=" + strategies.stream().map(s -> s.label() + ":" + s.name() + new TreeMap<>(s.options())
            + s.scenarios()).toList(),
        "seeds=" + seeds, "model=" + t.model() + new TreeMap<>(t.modelOptions()),
        "backend=" + t.backend() + new TreeMap<>(t.backendOptions()), "initial=" + t.initialLabeled(),
        "budget=" + t.budget(), "rounds=" + t.rounds(), "test-fraction=" + t.testFraction(),
        "pool-size=" + poolSize, "test-size=" + testSize);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * Reads a YAML matrix.
   *
   * @throws InvalidInputException naming the file and the problem
   */
  public static EvalMatrix load(Path yaml) {
    String text;
    try {
      text = Files.readString(yaml);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("matrix " + yaml + ": no such file", e);
    } catch (IOException e) {
      throw new InvalidInputException("matrix " + yaml + " cannot be read: " + e.getMessage(), e);
    }
    String fallbackName = yaml.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    try {
      return parse(text, fallbackName);
    } catch (InvalidInputException e) {
      throw new InvalidInputException("matrix " + yaml + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses YAML text.
   *
   * @param fallbackName the name when the text has no {@code name}
   * @throws InvalidInputException on malformed YAML, an unknown key or a bad value
   */
  public static EvalMatrix parse(String yaml, String fallbackName) {
    Object root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    } catch (YAMLException e) {
      throw new InvalidInputException("malformed YAML: " + e.getMessage(), e);
    }
    if (!(root instanceof Map<?, ?> raw)) {
      throw new InvalidInputException("the matrix = " + root + "; expected a mapping with keys "
          + String.join(", ", OWN_KEYS) + ", " + String.join(", ", RUN_KEYS));
    }
    Map<String, Object> own = new LinkedHashMap<>();
    Map<String, Object> run = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : raw.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (OWN_KEYS.contains(key)) {
        own.put(key, e.getValue());
      } else if (RUN_KEYS.contains(key)) {
        run.put(key, e.getValue());
      } else {
        throw new InvalidInputException("the matrix has an unknown key '" + key + "'; known keys: "
            + String.join(", ", OWN_KEYS) + ", " + String.join(", ", RUN_KEYS));
      }
    }
    Map<String, Object> backendOptions = new LinkedHashMap<>();
    if (run.get("backend-options") instanceof Map<?, ?> given) {
      given.forEach((k, v) -> backendOptions.put(String.valueOf(k), v));
    }
    backendOptions.putIfAbsent("threads", 1);
    if (run.get("backend-options") == null || run.get("backend-options") instanceof Map) {
      run.put("backend-options", backendOptions);
    }
    RunConfig template = RunConfig.parse(dump(run));
    return new EvalMatrix(
        own.containsKey("name") ? String.valueOf(own.get("name")) : fallbackName,
        texts("datasets", own.get("datasets")),
        texts("scenarios", own.get("scenarios")).stream().map(Scenario::parse).toList(),
        strategies(own.get("strategies")),
        seeds(own.get("seeds")),
        template,
        integer("pool-size", own.get("pool-size"), 0),
        integer("test-size", own.get("test-size"), 0),
        real("target-accuracy", own.get("target-accuracy"), 0.9),
        real("alpha", own.get("alpha"), 0.05),
        integer("parallel", own.get("parallel"), 0));
  }

  private static String dump(Map<String, Object> map) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    return new Yaml(new Representer(options), options).dump(map);
  }

  private static List<String> texts(String key, Object value) {
    if (value == null) {
      throw new InvalidInputException(key + " is missing; expected a list");
    }
    List<?> list = value instanceof List<?> l ? l : List.of(value);
    List<String> out = new ArrayList<>();
    for (Object v : list) {
      if (v == null || v instanceof Map || v instanceof List) {
        throw new InvalidInputException(key + " holds " + v + "; expected names");
      }
      out.add(String.valueOf(v));
    }
    return out;
  }

  private static List<StrategySpec> strategies(Object value) {
    if (value == null) {
      throw new InvalidInputException("strategies is missing; expected a list of names or "
          + "{name, label, options, scenarios}");
    }
    List<?> list = value instanceof List<?> l ? l : List.of(value);
    List<StrategySpec> out = new ArrayList<>();
    for (int k = 0; k < list.size(); k++) {
      Object entry = list.get(k);
      if (entry instanceof Map<?, ?> map) {
        for (Object key : map.keySet()) {
          if (!STRATEGY_KEYS.contains(String.valueOf(key))) {
            throw new InvalidInputException("strategies[" + k + "] has an unknown key '" + key + "'; known keys: "
                + String.join(", ", STRATEGY_KEYS));
          }
        }
        if (map.get("name") == null) {
          throw new InvalidInputException("strategies[" + k + "] has no 'name'; expected a strategy name");
        }
        String name = String.valueOf(map.get("name"));
        Map<String, String> options = options(k, map.get("options"));
        String label = map.get("label") == null ? StrategySpec.defaultLabel(name, options)
            : String.valueOf(map.get("label"));
        List<String> scenarios = map.get("scenarios") == null ? List.of()
            : texts("strategies[" + k + "].scenarios", map.get("scenarios"));
        out.add(new StrategySpec(label, name, options, scenarios));
      } else if (entry == null || entry instanceof List) {
        throw new InvalidInputException("strategies[" + k + "] = " + entry
            + "; expected a name or {name, label, options, scenarios}");
      } else {
        out.add(new StrategySpec(String.valueOf(entry), String.valueOf(entry), Map.of(), List.of()));
      }
    }
    return out;
  }

  /** The options of {@code strategies[k]}, read and checked as a run configuration's strategy options. */
  private static Map<String, String> options(int k, Object value) {
    if (value == null) {
      return Map.of();
    }
    Map<String, Object> wrapped = new LinkedHashMap<>();
    wrapped.put("strategy-options", value);
    try {
      return RunConfig.parse(dump(wrapped)).strategyOptions();
    } catch (InvalidInputException e) {
      throw new InvalidInputException("strategies[" + k + "]: " + e.getMessage(), e);
    }
  }

  private static List<Long> seeds(Object value) {
    if (value == null) {
      throw new InvalidInputException("seeds is missing; expected a count n (seeds 1..n) or a list of integers");
    }
    if (value instanceof Integer n) {
      if (n < 1) {
        throw new InvalidInputException("seeds = " + n + "; expected a count >= 1 or a list of integers");
      }
      return LongStream.rangeClosed(1, n).boxed().toList();
    }
    if (!(value instanceof List<?> list)) {
      throw new InvalidInputException("seeds = " + value + "; expected a count n (seeds 1..n) or a list of integers");
    }
    List<Long> out = new ArrayList<>();
    for (Object v : list) {
      if (!(v instanceof Integer || v instanceof Long)) {
        throw new InvalidInputException("seeds holds " + v + "; expected integers");
      }
      out.add(((Number) v).longValue());
    }
    return out;
  }

  private static int integer(String key, Object value, int fallback) {
    if (value == null) {
      return fallback;
    }
    if (value instanceof Integer i) {
      return i;
    }
    throw new InvalidInputException(key + " = " + value + "; expected an integer");
  }

  private static double real(String key, Object value, double fallback) {
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    throw new InvalidInputException(key + " = " + value + "; expected a number");
  }

  private static <T> List<T> nonEmpty(String key, List<T> values) {
    if (values == null || values.isEmpty()) {
      throw new InvalidInputException(key + " is empty; expected at least one entry");
    }
    return List.copyOf(values);
  }

  private static void unique(String what, List<?> values) {
    Set<Object> seen = new HashSet<>();
    for (Object v : values) {
      if (!seen.add(v)) {
        throw new InvalidInputException(what + " list '" + v + "' twice; expected each once");
      }
    }
  }
}
