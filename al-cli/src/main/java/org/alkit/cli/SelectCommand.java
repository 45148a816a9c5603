package org.alkit.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.alkit.api.ComputeBackend;
import org.alkit.api.InvalidInputException;
import org.alkit.api.ScenarioHints;
import org.alkit.api.Selection;
import org.alkit.api.Signal;
import org.alkit.runtime.CapabilityBinding;
import org.alkit.runtime.Registry;
import org.alkit.runtime.SelectionEngine;
import org.alkit.runtime.SelectionRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code alkit select}: one selection from {@code .npy} signals. Items not in {@code --labeled}
 * form the unlabeled pool; the JSON result lists the picks in order with their scores, and
 * {@code timing.select_ms} times the selection alone. The command parses its flags into a
 * {@link SelectionRequest}, which checks every input in the runtime (as for a library user or the
 * labeling service), and prints what it selects. A strategy that needs a capability gets it as in
 * a run ({@link CapabilityBinding}, which says on standard error which engine trains its networks);
 * one that takes part in training is refused, since nothing is fitted here.
 *
 * <p>{@code --engine spark} runs the selection as Spark jobs instead ({@link SelectionEngine}, from
 * al-spark, which the launcher puts on the class path for that alone): the same JSON, from the same
 * {@code .npy} files or from a Parquet pool ({@code --parquet}, picks by id); see docs/spark.md.
 */
@Command(name = "select", mixinStandardHelpOptions = true, version = Alkit.VERSION,
    description = "Pick items to label from .npy signals; writes JSON.")
final class SelectCommand implements Callable<Integer> {
  @Inject
  Provider<Registry> registry;

  @Spec
  CommandSpec spec;

  @Option(names = "--strategy", required = true, description = "strategy name (see 'alkit strategies')")
  String strategy;

  @Option(names = "--set", description = "strategy option key=value, repeatable")
  List<String> settings = new ArrayList<>();

  @Option(names = "--budget", required = true, description = "number of items to pick")
  int budget;

  @Option(names = "--seed", defaultValue = "0", description = "seed of random choices (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--round", defaultValue = "1", description = "round number, 1 for the first")
  int round;

  @Option(names = "--pool-size", description = "pool size when no signal file gives it")
  Integer poolSize;

  @Option(names = "--probs", description = "class probabilities, n × C")
  Path probs;

  @Option(names = "--embeddings", description = "embeddings, n × d")
  Path embeddings;

  @Option(names = "--features", description = "the pool items themselves (e.g. pixels), n × d")
  Path features;

  @Option(names = "--mc-probs", description = "Monte-Carlo dropout probabilities, T × n × C")
  Path mcProbs;

  @Option(names = "--committee-probs", description = "committee probabilities, members × n × C")
  Path committeeProbs;

  @Option(names = "--prev-probs", description = "previous round's probabilities, n × C")
  Path prevProbs;

  @Option(names = "--prediction-history", description = "predicted class of every item after each epoch, "
      + "int epochs × n")
  Path predictionHistory;

  @Option(names = "--labeled",
      description = "the labeled pool items: int indices, or a bool mask of n entries (true = labeled)")
  Path labeled;

  @Option(names = "--labels", description = "labels of --labeled, same length")
  Path labels;

  @Option(names = "--query",
      description = "query set: int pool indices, a bool mask of n entries, or a feature matrix")
  Path query;

  @Option(names = "--private",
      description = "private set: int pool indices, a bool mask of n entries, or a feature matrix")
  Path privateSet;

  @Option(names = "--scenario", defaultValue = "none", description = "scenario hint: none (default), rare-classes, ood or redundancy")
  String scenario;

  @Option(names = "--rare-classes", split = ",", description = "labels of the rare classes, comma-separated")
  List<Integer> rareClasses = new ArrayList<>();

  @Option(names = "--ood-classes", split = ",", description = "labels marking out-of-distribution items")
  List<Integer> oodClasses = new ArrayList<>();

  @Option(names = "--backend", defaultValue = "java", description = "compute backend (default ${DEFAULT-VALUE})")
  String backend;

  @Option(names = "--backend-option", paramLabel = "<key=value>",
      description = "compute backend option, repeatable, e.g. device=gpu for djl")
  List<String> backendOptions = new ArrayList<>();

  @Option(names = "--out", description = "write the JSON here instead of standard output")
  Path out;

  @Option(names = "--engine", defaultValue = LOCAL, description = "where to select: local (default, this JVM) or "
      + "spark (Spark jobs; docs/spark.md)")
  String engine;

  @Mixin
  SparkOptions spark = new SparkOptions();

