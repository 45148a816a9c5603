package org.alkit.submodular;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Parameter;
import org.alkit.api.UnknownNameException;
import org.alkit.submodular.functions.Catalog;
import org.alkit.submodular.functions.KernelRows;
import org.alkit.submodular.kernels.KernelBuilder;
import org.alkit.submodular.optimizers.GreedyResult;
import org.alkit.submodular.optimizers.OptimizerOptions;
import org.alkit.submodular.optimizers.Optimizers;
import org.apiguardian.api.API;

/**
 * Entry point of {@code alkit maximize}: builds the named function and runs the named optimizer,
 * i.e. greedily approximates max_{|A| ≤ k} f(A) over the ground set {0, …, n−1}.
 *
 * <ol>
 *   <li>Checks the request: exactly one of {@code data} (features) and {@code kernel}
 *       (precomputed kernels in submodlib's orientation, see {@link Kernels}); consistent shapes;
 *       1 ≤ budget ≤ n (submodlib's Python wrapper demands budget &lt; n; alkit also allows the
 *       whole ground set). Errors name the request's parameters, or the caller's words for them
 *       ({@link ParameterNames}).</li>
 *   <li>Splits the options: {@code epsilon}, {@code stopIfZeroGain}, {@code stopIfNegativeGain}
 *       go to the optimizer, {@code neighbors} (a sparse k-NN data kernel for facility location)
 *       and {@code knn} ({@code exact}, {@code approximate} NN-Descent seeded by
 *       {@link MaximizeRequest#seed()}, or {@code auto}: exact up to
 *       n = {@value KernelBuilder#AUTO_EXACT_MAX_N}) to the kernel builder, everything else to the
 *       function ({@link SetFunctions#parameters}).</li>
 *   <li>Builds the kernels the function needs from features through the request's
 *       {@link org.alkit.api.ComputeBackend} with submodlib's conventions, timed as
 *       {@link MaximizeResult#kernelMillis()}. {@code log-det} reads K only by its diagonal and
 *       the rows of its k picks (gain log(K_jj + λ − Σ_t e_t[j]²), e_t from the t-th pick's row),
 *       so from features it gets just the diagonal here, O(n·d), and computes the k + 1 rows it
 *       reads during maximization, O(k·n·d) instead of O(n²·d); then
 *       {@link MaximizeResult#kernelMillis()} covers only the diagonal.</li>
 *   <li>Creates the function and runs the optimizer on the request's backend (batches of gains on
 *       its workers), timed as {@link MaximizeResult#maximizeMillis()};
 *       f(A) is reported as f(∅) + Σ gains.</li>
 * </ol>
 *
 * Optimizers: {@code naive} (Nemhauser, Wolsey &amp; Fisher 1978), {@code lazy} (Minoux 1978; the
 * true greedy also on non-submodular functions, unlike submodlib), {@code stochastic} and
 * {@code lazier} (Mirzasoleiman et al. 2015, seeded by {@link MaximizeRequest#seed()}). Exact ties
 * go to the lowest index (submodlib's naive greedy takes the highest).
 */
@API(status = STABLE, since = "0.1")
public final class Maximizer {
  private static final Set<String> OPTIMIZER_KEYS = OptimizerOptions.PARAMETERS.stream()
      .map(Parameter::name).collect(Collectors.toUnmodifiableSet());

  private Maximizer() {}

  /** The function names {@link MaximizeRequest#function()} takes. */
  public static List<String> functionNames() {
    return SetFunctions.names();
  }

  /** The optimizer names {@link MaximizeRequest#optimizer()} takes. */
  public static List<String> optimizerNames() {
    return Optimizers.names();
  }

  /**
   * Runs one maximization; errors name the request's parameters by their component names.
   *
   * @throws UnknownNameException for an unknown function or optimizer
   * @throws InvalidInputException for inputs the function cannot take
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public static MaximizeResult maximize(MaximizeRequest request) {
    return maximize(request, ParameterNames.API);
  }

  /**
   * Runs one maximization; errors name the request's parameters as {@code names} says (a front
   * end passes its own words for them, e.g. its flags).
   *
   * @throws UnknownNameException for an unknown function or optimizer
   * @throws InvalidInputException for inputs the function cannot take
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public static MaximizeResult maximize(MaximizeRequest request, ParameterNames names) {
    SetFunctions.requiredKernels(request.function()); // rejects an unknown function first
    if (!Optimizers.names().contains(request.optimizer())) {
      throw new UnknownNameException("optimizer", request.optimizer(), optimizerNames());
    }
    new RequestChecks(names).check(request);
    Map<String, String> functionOptions = new HashMap<>(request.options());
    Map<String, String> optimizerOptions = new HashMap<>();
    for (String key : OPTIMIZER_KEYS) {
      if (functionOptions.containsKey(key)) {
        optimizerOptions.put(key, functionOptions.remove(key));
      }
    }
    int neighbors = (Integer) KernelBuilder.NEIGHBORS.parse(take(functionOptions, KernelBuilder.NEIGHBORS));
    String knn = (String) KernelBuilder.KNN.parse(take(functionOptions, KernelBuilder.KNN));
    if (neighbors != 0 && request.data().isEmpty()) {
      throw new InvalidInputException("option 'neighbors' = " + neighbors + " applies to "
          + names.of("data") + " only (it builds a sparse kernel from features); expected 0 with "
          + names.of("kernel"));
    }
    OptimizerOptions options = OptimizerOptions.parse(optimizerOptions, request.seed());

    long start = System.nanoTime();
    Function<Map<String, String>, SetFunction> create = kernels(request, names,
        new KernelBuilder.DataKernel(neighbors, knn, request.seed()));
    long built = System.nanoTime();
    SetFunction f = create.apply(functionOptions);
    GreedyResult greedy = Optimizers.create(request.optimizer(), options)
        .maximize(f, request.budget(), request.backend());
    double value = f.evaluate(new int[0]) + greedy.totalGain();
    long done = System.nanoTime();
    return new MaximizeResult(greedy.selected(), greedy.gains(), value, (built - start) / 1e6,
        (done - built) / 1e6);
  }

  /**
   * Builds the kernels the function reads and returns how to create it from its options: from
   * {@code kernel} as given, which may be asymmetric; from features, on-demand kernel rows for a
   * function that reads K by rows (log-det), else the dense or sparse kernels, a dense K exactly
   * symmetric ({@link KernelBuilder}).
   */
  private static Function<Map<String, String>, SetFunction> kernels(MaximizeRequest request,
      ParameterNames names, KernelBuilder.DataKernel dataKernel) {
    Catalog.Spec spec = Catalog.get(request.function());
    if (request.data().isEmpty()) {
      Kernels given = RequestChecks.kernels(request);
      return options -> spec.create(options, given, false);
    }
    KernelBuilder features =
        new KernelBuilder(names.of("data"), names.of("queryData"), names.of("privateData"));
    if (spec.readsRows()) {
      KernelRows rows = features.rows(request.function(), request.data().get(), request.metric(),
          request.backend(), dataKernel);
      return options -> spec.create(options, rows);
    }
    Kernels built = features.build(request.function(), request.data().get(),
        request.queryData().orElse(null), request.privateData().orElse(null), request.metric(),
        request.backend(), dataKernel);
    return options -> spec.create(options, built, true);
  }

  /** Removes option {@code p} from {@code options}: its text, or its default when absent. */
  private static String take(Map<String, String> options, Parameter p) {
    String text = options.remove(p.name());
    return text == null ? p.defaultValue() : text;
  }
}
