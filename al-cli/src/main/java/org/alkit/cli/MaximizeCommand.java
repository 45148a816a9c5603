package org.alkit.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.alkit.api.ComputeBackend;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.Similarity;
import org.alkit.runtime.NpyInputs;
import org.alkit.runtime.Registry;
import org.alkit.submodular.MaximizeRequest;
import org.alkit.submodular.MaximizeResult;
import org.alkit.submodular.Maximizer;
import org.alkit.submodular.ParameterNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code alkit maximize}: greedy maximization of a submodular function over features
 * ({@code --data}, kernels built with {@code --metric}) or the precomputed kernels it reads
 * ({@code --kernel}, {@code --query-kernel}, ...; flvmi, gcmi and com read only the n × q query
 * kernel).
 */
@Command(name = "maximize", mixinStandardHelpOptions = true, version = Alkit.VERSION,
    description = "Maximize a submodular set function under a cardinality budget; writes JSON.")
final class MaximizeCommand implements Callable<Integer> {
  @Inject
  Provider<Registry> registry;

  @Spec
  CommandSpec spec;

  @Option(names = "--function", required = true, description = "set function name")
  String function;

  @Option(names = "--budget", required = true, description = "number of items to pick")
  int budget;

  @Option(names = "--optimizer", defaultValue = "lazy", description = "naive, lazy, stochastic or lazier (default ${DEFAULT-VALUE})")
  String optimizer;

  @Option(names = "--set", description = "function or optimizer option key=value, repeatable")
  List<String> settings = new ArrayList<>();

  @Option(names = "--seed", defaultValue = "0", description = "seed of the stochastic optimizers")
  long seed;

  @Option(names = "--backend", defaultValue = "java", description = "compute backend for kernels (default ${DEFAULT-VALUE})")
  String backend;

  @Option(names = "--backend-option", paramLabel = "<key=value>",
      description = "compute backend option, repeatable, e.g. device=gpu for djl")
  List<String> backendOptions = new ArrayList<>();

  @Option(names = "--out", description = "write the JSON here instead of standard output")
  Path out;

  // features: kernels are built from them with --metric
  @Option(names = "--data", paramLabel = "<file>", description = "ground-set features, n × d (or give kernels)")
  Path data;

  @Option(names = "--metric", defaultValue = "euclidean",
      description = "similarity built from features: euclidean, cosine or dot (default ${DEFAULT-VALUE})")
  String metric;

  @Option(names = "--query-data", paramLabel = "<file>", description = "query features, q × d")
  Path queryData;

  @Option(names = "--private-data", paramLabel = "<file>", description = "private features, p × d")
  Path privateData;

  // precomputed kernels, submodlib orientation; give those the function reads
  @Option(names = "--kernel", paramLabel = "<file>", description = "ground-set kernel, n × n")
  Path kernel;

  @Option(names = "--query-kernel", paramLabel = "<file>", description = "ground × query kernel, n × q")
  Path queryKernel;

  @Option(names = "--private-kernel", paramLabel = "<file>", description = "ground × private kernel, n × p")
  Path privateKernel;

  @Option(names = "--query-query-kernel", paramLabel = "<file>", description = "query × query kernel, q × q")
  Path queryQueryKernel;

  @Option(names = "--private-private-kernel", paramLabel = "<file>", description = "private × private kernel, p × p")
  Path privatePrivateKernel;

  @Option(names = "--query-private-kernel", paramLabel = "<file>", description = "query × private kernel, q × p")
  Path queryPrivateKernel;

  /** The flag of each {@link MaximizeRequest} parameter, for the API's error messages. */
  private static final ParameterNames FLAGS = new ParameterNames(Map.ofEntries(
      Map.entry("budget", "--budget"),
      Map.entry("backend", "--backend"),
      Map.entry("data", "--data"),
      Map.entry("queryData", "--query-data"),
      Map.entry("privateData", "--private-data"),
      Map.entry("kernel", "--kernel"),
      Map.entry("queryKernel", "--query-kernel"),
      Map.entry("privateKernel", "--private-kernel"),
      Map.entry("queryQueryKernel", "--query-query-kernel"),
      Map.entry("privatePrivateKernel", "--private-private-kernel"),
      Map.entry("queryPrivateKernel", "--query-private-kernel")));

  @Override
  public Integer call() {
    if (budget <= 0) {
      throw new InvalidInputException("--budget = " + budget + "; expected a positive number of items");
    }
    Map<String, Path> inputs = new LinkedHashMap<>();
    inputs.put("--data", data);
    inputs.put("--query-data", queryData);
    inputs.put("--private-data", privateData);
    inputs.put("--kernel", kernel);
    inputs.put("--query-kernel", queryKernel);
    inputs.put("--private-kernel", privateKernel);
    inputs.put("--query-query-kernel", queryQueryKernel);
    inputs.put("--private-private-kernel", privatePrivateKernel);
    inputs.put("--query-private-kernel", queryPrivateKernel);
    Inputs.requireOutput("--out", out, inputs);
    if (data == null && spec.commandLine().getParseResult().hasMatchedOption("--metric")) {
      throw new InvalidInputException("--metric = " + metric + " was given without --data; expected it only"
          + " with features (precomputed kernels are used as they are)");
    }
    Similarity similarity = metric(metric);
    Map<String, Optional<Matrix>> read = new LinkedHashMap<>();
    inputs.forEach((flag, file) -> read.put(flag, file == null ? Optional.empty()
        : Optional.of(NpyInputs.matrix(flag, file))));
    try (ComputeBackend compute = RuntimeBeans.backend(registry.get(), backend, backendOptions)) {
      MaximizeRequest request = new MaximizeRequest(function, optimizer, budget, Inputs.keyValues("--set", settings),
          read.get("--data"), read.get("--query-data"), read.get("--private-data"), similarity,
          read.get("--kernel"), read.get("--query-kernel"), read.get("--private-kernel"),
          read.get("--query-query-kernel"), read.get("--private-private-kernel"), read.get("--query-private-kernel"),
          compute, seed);
      long start = System.nanoTime();
      MaximizeResult result = Maximizer.maximize(request, FLAGS);
      double totalMillis = JsonOutput.millisSince(start);

      Map<String, Object> json = new LinkedHashMap<>();
      json.put("selected", result.selected());
      json.put("gains", result.gains());
      json.put("value", result.value());
      Map<String, Object> timing = new LinkedHashMap<>();
      timing.put("kernel_ms", result.kernelMillis());
      timing.put("maximize_ms", result.maximizeMillis());
      timing.put("total_ms", totalMillis);
      json.put("timing", timing);
      JsonOutput.write(json, out, spec.commandLine().getOut());
    }
    return 0;
  }

  private static Similarity metric(String name) {
    for (Similarity s : Similarity.values()) {
      if (s.key().equals(name)) {
        return s;
      }
    }
    throw new InvalidInputException("--metric = '" + name + "'; expected euclidean, cosine or dot");
  }
}