  @Option(names = "--parquet", description = "with --engine spark: a Parquet pool (path or URI, e.g. hdfs://...), "
      + "one row per item; picks are its ids")
  String parquet;

  @Option(names = "--column", paramLabel = "<key=name>", description = "with --parquet: the column of key "
      + "(id, probs, embedding, mc, committee, labeled, label), repeatable")
  List<String> columns = new ArrayList<>();

  private static final String LOCAL = SelectionEngine.LOCAL;

  @Override
  public Integer call() {
    if (!engine.equals(LOCAL)) {
      return callEngine();
    }
    if (spark.given() || parquet != null || !columns.isEmpty()) {
      throw new InvalidInputException("--spark-master, --spark-conf, --parquet and --column need --engine spark");
    }
    SelectionRequest.Builder builder = SelectionRequest.builder(strategy, Inputs.keyValues("--set", settings), budget)
        .round(round).seed(seed).poolSize(poolSize).labeled(labeled).labels(labels).query(query)
        .privateSet(privateSet).hints(scenario, rareClasses, oodClasses);
    signal(builder, Signal.PROBABILITIES, probs);
    signal(builder, Signal.EMBEDDINGS, embeddings);
    signal(builder, Signal.PREVIOUS_PROBABILITIES, prevProbs);
    signal(builder, Signal.FEATURES, features);
    signal(builder, Signal.MC_PROBABILITIES, mcProbs);
    signal(builder, Signal.COMMITTEE_PROBABILITIES, committeeProbs);
    signal(builder, Signal.PREDICTION_HISTORY, predictionHistory);
    Inputs.requireOutput("--out", out, builder.files());
    SelectionRequest request = builder.build(registry.get());
    SelectionRequest.Selected selected;
    try (ComputeBackend compute = RuntimeBeans.backend(registry.get(), backend, backendOptions)) {
      selected = request.select(compute, () -> registry.get().backends(), spec.commandLine().getErr()::println);
    }
    Selection selection = selected.selection();
    return print(selection.strategy(), JsonOutput.typed(selection.parameters(), request.provider().parameters()),
        selection.indices(), selection.scores(), selected.nanos());
  }

  /** The selection on another engine, found through ServiceLoader when the launcher put it on the class path. */
  private int callEngine() {
    SelectionEngine chosen = SelectionEngine.named("--engine", engine);
    if (poolSize != null || features != null || query != null || privateSet != null || !backend.equals("java")
        || !backendOptions.isEmpty()) {
      throw new InvalidInputException("--engine " + engine + " selects from signals; --pool-size, --features,"
          + " --query, --private, --backend and --backend-option are for --engine local");
    }
    Map<Signal, Path> signals = new java.util.EnumMap<>(Signal.class);
    Map.of(Signal.PROBABILITIES, Optional.ofNullable(probs), Signal.EMBEDDINGS, Optional.ofNullable(embeddings),
        Signal.PREVIOUS_PROBABILITIES, Optional.ofNullable(prevProbs), Signal.MC_PROBABILITIES,
        Optional.ofNullable(mcProbs), Signal.COMMITTEE_PROBABILITIES, Optional.ofNullable(committeeProbs),
        Signal.PREDICTION_HISTORY, Optional.ofNullable(predictionHistory))
        .forEach((signal, file) -> file.ifPresent(f -> signals.put(signal, f)));
    Map<String, String> engineSettings = spark.settings();
    SelectionEngine.Result selected = chosen.select(new SelectionEngine.Job(strategy,
        Inputs.keyValues("--set", settings), budget, seed, round, signals, labeled, labels, parquet,
        Inputs.keyValues("--column", columns), engineSettings, ScenarioHints.none().withScenario(scenario)
        .withRareClasses(new TreeSet<>(rareClasses)).withOodClasses(new TreeSet<>(oodClasses))));
    return print(strategy, JsonOutput.typed(selected.options().asText(), registry.get().strategy(strategy).parameters()),
        selected.selected(), selected.scores(), selected.nanos());
  }

  /** Writes the selection's JSON: the strategy, its typed options, the picks, their scores and the time. */
  private int print(String name, Map<String, Object> params, Object picks, double[] scores, long nanos) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("strategy", name);
    result.put("params", params);
    result.put("selected", picks);
    result.put("scores", scores);
    result.put("timing", Map.of("select_ms", JsonOutput.millis(nanos)));
    JsonOutput.write(result, out, spec.commandLine().getOut());
    return 0;
  }

  private static void signal(SelectionRequest.Builder builder, Signal signal, Path file) {
    if (file != null) {
      builder.signal(signal, file);
    }
  }
}
