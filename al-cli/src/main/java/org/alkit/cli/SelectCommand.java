package org.alkit.cli;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.alkit.api.ComputeBackend;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.Options;
import org.alkit.api.ScenarioHints;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;
import org.alkit.runtime.ContextAssembly;
import org.alkit.runtime.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code alkit select}: one selection from {@code .npy} signals. Items not in {@code --labeled}
 * form the unlabeled pool; the JSON result lists the picks in order with their scores, and
 * {@code timing.select_ms} times the selection alone.
 */
@Command(name = "select", description = "Pick items to label from .npy signals; writes JSON.")
final class SelectCommand implements Callable<Integer> {
  @Inject
  Registry registry;

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

  @Option(names = "--mc-probs", description = "Monte-Carlo dropout probabilities, T × n × C")
  Path mcProbs;

  @Option(names = "--committee-probs", description = "committee probabilities, members × n × C")
  Path committeeProbs;

  @Option(names = "--prev-probs", description = "previous round's probabilities, n × C")
  Path prevProbs;

  @Option(names = "--labeled", description = "int indices of the labeled pool items")
  Path labeled;

  @Option(names = "--labels", description = "labels of --labeled, same length")
  Path labels;

  @Option(names = "--query", description = "query set: int pool indices, or a feature matrix")
  Path query;

  @Option(names = "--private", description = "private set: int pool indices, or a feature matrix")
  Path privateSet;

  @Option(names = "--scenario", defaultValue = "none", description = "scenario hint: rare-classes, ood, redundancy, none")
  String scenario;

  @Option(names = "--rare-classes", split = ",", description = "labels of the rare classes, comma-separated")
  List<Integer> rareClasses = new ArrayList<>();

  @Option(names = "--ood-classes", split = ",", description = "labels marking out-of-distribution items")
  List<Integer> oodClasses = new ArrayList<>();

  @Option(names = "--backend", defaultValue = "java", description = "compute backend (default ${DEFAULT-VALUE})")
  String backend;

  @Option(names = "--out", description = "write the JSON here instead of standard output")
  Path out;

  private static final Map<Signal, String> FLAGS = Map.of(
      Signal.PROBABILITIES, "--probs",
      Signal.EMBEDDINGS, "--embeddings",
      Signal.MC_PROBABILITIES, "--mc-probs",
      Signal.COMMITTEE_PROBABILITIES, "--committee-probs",
      Signal.PREVIOUS_PROBABILITIES, "--prev-probs",
      Signal.GRADIENT_EMBEDDINGS, "--probs and --embeddings");

  @Override
  public Integer call() {
    StrategyProvider provider = registry.strategy(strategy);
    Options options = Options.resolve("strategy '" + strategy + "'", provider.parameters(),
        Inputs.keyValues(settings));
    Strategy instance = provider.create(options);

    Map<Signal, Matrix> matrices = new EnumMap<>(Signal.class);
    Map<Signal, List<Matrix>> stacks = new EnumMap<>(Signal.class);
    read(matrices, Signal.PROBABILITIES, probs);
    read(matrices, Signal.EMBEDDINGS, embeddings);
    read(matrices, Signal.PREVIOUS_PROBABILITIES, prevProbs);
    if (mcProbs != null) {
      stacks.put(Signal.MC_PROBABILITIES, Inputs.stack("--mc-probs", mcProbs));
    }
    if (committeeProbs != null) {
      stacks.put(Signal.COMMITTEE_PROBABILITIES, Inputs.stack("--committee-probs", committeeProbs));
    }
    int n = poolSize(matrices, stacks);
    ContextAssembly signals = ContextAssembly.of(n);
    matrices.forEach((signal, m) -> signals.matrix(signal, () -> m));
    stacks.forEach((signal, list) -> signals.stack(signal, () -> list));
    signals.check(provider, missing -> "the inputs ("
        + missing.stream().sorted().map(FLAGS::get).collect(Collectors.joining(", ")) + " missing)");

    SelectionContext.Builder ctx = signals.builder().budget(budget).round(round).seed(seed);
    labeledSet(ctx);
    ctx.hints(hints(n));
    try (ComputeBackend compute = RuntimeBeans.backend(registry, backend)) {
      SelectionContext context = ctx.backend(compute).build();
      matrices.keySet().forEach(context::matrix); // validate every given file now, not only what the strategy reads
      stacks.keySet().forEach(context::stack);
      long start = System.nanoTime();
      Selection selection = instance.select(context);
      double selectMillis = JsonOutput.millisSince(start);

      Map<String, Object> result = new LinkedHashMap<>();
      result.put("strategy", selection.strategy());
      result.put("params", selection.parameters());
      result.put("selected", selection.indices());
      result.put("scores", selection.scores());
      result.put("timing", Map.of("select_ms", selectMillis));
      JsonOutput.write(result, out, spec.commandLine().getOut());
    }
    return 0;
  }

