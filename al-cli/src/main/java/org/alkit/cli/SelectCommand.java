package org.alkit.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.alkit.api.ComputeBackend;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.MissingSignalException;
import org.alkit.api.Options;
import org.alkit.api.ScenarioHints;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;
import org.alkit.api.UnknownNameException;
import org.alkit.runtime.CapabilityBinding;
import org.alkit.runtime.CapabilityCheck;
import org.alkit.runtime.ContextAssembly;
import org.alkit.runtime.Heap;
import org.alkit.runtime.Npy;
import org.alkit.runtime.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code alkit select}: one selection from {@code .npy} signals. Items not in {@code --labeled}
 * form the unlabeled pool; the JSON result lists the picks in order with their scores, and
 * {@code timing.select_ms} times the selection alone. A strategy that needs a capability gets it
 * as in a run ({@link CapabilityBinding}, which says on standard error which engine trains its
 * networks); one that takes part in training is refused, since nothing is fitted here.
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

  private static final Map<Signal, String> FLAGS = Map.of(
      Signal.PROBABILITIES, "--probs",
      Signal.EMBEDDINGS, "--embeddings",
      Signal.MC_PROBABILITIES, "--mc-probs",
      Signal.COMMITTEE_PROBABILITIES, "--committee-probs",
      Signal.PREVIOUS_PROBABILITIES, "--prev-probs",
      Signal.GRADIENT_EMBEDDINGS, "--probs and --embeddings");

  /** The scenario names strategies read from the hints. */
  static final List<String> SCENARIOS = List.of("none", "rare-classes", "ood", "redundancy");

  @Override
  public Integer call() {
    Map<Signal, Path> files = files();
    Inputs.requireOutput("--out", out, inputs(files));
    if (round < 1) {
      throw new InvalidInputException("--round = " + round + "; expected 1 for the first round or more");
    }
    if (!SCENARIOS.contains(scenario)) {
      throw new UnknownNameException("--scenario", scenario, SCENARIOS);
    }
    StrategyProvider provider = Inputs.named("--strategy", () -> registry.get().strategy(strategy));
    Options options = provider.options(Inputs.keyValues("--set", settings));
    Strategy instance = provider.create(options);

    Map<Signal, Npy.Header> headers = new EnumMap<>(Signal.class);
    files.forEach((signal, file) -> headers.put(signal, Inputs.header(FLAGS.get(signal), file,
        signal.shape() == Signal.Shape.MATRIX ? 2 : 3)));
    headers.forEach((signal, h) -> {
      if (signal.shape() == Signal.Shape.STACK && h.shape()[0] < 2) {
        throw new InvalidInputException(FLAGS.get(signal) + " holds " + h.shape()[0] + " matrix (shape " + h
            + "); expected at least 2 along the first axis (Monte-Carlo samples or committee members)");
      }
    });
    int n = poolSize(headers);
    if (budget < 1 || budget > n) {
      throw new InvalidInputException("--budget = " + budget + "; expected 1 <= budget <= pool size (" + n + ")");
    }
    int classes = classes(headers);
    // only the files the strategy reads are read; the others were checked by their headers
    ContextAssembly signals = ContextAssembly.of(n);
    files.forEach((signal, file) -> {
      String flag = FLAGS.get(signal);
      if (signal.shape() == Signal.Shape.MATRIX) {
        signals.matrix(signal, () -> Inputs.matrix(flag, file));
      } else {
        signals.stack(signal, () -> Inputs.stack(flag, file));
      }
    });
    Optional<MissingSignalException> missing = CapabilityCheck.missing(provider, signals.given(),
        absent -> "the inputs (" + absent.stream().sorted().map(FLAGS::get).collect(Collectors.joining(", "))
            + " missing)");
    Set<Signal> offered = ContextAssembly.offered(signals.given());

    try (ComputeBackend compute = RuntimeBeans.backend(registry.get(), backend, backendOptions);
        CapabilityBinding binding = CapabilityBinding.bind(provider, options, instance, missing, Optional.empty(),
            compute, () -> registry.get().backends())) {
      binding.notices().forEach(spec.commandLine().getErr()::println);
      SelectionContext context = signals.build(ctx -> {
        labeledSet(ctx, n, classes);
        return binding.apply(ctx.budget(budget).round(round).seed(seed).hints(hints(n, classes)).backend(compute));
      });
      Set<Signal> read = new TreeSet<>(provider.requires());
      read.addAll(provider.uses());
      read.retainAll(offered);
      for (Signal s : read) { // read and check what the strategy reads now, so select_ms times the selection alone
        Inputs.withFlag(FLAGS.get(s), () -> s.shape() == Signal.Shape.MATRIX ? context.matrix(s) : context.stack(s));
      }
      long start = System.nanoTime();
      Selection selection = instance.select(context);
      long nanos = System.nanoTime() - start;

      Map<String, Object> result = new LinkedHashMap<>();
      result.put("strategy", selection.strategy());
      result.put("params", JsonOutput.typed(selection.parameters(), provider.parameters()));
      result.put("selected", selection.indices());
      result.put("scores", selection.scores());
      result.put("timing", Map.of("select_ms", JsonOutput.millis(nanos)));
      JsonOutput.write(result, out, spec.commandLine().getOut());
    }
    return 0;
  }

  private Map<Signal, Path> files() {
    Map<Signal, Path> files = new EnumMap<>(Signal.class);
    put(files, Signal.PROBABILITIES, probs);
    put(files, Signal.EMBEDDINGS, embeddings);
    put(files, Signal.PREVIOUS_PROBABILITIES, prevProbs);
    put(files, Signal.MC_PROBABILITIES, mcProbs);
    put(files, Signal.COMMITTEE_PROBABILITIES, committeeProbs);
    return files;
  }

  private static void put(Map<Signal, Path> files, Signal signal, Path file) {
    if (file != null) {
      files.put(signal, file);
    }
  }

  /** Every input file by its flag, for the check that --out overwrites none of them. */
  private Map<String, Path> inputs(Map<Signal, Path> files) {
    Map<String, Path> in = new LinkedHashMap<>();
    files.forEach((s, f) -> in.put(FLAGS.get(s), f));
    Map<String, Path> others = new LinkedHashMap<>();
    others.put("--labeled", labeled);
    others.put("--labels", labels);
    others.put("--query", query);
    others.put("--private", privateSet);
    others.forEach((flag, f) -> {
      if (f != null) {
        in.put(flag, f);
      }
    });
    return in;
  }

  /** The pool size every signal agrees on, or --pool-size. */
  private int poolSize(Map<Signal, Npy.Header> headers) {
    if (poolSize != null && poolSize <= 0) {
      throw new InvalidInputException("--pool-size = " + poolSize + "; expected a positive number of pool items");
    }
    String firstFlag = poolSize == null ? null : "--pool-size";
    int n = poolSize == null ? -1 : poolSize;
    for (Map.Entry<Signal, Npy.Header> e : headers.entrySet()) {
      int[] shape = e.getValue().shape();
      int rows = e.getKey().shape() == Signal.Shape.MATRIX ? shape[0] : shape[1];
      if (firstFlag == null) {
        firstFlag = FLAGS.get(e.getKey());
        n = rows;
      } else {
        Inputs.requireRows(FLAGS.get(e.getKey()), rows, firstFlag, n);
      }
    }
    if (n < 0) {
      throw new InvalidInputException("the pool size is unknown; give a signal file (--probs, "
          + "--embeddings, ...) or --pool-size");
    }
    if (n == 0) {
      throw new InvalidInputException(firstFlag + " has 0 rows; expected at least one pool item");
    }
    // the context keeps the unlabeled indices and a flag per item
    Heap.require(firstFlag + " = " + n + " pool items", 5L * n);
    return n;
  }

  /** The class count the probability signals agree on (at least 2), or -1 without them. */
  private static int classes(Map<Signal, Npy.Header> headers) {
    String firstFlag = null;
    int classes = -1;
    for (Map.Entry<Signal, Npy.Header> e : headers.entrySet()) {
      if (e.getKey() == Signal.EMBEDDINGS) {
        continue;
      }
      int[] shape = e.getValue().shape();
      int c = shape[shape.length - 1];
      String flag = FLAGS.get(e.getKey());
      if (c < 2) {
        throw new InvalidInputException(flag + " has " + Inputs.count(c, "class", "classes")
            + " (shape " + e.getValue() + "); expected probabilities over at least 2 classes");
      }
      if (firstFlag == null) {
        firstFlag = flag;
        classes = c;
      } else if (c != classes) {
        throw new InvalidInputException(flag + " has " + c + " classes but " + firstFlag + " has "
            + classes + "; expected the same");
      }
    }
    return classes;
  }

  private void labeledSet(SelectionContext.Builder ctx, int n, int classes) {
    if (labeled == null) {
      if (labels != null) {
        throw new InvalidInputException("--labels is given without --labeled; expected both or neither");
      }
      return;
    }
    int[] indices = Inputs.poolIndices("--labeled", labeled, n);
    int[] values = labels == null ? null : Inputs.indices("--labels", labels);
    if (values != null && values.length != indices.length) {
      throw new InvalidInputException("--labels has " + values.length + " entries but --labeled has "
          + indices.length + "; expected one label per labeled item");
    }
    if (values != null) {
      for (int k = 0; k < values.length; k++) {
        Inputs.requireClass("--labels", k, values[k], classes);
      }
    }
    Inputs.withFlag("--labeled", () -> ctx.labeled(indices, values));
    int unlabeled = n - indices.length;
    if (unlabeled == 0) {
      throw new InvalidInputException("--labeled covers all " + n + " pool items; expected at least one"
          + " unlabeled item to pick");
    }
    if (budget > unlabeled) {
      throw new InvalidInputException("--budget = " + budget + " but only " + unlabeled + " of the " + n
          + " pool items are unlabeled; expected 1 <= budget <= " + unlabeled);
    }
  }

  private ScenarioHints hints(int n, int classes) {
    for (Integer c : rareClasses) {
      Inputs.requireClass("--rare-classes", -1, c, classes);
    }
    for (Integer c : oodClasses) {
      Inputs.requireClass("--ood-classes", -1, c, classes);
    }
    ScenarioHints hints = ScenarioHints.none().withScenario(scenario)
        .withRareClasses(Set.copyOf(rareClasses)).withOodClasses(Set.copyOf(oodClasses));
    if (query != null) {
      hints = Inputs.isMatrix("--query", query)
          ? hints.withQueryFeatures(Inputs.matrix("--query", query))
          : hints.withQueryIndices(list(Inputs.poolIndices("--query", query, n)));
    }
    if (privateSet != null) {
      hints = Inputs.isMatrix("--private", privateSet)
          ? hints.withPrivateFeatures(Inputs.matrix("--private", privateSet))
          : hints.withPrivateIndices(list(Inputs.poolIndices("--private", privateSet, n)));
    }
    return hints;
  }

  private static List<Integer> list(int[] indices) {
    return Arrays.stream(indices).boxed().collect(Collectors.toList());
  }
}
