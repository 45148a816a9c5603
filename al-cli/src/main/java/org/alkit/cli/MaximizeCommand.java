package org.alkit.cli;

import jakarta.inject.Inject;
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
import org.alkit.runtime.Registry;
import org.alkit.submodular.MaximizeRequest;
import org.alkit.submodular.MaximizeResult;
import org.alkit.submodular.Maximizer;
import org.alkit.submodular.ParameterNames;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code alkit maximize}: greedy maximization of a submodular function over features
 * ({@code --data}, kernels built with {@code --metric}) or precomputed kernels ({@code --kernel}).
 */
@Command(name = "maximize", description = "Maximize a submodular set function under a cardinality budget; writes JSON.")
final class MaximizeCommand implements Callable<Integer> {
  @Inject
  Registry registry;

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

  @Option(names = "--out", description = "write the JSON here instead of standard output")
  Path out;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  /** Exactly one of features or a kernel. */
  static final class Source {
    @ArgGroup(exclusive = false)
    Features features;

    @ArgGroup(exclusive = false)
    Kernels kernels;
  }

  /** Raw features; kernels are built from them. */
  static final class Features {
    @Option(names = "--data", required = true, description = "ground-set features, n × d")
    Path data;

    @Option(names = "--metric", defaultValue = "euclidean", description = "euclidean or cosine (default ${DEFAULT-VALUE})")
    String metric;

    @Option(names = "--query-data", description = "query features, q × d")
    Path queryData;

    @Option(names = "--private-data", description = "private features, p × d")
    Path privateData;
  }

  /** Precomputed kernels, submodlib orientation. */
  static final class Kernels {
    @Option(names = "--kernel", required = true, description = "ground-set kernel, n × n")
    Path kernel;

    @Option(names = "--query-kernel", description = "ground × query kernel, n × q")
    Path queryKernel;

    @Option(names = "--private-kernel", description = "ground × private kernel, n × p")
    Path privateKernel;

    @Option(names = "--query-query-kernel", description = "query × query kernel, q × q")
    Path queryQueryKernel;

    @Option(names = "--private-private-kernel", description = "private × private kernel, p × p")
    Path privatePrivateKernel;

    @Option(names = "--query-private-kernel", description = "query × private kernel, q × p")
    Path queryPrivateKernel;
  }

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
    Features f = source.features;
    Kernels k = source.kernels;
    try (ComputeBackend compute = RuntimeBeans.backend(registry, backend)) {
      return maximize(f, k, compute);
    }
  }

  private int maximize(Features f, Kernels k, ComputeBackend compute) {
    MaximizeRequest request = new MaximizeRequest(function, optimizer, budget, Inputs.keyValues(settings),
        f == null ? Optional.empty() : Optional.of(Inputs.matrix("--data", f.data)),
        optional("--query-data", f == null ? null : f.queryData),
        optional("--private-data", f == null ? null : f.privateData),
        f == null ? Similarity.EUCLIDEAN : metric(f.metric),
        k == null ? Optional.empty() : Optional.of(Inputs.matrix("--kernel", k.kernel)),
        optional("--query-kernel", k == null ? null : k.queryKernel),
        optional("--private-kernel", k == null ? null : k.privateKernel),
        optional("--query-query-kernel", k == null ? null : k.queryQueryKernel),
        optional("--private-private-kernel", k == null ? null : k.privatePrivateKernel),
        optional("--query-private-kernel", k == null ? null : k.queryPrivateKernel),
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
    return 0;
  }

  private static Optional<Matrix> optional(String flag, Path file) {
    return file == null ? Optional.empty() : Optional.of(Inputs.matrix(flag, file));
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