  private void read(Map<Signal, Matrix> into, Signal signal, Path file) {
    if (file != null) {
      into.put(signal, Inputs.matrix(FLAGS.get(signal), file));
    }
  }

  private int poolSize(Map<Signal, Matrix> matrices, Map<Signal, List<Matrix>> stacks) {
    String firstFlag = poolSize == null ? null : "--pool-size";
    int n = poolSize == null ? -1 : poolSize;
    Map<String, Integer> rows = new LinkedHashMap<>();
    matrices.forEach((s, m) -> rows.put(FLAGS.get(s), m.rows()));
    stacks.forEach((s, list) -> rows.put(FLAGS.get(s), list.get(0).rows()));
    for (Map.Entry<String, Integer> e : rows.entrySet()) {
      if (firstFlag == null) {
        firstFlag = e.getKey();
        n = e.getValue();
      } else {
        Inputs.requireRows(e.getKey(), e.getValue(), firstFlag, n);
      }
    }
    if (n < 0) {
      throw new InvalidInputException("the pool size is unknown; give a signal file (--probs, "
          + "--embeddings, ...) or --pool-size");
    }
    if (probs != null && prevProbs != null
        && matrices.get(Signal.PROBABILITIES).cols() != matrices.get(Signal.PREVIOUS_PROBABILITIES).cols()) {
      throw new InvalidInputException("--prev-probs has " + matrices.get(Signal.PREVIOUS_PROBABILITIES).cols()
          + " classes but --probs has " + matrices.get(Signal.PROBABILITIES).cols() + "; expected the same");
    }
    return n;
  }

  private void labeledSet(SelectionContext.Builder ctx) {
    if (labeled == null) {
      if (labels != null) {
        throw new InvalidInputException("--labels is given without --labeled; expected both or neither");
      }
      return;
    }
    int[] indices = Inputs.indices("--labeled", labeled);
    int[] values = labels == null ? null : Inputs.indices("--labels", labels);
    ctx.labeled(indices, values);
  }

  private ScenarioHints hints(int n) {
    ScenarioHints hints = ScenarioHints.none().withScenario(scenario)
        .withRareClasses(Set.copyOf(rareClasses)).withOodClasses(Set.copyOf(oodClasses));
    if (query != null) {
      Object q = Inputs.indicesOrFeatures("--query", query);
      hints = q instanceof int[] ? hints.withQueryIndices(poolIndices("--query", (int[]) q, n))
          : hints.withQueryFeatures((Matrix) q);
    }
    if (privateSet != null) {
      Object p = Inputs.indicesOrFeatures("--private", privateSet);
      hints = p instanceof int[] ? hints.withPrivateIndices(poolIndices("--private", (int[]) p, n))
          : hints.withPrivateFeatures((Matrix) p);
    }
    return hints;
  }

  private static List<Integer> poolIndices(String flag, int[] indices, int n) {
    for (int i : indices) {
      if (i < 0 || i >= n) {
        throw new InvalidInputException(flag + " holds index " + i + ", outside the pool [0, " + n + ")");
      }
    }
    return Arrays.stream(indices).boxed().collect(Collectors.toList());
  }
}
