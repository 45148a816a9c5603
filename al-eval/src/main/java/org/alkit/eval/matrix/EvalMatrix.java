package org.alkit.eval.matrix;

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
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.alkit.api.InvalidInputException;
import org.alkit.eval.data.Datasets;
import org.alkit.eval.data.Scenario;
import org.alkit.runtime.PseudoLabels;
import org.alkit.runtime.RunConfig;
import org.alkit.runtime.YamlTree;
import org.apiguardian.api.API;

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
 *   - {name: entropy, label: entropy-ceal, pseudo-labels: {threshold: 0.05, decay: 0.0033}}   # PseudoLabels
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
      "initial-labeled", "budget", "rounds", "test-fraction", "selection-model", "selection-model-options");
  private static final List<String> STRATEGY_KEYS = List.of("name", "label", "options", "scenarios", "model",
      "model-options", "selection-model", "selection-model-options", PseudoLabels.KEY);

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
   * @param pseudoLabels CEAL's pseudo-labels for its runs (key {@code pseudo-labels}), or empty
   */
  public record StrategySpec(String label, String name, Map<String, String> options, List<String> scenarios,
      Optional<String> model, Map<String, String> modelOptions, Optional<String> selectionModel,
      Map<String, String> selectionModelOptions, Optional<PseudoLabels> pseudoLabels) {
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
      modelOptions = Collections.unmodifiableMap(new TreeMap<>(modelOptions));
      selectionModelOptions = Collections.unmodifiableMap(new TreeMap<>(selectionModelOptions));
      Objects.requireNonNull(pseudoLabels, "pseudoLabels");
    }

    /** A strategy that runs with the matrix's models. */
    public StrategySpec(String label, String name, Map<String, String> options, List<String> scenarios) {
      this(label, name, options, scenarios, Optional.empty(), Map.of(), Optional.empty(), Map.of(), Optional.empty());
    }

    /**
     * The models of {@code template} with this entry's overrides: its {@code model} (with its
     * {@code model-options}, or its options alone for the template's model) and its
     * {@code selection-model} (with its options); the template's selection model stays otherwise.
     */
    RunConfig models(RunConfig template) {
      boolean ownOptions = model.isPresent() || !modelOptions.isEmpty();
      return template.withModels(model.orElse(template.model()), ownOptions ? modelOptions : template.modelOptions(),
          selectionModel.isPresent() ? selectionModel : template.selectionModel(),
          selectionModel.isPresent() ? selectionModelOptions : template.selectionModelOptions());
    }

    /** The entry's model keys as the fingerprint reads them: empty when it has none. */
    String modelKeys() {
      if (model.isEmpty() && modelOptions.isEmpty() && selectionModel.isEmpty()) {
        return "";
      }
      return "{model=" + model.orElse("") + modelOptions + ", selection-model=" + selectionModel.orElse("")
          + selectionModelOptions + "}";
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
    RunConfig t = strategy.models(template);
    return new RunConfig(dataset, t.model(), t.modelOptions(), strategy.name(), strategy.options(), t.backend(),
        t.backendOptions(), t.oracle(), t.initialLabeled(), t.budget(), t.rounds(), seed, t.testFraction(),
        List.of(), t.selectionModel(), t.selectionModelOptions(), strategy.pseudoLabels(), t.engine(),
        t.engineSettings());
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
            + s.scenarios() + s.modelKeys() + s.pseudoLabels().map(p -> PseudoLabels.KEY + p.toTree()).orElse(""))
            .toList(),
        "seeds=" + seeds, "model=" + t.model() + new TreeMap<>(t.modelOptions())
            + t.selectionModel().map(m -> " selection-model=" + m + new TreeMap<>(t.selectionModelOptions())).orElse(""),
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
   * Parses YAML text, read as a run configuration is ({@link YamlTree}: the same messages for the
   * same mistakes); the run settings ({@code model}, {@code budget}, …) are read by
   * {@link RunConfig#read}, the backend's {@code threads} being 1 unless given.
   *
   * @param fallbackName the name when the text has no {@code name}
   * @throws InvalidInputException on malformed YAML, an unknown key or a bad value
   */
  public static EvalMatrix parse(String yaml, String fallbackName) {
    List<String> known = new ArrayList<>(OWN_KEYS);
    known.addAll(RUN_KEYS);
    YamlTree tree = YamlTree.of(YamlTree.parse(yaml), "the matrix", "", known);
    RunConfig t = RunConfig.read(tree.only(RUN_KEYS));
    Map<String, String> backendOptions = new LinkedHashMap<>(t.backendOptions());
    backendOptions.putIfAbsent("threads", "1");
    RunConfig template = new RunConfig(t.dataset(), t.model(), t.modelOptions(), t.strategy(), t.strategyOptions(),
        t.backend(), backendOptions, t.oracle(), t.initialLabeled(), t.budget(), t.rounds(), t.seed(),
        t.testFraction(), t.scenarios(), t.selectionModel(), t.selectionModelOptions(), t.pseudoLabels(), t.engine(),
        t.engineSettings());
    return new EvalMatrix(
        tree.text("name", fallbackName),
        texts(tree, "datasets"),
        texts(tree, "scenarios").stream().map(Scenario::parse).toList(),
        strategies(tree),
        seeds(tree),
        template,
        tree.integer("pool-size", 0),
        tree.integer("test-size", 0),
        tree.real("target-accuracy", 0.9),
        tree.real("alpha", 0.05),
        tree.integer("parallel", 0));
  }

  /** The names a required list holds (a single name counting as a list of one). */
  private static List<String> texts(YamlTree tree, String key) {
    if (!tree.has(key)) {
      throw new InvalidInputException(tree.path(key) + " is missing; expected a list");
    }
    List<String> out = new ArrayList<>();
    for (Object v : tree.list(key)) {
      if (v == null || v instanceof Map || v instanceof List) {
        throw new InvalidInputException(tree.path(key) + " holds " + YamlTree.show(v) + "; expected names");
      }
      out.add(String.valueOf(v));
    }
    return out;
  }

  private static List<StrategySpec> strategies(YamlTree tree) {
    if (!tree.has("strategies")) {
      throw new InvalidInputException("strategies is missing; expected a list of names or "
          + "{name, label, options, scenarios}");
    }
    List<?> list = tree.list("strategies");
    List<StrategySpec> out = new ArrayList<>();
    for (int k = 0; k < list.size(); k++) {
      Object entry = list.get(k);
      if (entry instanceof Map) {
        YamlTree s = YamlTree.of(entry, "strategies[" + k + "]", "strategies[" + k + "].", STRATEGY_KEYS);
        if (!s.has("name")) {
          throw new InvalidInputException("strategies[" + k + "] has no 'name'; expected a strategy name");
        }
        String name = s.text("name", null);
        Map<String, String> options = s.options("options");
        String label = s.text("label", StrategySpec.defaultLabel(name, options));
        List<String> scenarios = s.has("scenarios") ? texts(s, "scenarios") : List.of();
        Optional<String> selectionModel = Optional.ofNullable(s.text("selection-model", null));
        if (selectionModel.isEmpty() && s.has("selection-model-options")) {
          throw new InvalidInputException(s.path("selection-model-options")
              + " is given without selection-model; expected a selection model for them, or no options");
        }
        out.add(new StrategySpec(label, name, options, scenarios, Optional.ofNullable(s.text("model", null)),
            s.options("model-options"), selectionModel, s.options("selection-model-options"), PseudoLabels.read(s)));
      } else if (entry == null || entry instanceof List) {
        throw new InvalidInputException("strategies[" + k + "] = " + YamlTree.show(entry)
            + "; expected a name or {name, label, options, scenarios}");
      } else {
        out.add(new StrategySpec(String.valueOf(entry), String.valueOf(entry), Map.of(), List.of()));
      }
    }
    return out;
  }

  private static List<Long> seeds(YamlTree tree) {
    Object value = tree.get("seeds");
    if (value == null) {
      throw new InvalidInputException("seeds is missing; expected a count n (seeds 1..n) or a list of integers");
    }
    if (value instanceof Integer n) {
      if (n < 1) {
        throw tree.bad("seeds", n, "a count >= 1 or a list of integers");
      }
      return LongStream.rangeClosed(1, n).boxed().toList();
    }
    if (!(value instanceof List<?> list)) {
      throw tree.bad("seeds", value, "a count n (seeds 1..n) or a list of integers");
    }
    List<Long> out = new ArrayList<>();
    for (Object v : list) {
      if (!(v instanceof Integer || v instanceof Long)) {
        throw new InvalidInputException("seeds holds " + YamlTree.show(v) + "; expected integers");
      }
      out.add(((Number) v).longValue());
    }
    return out;
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
